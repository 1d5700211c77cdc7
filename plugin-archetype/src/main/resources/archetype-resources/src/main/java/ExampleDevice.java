package ${package};

import io.gantry.engine.api.device.Device;
import io.gantry.engine.api.device.DeviceContext;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * One device. The controller connects and disconnects it and never runs two of its commands at the
 * same time. Here the link "comes up" after 100 ms; replace that with your protocol's asynchronous
 * connect. Whatever is pending when the device is closed must be completed: the controller closes a
 * device when its plugin is updated or the device is deleted.
 */
final class ExampleDevice implements Device {
    private final DeviceContext context;
    private volatile CompletableFuture<Void> pendingConnect = CompletableFuture.completedFuture(null);

    ExampleDevice(DeviceContext context) {
        this.context = context;
    }

    @Override
    public CompletionStage<Void> connect() {
        CompletableFuture<Void> link = new CompletableFuture<>();
        pendingConnect = link;
        CompletableFuture.delayedExecutor(100, TimeUnit.MILLISECONDS).execute(() -> link.complete(null));
        return link;
    }

    @Override
    public CompletionStage<Void> disconnect() {
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void close() {
        pendingConnect.completeExceptionally(new IllegalStateException("device " + context.deviceId() + " closed"));
    }

    /** @return the host this device talks to, from its validated config */
    String host() {
        return String.valueOf(context.config().get("host"));
    }
}
