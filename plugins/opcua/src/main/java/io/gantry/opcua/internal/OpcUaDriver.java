package io.gantry.opcua.internal;

import io.gantry.engine.api.device.Device;
import io.gantry.engine.api.device.DeviceContext;
import io.gantry.engine.api.device.DeviceDriver;
import io.gantry.engine.api.device.DeviceTypeDescriptor;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.milo.opcua.stack.core.Stack;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The driver of device type {@value #TYPE_ID}. Each device owns its session; the driver owns what they share:
 * the pki folder ({@code <gantry.data>/opcua/pki}) and Milo's shared threads (event loop, executors, wheel
 * timer), which Milo keeps in static fields of the classes embedded in this bundle. When the driver
 * deactivates (the bundle stops, is updated or uninstalled) it closes the devices still alive and releases
 * those threads, so no thread of this bundle outlives it.
 */
@Component(service = DeviceDriver.class)
public final class OpcUaDriver implements DeviceDriver {
    /** The device type id that the OPC UA functions name as their {@code deviceType}. */
    public static final String TYPE_ID = "opcua";

    private static final Logger LOG = LoggerFactory.getLogger(OpcUaDriver.class);
    private static final long STOP_SECONDS = 5;
    // No signals of its own: every signal comes from an instance's config.
    private static final DeviceTypeDescriptor DESCRIPTOR =
            new DeviceTypeDescriptor(TYPE_ID, "OPC UA server", OpcUaConfig.SCHEMA, List.of());

    private final Set<OpcUaDevice> devices = ConcurrentHashMap.newKeySet();
    private final Pki pki;

    /**
     * @param context the bundle's context: its framework property {@code gantry.data} is where the pki goes
     *     (a relative path from the working directory; {@code data} when unset), as the controller's own data
     */
    @Activate
    public OpcUaDriver(BundleContext context) {
        this(dataDir(context.getProperty("gantry.data")));
    }

    /** @param dataDir the controller's data folder; the pki is its {@code opcua/pki} */
    OpcUaDriver(Path dataDir) {
        this.pki = new Pki(dataDir.resolve("opcua").resolve("pki"));
    }

    private static Path dataDir(String property) {
        return Path.of(property == null || property.isBlank() ? "data" : property);
    }

    /** @return the pki folder */
    Path pkiDir() {
        return pki.dir();
    }

    /**
     * Closes the devices still alive, waits (a few seconds at most) for their sessions to end, and releases
     * Milo's shared threads and netty's global executor.
     */
    @Deactivate
    public void deactivate() {
        List<OpcUaDevice> alive = List.copyOf(devices);
        alive.forEach(OpcUaDevice::close);
        CompletableFuture<?>[] closings = alive.stream()
                .map(device -> device.closing().toCompletableFuture())
                .toArray(CompletableFuture<?>[]::new);
        try {
            CompletableFuture.allOf(closings).get(STOP_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            LOG.debug("not every OPC UA session ended in time; their channels close with the event loop", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        pki.close();
        Stack.releaseSharedResources(STOP_SECONDS, TimeUnit.SECONDS);
        try {
            // netty's own one-thread executor (it closes channels' leftovers); it ends a second after its last task
            GlobalEventExecutor.INSTANCE.awaitInactivity(STOP_SECONDS, TimeUnit.SECONDS);
        } catch (IllegalStateException e) {
            // its thread never started: nothing to wait for
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LOG.info("opcua driver stopped");
    }

    @Override
    public DeviceTypeDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Device create(DeviceContext context) {
        OpcUaConfig config = OpcUaConfig.from(context.deviceId(), context.config());
        OpcUaDevice device = new OpcUaDevice(context, config, pki, devices::remove);
        devices.add(device);
        LOG.debug("created opcua device '{}': {}", context.deviceId(), config);
        return device;
    }
}
