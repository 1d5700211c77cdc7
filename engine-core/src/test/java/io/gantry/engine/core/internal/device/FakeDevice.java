package io.gantry.engine.core.internal.device;

import io.gantry.engine.api.device.Device;
import io.gantry.engine.api.device.DeviceContext;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;

/** An instance of a {@link FakeDriver}: it records its calls and answers as its driver says. */
final class FakeDevice implements Device {
    final FakeDriver driver;
    final DeviceContext context;
    final BlockingQueue<CompletableFuture<Void>> connects = new LinkedBlockingQueue<>();
    final BlockingQueue<CompletableFuture<Void>> disconnects = new LinkedBlockingQueue<>();
    /** Completes when close is called (before a hung close starts hanging). */
    final CompletableFuture<Void> closed = new CompletableFuture<>();

    FakeDevice(FakeDriver driver, DeviceContext context) {
        this.driver = driver;
        this.context = context;
    }

    @Override
    public CompletionStage<Void> connect() {
        return driver.connects.apply(connects);
    }

    @Override
    public CompletionStage<Void> disconnect() {
        return driver.disconnects.apply(disconnects);
    }

    @Override
    public void close() {
        closed.complete(null);
        CountDownLatch gate = driver.closeGate;
        if (gate != null) {
            Await.uninterruptibly(gate);
        }
    }

    /** @return the answer to this instance's next connect, for the test to complete */
    CompletableFuture<Void> nextConnect() {
        return Await.take(connects, "a connect of " + context.deviceId());
    }
}
