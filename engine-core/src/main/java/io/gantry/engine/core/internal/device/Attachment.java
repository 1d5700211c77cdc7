package io.gantry.engine.core.internal.device;

import io.gantry.engine.api.device.Device;
import io.gantry.engine.api.device.DeviceDriver;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * One life of a device on one driver object: begun before the driver's {@code create} is called,
 * given the instance when it returns, and retired once — when the driver leaves or is replaced, the
 * config changes, the device is deleted, or the create failed. The driver is kept by identity: after
 * a plugin update the same type is served by another object, and this life is over.
 *
 * <p>Everything an attachment's instance says, and every answer to a call on it, is checked against
 * the device's current attachment, so a retired one cannot change its successor's status.
 */
final class Attachment {
    private final long epoch;
    private final DeviceDriver driver;
    private final CompletableFuture<Void> retired = new CompletableFuture<>();
    private Device instance; // guarded by this
    private boolean over; // guarded by this

    Attachment(long epoch, DeviceDriver driver) {
        this.epoch = epoch;
        this.driver = driver;
    }

    long epoch() {
        return epoch;
    }

    DeviceDriver driver() {
        return driver;
    }

    synchronized Device instance() {
        return instance;
    }

    synchronized boolean isRetired() {
        return over;
    }

    /**
     * @param created what the driver's create returned
     * @return false when this attachment was retired while the driver created it: the caller closes it
     */
    synchronized boolean adopt(Device created) {
        if (over) {
            return false;
        }
        instance = created;
        return true;
    }

    /**
     * Ends this life; work still waiting on it is abandoned.
     *
     * @return its instance, for the caller to close; null when it has none or was retired before
     */
    Device retire() {
        Device left;
        synchronized (this) {
            if (over) {
                return null;
            }
            over = true;
            left = instance;
        }
        retired.complete(null); // outside the monitor: what waits on it goes on at once
        return left;
    }

    /**
     * A vendor's future may never complete, even when its instance is closed: the device's work
     * must not wait for it once the instance is replaced.
     *
     * @return completes with the work's result, or with {@code abandoned} when this attachment is retired first
     */
    <T> CompletableFuture<T> unlessRetired(CompletableFuture<T> work, T abandoned) {
        return work.applyToEither(retired.thenApply(ignored -> abandoned), Function.identity());
    }

    @Override
    public String toString() {
        return "attachment " + epoch;
    }
}
