package io.gantry.engine.core.internal.device;

import io.gantry.engine.api.device.Device;
import io.gantry.engine.api.device.DeviceContext;
import io.gantry.engine.api.device.DeviceDriver;
import io.gantry.engine.api.device.DeviceTypeDescriptor;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Function;

/**
 * A driver whose instances do what the test says: by default a connect is answered only when the
 * test completes it ({@link FakeDevice#nextConnect()}).
 */
final class FakeDriver implements DeviceDriver {
    /** Answers a connect or disconnect when the test completes the future. */
    static final Function<BlockingQueue<CompletableFuture<Void>>, CompletionStage<Void>> LATER = calls -> {
        CompletableFuture<Void> answer = new CompletableFuture<>();
        calls.add(answer);
        return answer;
    };
    /** Answers a connect or disconnect at once. */
    static final Function<BlockingQueue<CompletableFuture<Void>>, CompletionStage<Void>> AT_ONCE = calls -> {
        CompletableFuture<Void> answer = CompletableFuture.completedFuture(null);
        calls.add(answer);
        return answer;
    };

    private final String type;
    private final DeviceTypeDescriptor descriptor;
    final BlockingQueue<FakeDevice> created = new LinkedBlockingQueue<>();
    final List<FakeDevice> all = new CopyOnWriteArrayList<>();
    /** How an instance's connect answers. */
    volatile Function<BlockingQueue<CompletableFuture<Void>>, CompletionStage<Void>> connects = LATER;
    /** How an instance's disconnect answers. */
    volatile Function<BlockingQueue<CompletableFuture<Void>>, CompletionStage<Void>> disconnects = AT_ONCE;
    /** When set, create waits for it: a hung create. */
    volatile CountDownLatch createGate;
    /** When set, an instance's close waits for it: a hung close. */
    volatile CountDownLatch closeGate;
    /** When set, create throws it. */
    volatile RuntimeException createFailure;
    /** Counted down when create is entered. */
    final CountDownLatch createEntered = new CountDownLatch(1);

    FakeDriver(String type) {
        this(type, "{\"type\":\"object\"}");
    }

    FakeDriver(String type, String configSchema) {
        this.type = type;
        this.descriptor = new DeviceTypeDescriptor(type, type, configSchema);
    }

    String type() {
        return type;
    }

    FakeDriver answering() {
        connects = AT_ONCE;
        return this;
    }

    @Override
    public DeviceTypeDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public Device create(DeviceContext context) {
        createEntered.countDown();
        CountDownLatch gate = createGate;
        if (gate != null) {
            Await.uninterruptibly(gate);
        }
        RuntimeException failure = createFailure;
        if (failure != null) {
            throw failure;
        }
        FakeDevice device = new FakeDevice(this, context);
        all.add(device);
        created.add(device);
        return device;
    }

    /** @return the next instance this driver creates */
    FakeDevice next() {
        return Await.take(created, "an instance created by " + type);
    }
}
