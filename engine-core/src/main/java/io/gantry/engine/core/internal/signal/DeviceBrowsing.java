package io.gantry.engine.core.internal.signal;

import io.gantry.engine.api.device.Device;
import io.gantry.engine.api.error.ConflictException;
import io.gantry.engine.api.error.DeviceFaultException;
import io.gantry.engine.api.error.DeviceTimeoutException;
import io.gantry.engine.api.error.GantryException;
import io.gantry.engine.api.signal.BrowseEntry;
import io.gantry.engine.api.signal.SignalBrowser;
import io.gantry.engine.core.internal.device.DeviceManager;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Browses a connected device's address space for an engineer picking signals. Not in the device's turn:
 * a browse only reads the device's description, and an engineer should not wait behind a long move.
 * Bounded by the signals' call deadline.
 */
@Component(service = DeviceBrowsing.class, configurationPid = "io.gantry.engine.core.internal.signal.DeviceSignals")
public final class DeviceBrowsing {
    private final DeviceManager devices;
    private final long timeoutMs;

    /**
     * @param config  the signals' settings, for the deadline
     * @param devices the devices
     */
    @Activate
    public DeviceBrowsing(SignalConfiguration config, @Reference DeviceManager devices) {
        this.devices = devices;
        this.timeoutMs = config.callTimeoutMs();
    }

    /**
     * @param deviceId a device id
     * @param address  where to list from; null for the top
     * @return one level of entries
     * @throws ConflictException when the device's type cannot browse
     * @throws GantryException   as {@link DeviceManager#connectedInstance}, or what the device failed with
     */
    public List<BrowseEntry> browse(String deviceId, String address) {
        String type = devices.get(deviceId).type();
        Device device = devices.connectedInstance(deviceId);
        if (!(device instanceof SignalBrowser browser)) {
            throw new ConflictException(
                    "device '" + deviceId + "' of type '" + type + "' cannot list its address space (no browse)");
        }
        String where = address == null ? "the top" : "'" + address + "'";
        try {
            return List.copyOf(browser.browse(address).toCompletableFuture().get(timeoutMs, TimeUnit.MILLISECONDS));
        } catch (ExecutionException e) {
            Throwable cause = SignalCalls.unwrap(e);
            if (cause instanceof GantryException gantry) {
                throw gantry;
            }
            throw new DeviceFaultException(
                    deviceId, "browse of " + where + " failed: " + SignalCalls.explain(cause), cause);
        } catch (TimeoutException e) {
            throw new DeviceTimeoutException(
                    deviceId,
                    "browse of " + where + " on device '" + deviceId + "' did not answer within " + timeoutMs + " ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while browsing device '" + deviceId + "'", e);
        } catch (RuntimeException | LinkageError e) { // a plugin that threw instead of failing the stage
            if (e instanceof GantryException gantry) {
                throw gantry;
            }
            throw new DeviceFaultException(deviceId, "browse of " + where + " failed: " + SignalCalls.explain(e), e);
        }
    }
}
