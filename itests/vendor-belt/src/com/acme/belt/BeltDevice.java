package com.acme.belt;

import io.gantry.engine.api.device.Device;
import io.gantry.engine.api.error.DeviceFaultException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/** One belt: its link comes up asynchronously, as a real controller's does. */
final class BeltDevice implements Device {
    private final Map<String, Object> config;

    BeltDevice(Map<String, Object> config) {
        this.config = config;
    }

    @Override
    public CompletionStage<Void> connect() {
        CompletableFuture<Void> link = new CompletableFuture<>();
        if (Boolean.TRUE.equals(config.get("hang"))) {
            return link; // a controller that never answers; close() does not complete it either
        }
        long delay = config.get("connectMs") instanceof Number ms ? ms.longValue()
                : ThreadLocalRandom.current().nextLong(50, 501);
        Object failure = config.get("failConnect");
        CompletableFuture.delayedExecutor(delay, TimeUnit.MILLISECONDS).execute(() -> {
            if (failure == null) {
                link.complete(null);
            } else {
                link.completeExceptionally(new DeviceFaultException(null, String.valueOf(failure)));
            }
        });
        return link;
    }

    @Override
    public CompletionStage<Void> disconnect() {
        return CompletableFuture.completedFuture(null);
    }
}
