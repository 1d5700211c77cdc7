package io.gantry.engine.core.internal.device;

import io.gantry.engine.api.device.Device;
import io.gantry.engine.api.device.DeviceContext;
import io.gantry.engine.api.device.DeviceDriver;
import io.gantry.engine.api.device.DeviceStatus;
import io.gantry.engine.api.error.ConflictException;
import io.gantry.engine.api.error.DeviceNotConnectedException;
import io.gantry.engine.api.error.NotFoundException;
import io.gantry.engine.api.error.PipelineValidationException;
import io.gantry.engine.api.error.PluginUnavailableException;
import io.gantry.engine.api.error.Problem;
import io.gantry.engine.api.event.EventProperties;
import io.gantry.engine.api.event.Topics;
import io.gantry.engine.api.service.DeviceInfo;
import io.gantry.engine.api.service.DeviceSpec;
import io.gantry.engine.api.storage.DeviceRepository;
import io.gantry.engine.api.storage.StoredDevice;
import io.gantry.engine.core.internal.events.EventPublisher;
import io.gantry.engine.core.internal.registry.LiveDrivers;
import io.gantry.engine.core.internal.resilience.DeviceBreakers;
import io.gantry.engine.core.internal.schema.JsonSchemaChecker;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns every device instance: creates them from a type and a validated config, connects and
 * disconnects them, and follows their drivers. When a driver leaves (its plugin is removed or
 * updated) its instances are closed and become UNAVAILABLE — kept, not deleted, with no reference
 * into the old bundle left behind; when a driver of their type arrives they are created again on it
 * and reconnected if they should be connected. Every change is stored and announced.
 */
@Component(service = DeviceManager.class)
@Designate(ocd = DeviceManagerConfiguration.class)
public final class DeviceManager {
    private static final Logger LOG = LoggerFactory.getLogger(DeviceManager.class);

    private final DeviceRepository repository;
    private final LiveDrivers registry;
    private final DeviceValidation validation;
    private final StatusAnnouncer announcer;
    private final DeviceBreakers breakers;
    private final long connectTimeoutMs;
    private final ConcurrentMap<String, ManagedDevice> devices = new ConcurrentHashMap<>();
    private final Runnable followDrivers = () -> execute(this::followDrivers);
    private final ExecutorService reconnector = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "gantry-device-attach");
        thread.setDaemon(true);
        return thread;
    });

    /**
     * Loads the stored devices; they attach to their drivers as the registry reports them.
     *
     * @param config     timeouts
     * @param repository where devices are stored
     * @param registry   the live drivers
     * @param events     the event bus
     * @param schemas    checks configs against the types' schemas
     * @param breakers   the devices' circuit breakers: their state is part of a device's info, and an
     *     opening breaker may fault its device
     */
    @Activate
    public DeviceManager(DeviceManagerConfiguration config, @Reference DeviceRepository repository,
            @Reference LiveDrivers registry, @Reference EventPublisher events, @Reference JsonSchemaChecker schemas,
            @Reference DeviceBreakers breakers) {
        this.repository = repository;
        this.breakers = breakers;
        this.registry = registry;
        this.validation = new DeviceValidation(registry, schemas);
        this.announcer = new StatusAnnouncer(events);
        this.connectTimeoutMs = config.connectTimeoutMs();
        for (StoredDevice stored : repository.findAll()) {
            devices.put(stored.id(), new ManagedDevice(stored));
        }
        registry.onChange(followDrivers);
        followDrivers.run();
        breakers.onOpenFault(this::breakerOpened);
    }

    @Deactivate
    void stop() throws InterruptedException {
        registry.removeOnChange(followDrivers);
        breakers.onOpenFault((deviceId, reason) -> {});
        reconnector.shutdownNow();
        reconnector.awaitTermination(2, TimeUnit.SECONDS);
        devices.values().forEach(device -> close(device.detach()));
    }

    /**
     * Creates a device, disconnected.
     *
     * @param spec type, name, config and an optional id
     * @return the device
     */
    public DeviceInfo create(DeviceSpec spec) {
        String id = spec.id() == null ? validation.newId(spec.type()) : spec.id();
        validation.check(id, spec.type(), spec.name(), spec.config());
        StoredDevice stored = new StoredDevice(id, spec.type(), spec.name(), Map.copyOf(spec.config()), false);
        ManagedDevice device = new ManagedDevice(stored);
        if (devices.putIfAbsent(id, device) != null) {
            throw new ConflictException("device '" + id + "' already exists");
        }
        try {
            repository.save(stored);
        } catch (RuntimeException e) {
            devices.remove(id, device);
            throw e;
        }
        attach(device);
        announcer.created(id, spec.type());
        return info(device);
    }

    /** @return every device, by id */
    public List<DeviceInfo> list() {
        List<DeviceInfo> all = new ArrayList<>();
        devices.values().forEach(device -> all.add(info(device)));
        all.sort(Comparator.comparing(DeviceInfo::id));
        return all;
    }

    /**
     * @param id a device id
     * @return the device
     */
    public DeviceInfo get(String id) {
        return info(require(id));
    }

    /**
     * @param id a device id
     * @return the device's type id, if the device exists
     */
    public Optional<String> typeOf(String id) {
        ManagedDevice device = devices.get(id);
        return device == null ? Optional.empty() : Optional.of(device.stored().type());
    }

    /**
     * @param id a device id
     * @return the live instance, for a node about to run on it
     * @throws DeviceNotConnectedException when it is not connected
     * @throws PluginUnavailableException when no plugin offers its type now (UNAVAILABLE)
     */
    public Device connectedInstance(String id) {
        ManagedDevice device = require(id);
        synchronized (device) {
            if (device.status() == DeviceStatus.UNAVAILABLE) {
                throw new PluginUnavailableException("device '" + id + "' is unavailable: no plugin offers type '"
                        + device.stored().type() + "' now");
            }
            if (device.status() != DeviceStatus.CONNECTED) {
                throw new DeviceNotConnectedException(id, "device '" + id + "' is not connected (it is "
                        + device.status() + ")");
            }
            return device.instance();
        }
    }

    /**
     * Replaces name and config; the instance is created again with the new config and reconnected
     * when it was connected.
     */
    public DeviceInfo update(String id, String name, Map<String, Object> config) {
        ManagedDevice device = require(id);
        StoredDevice old = device.stored();
        validation.check(id, old.type(), name, config);
        StoredDevice updated = new StoredDevice(id, old.type(), name, Map.copyOf(config), old.shouldBeConnected());
        repository.save(updated);
        device.stored(updated);
        close(device.detach());
        attach(device);
        return info(device);
    }

    /** Disconnects and forgets a device. */
    public void delete(String id) {
        ManagedDevice device = require(id);
        repository.delete(id);
        devices.remove(id, device);
        close(device.detach());
        breakers.forget(id);
        announcer.removed(id);
    }

    /** Connects a device and waits, bounded, for the outcome. */
    public DeviceInfo connect(String id) {
        ManagedDevice device = require(id);
        Device instance = availableInstance(device);
        repository.setShouldBeConnected(id, true);
        device.stored(device.stored().withShouldBeConnected(true));
        device.move(instance, DeviceStatus.CONNECTING, null);
        await(device, instance, instance.connect(), DeviceStatus.CONNECTED, "connect");
        return info(device);
    }

    /** Disconnects a device and waits, bounded, for the outcome. */
    public DeviceInfo disconnect(String id) {
        ManagedDevice device = require(id);
        repository.setShouldBeConnected(id, false);
        device.stored(device.stored().withShouldBeConnected(false));
        Device instance = device.instance();
        if (instance != null) {
            await(device, instance, instance.disconnect(), DeviceStatus.DISCONNECTED, "disconnect");
        }
        return info(device);
    }

    private void await(ManagedDevice device, Device instance, java.util.concurrent.CompletionStage<Void> step,
            DeviceStatus success, String what) {
        String id = device.stored().id();
        try {
            step.toCompletableFuture().get(connectTimeoutMs, TimeUnit.MILLISECONDS);
            moveAndAnnounce(device, instance, success, null);
        } catch (TimeoutException e) {
            moveAndAnnounce(device, instance, DeviceStatus.FAULT, what + " did not complete within " + connectTimeoutMs + " ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for device '" + id + "'", e);
        } catch (Exception e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            moveAndAnnounce(device, instance, DeviceStatus.FAULT, what + " failed: " + cause.getMessage());
        }
    }

    /** Attaches every device whose driver arrived, and detaches every device whose driver left. */
    private void followDrivers() {
        for (ManagedDevice device : devices.values()) {
            boolean driverPresent = registry.liveDriver(device.stored().type()).isPresent();
            if (device.instance() == null && driverPresent) {
                attach(device);
            } else if (device.instance() != null && !driverPresent) {
                close(device.detach());
                announcer.unavailable(device.stored().id(), device.stored().type());
            }
        }
    }

    /** Creates the device's instance on its driver, if present, and reconnects it when it should be. */
    private void attach(ManagedDevice device) {
        StoredDevice stored = device.stored();
        Optional<DeviceDriver> driver = registry.liveDriver(stored.type()).map(p -> p.service());
        if (driver.isEmpty()) {
            return;
        }
        try {
            Device created = driver.get().create(new ManagedDeviceContext(stored, this));
            synchronized (device) {
                if (device.instance() != null) {
                    close(created); // someone attached meanwhile
                    return;
                }
                device.attach(created);
            }
            if (stored.shouldBeConnected()) {
                execute(() -> reconnect(device));
            }
        } catch (RuntimeException e) {
            LOG.error("driver of type '{}' cannot create device '{}': {}", stored.type(), stored.id(), e.getMessage());
        }
    }

    private void execute(Runnable task) {
        try {
            reconnector.execute(task);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            LOG.debug("device manager stopping; task dropped");
        }
    }

    private void reconnect(ManagedDevice device) {
        Device instance = device.instance();
        if (instance != null && device.status() == DeviceStatus.DISCONNECTED) {
            LOG.info("reconnecting device '{}'", device.stored().id());
            device.move(instance, DeviceStatus.CONNECTING, null);
            await(device, instance, instance.connect(), DeviceStatus.CONNECTED, "reconnect");
        }
    }

    /** A device's breaker opened and the configuration says that faults the device. */
    private void breakerOpened(String id, String reason) {
        ManagedDevice device = devices.get(id);
        if (device != null) {
            moveAndAnnounce(device, device.instance(), DeviceStatus.FAULT, reason);
        }
    }

    /** Called by a device's context when the device reports trouble by itself. */
    void reported(String id, Device instance, DeviceStatus status, String reason) {
        ManagedDevice device = devices.get(id);
        if (device != null) {
            moveAndAnnounce(device, instance, status, reason);
        }
    }

    private void moveAndAnnounce(ManagedDevice device, Device instance, DeviceStatus status, String error) {
        if (!device.move(instance, status, error)) {
            return;
        }
        announcer.moved(device.stored().id(), status, error);
    }

    private Device availableInstance(ManagedDevice device) {
        Device instance = device.instance();
        if (instance == null) {
            throw new PluginUnavailableException("device '" + device.stored().id() + "' is unavailable: no plugin offers type '"
                    + device.stored().type() + "' now");
        }
        return instance;
    }

    private ManagedDevice require(String id) {
        ManagedDevice device = id == null ? null : devices.get(id);
        if (device == null) {
            throw new NotFoundException("device '" + id + "' does not exist");
        }
        return device;
    }

    private DeviceInfo info(ManagedDevice device) {
        // read outside the device's monitor: the breaker's listeners may move the device
        return device.info(breakers.state(device.stored().id()));
    }

    private static void close(Device instance) {
        if (instance == null) {
            return;
        }
        try {
            instance.close();
        } catch (RuntimeException e) {
            LOG.warn("closing a device instance failed: {}", e.toString());
        }
    }

    /** The context handed to each instance: its identity and config, and a way back for its reports. */
    private record ManagedDeviceContext(StoredDevice stored, DeviceManager manager) implements DeviceContext {
        @Override
        public String deviceId() {
            return stored.id();
        }

        @Override
        public Map<String, Object> config() {
            return stored.config();
        }

        @Override
        public void reportFault(String reason) {
            ManagedDevice device = manager.devices.get(stored.id());
            if (device != null) {
                manager.reported(stored.id(), device.instance(), DeviceStatus.FAULT, reason);
            }
        }

        @Override
        public void reportDisconnected(String reason) {
            ManagedDevice device = manager.devices.get(stored.id());
            if (device != null) {
                manager.reported(stored.id(), device.instance(), DeviceStatus.DISCONNECTED, reason);
            }
        }
    }
}
