package io.gantry.engine.core.internal.device;

import io.gantry.engine.api.device.Device;
import io.gantry.engine.api.error.ConflictException;
import io.gantry.engine.api.error.DeviceNotConnectedException;
import io.gantry.engine.api.error.InvalidConfigException;
import io.gantry.engine.api.error.NotFoundException;
import io.gantry.engine.api.error.PipelineValidationException;
import io.gantry.engine.api.error.PluginUnavailableException;
import io.gantry.engine.api.error.Problem;
import io.gantry.engine.api.service.DeviceInfo;
import io.gantry.engine.api.service.DeviceSpec;
import io.gantry.engine.api.storage.DeviceRepository;
import io.gantry.engine.api.storage.StoredDevice;
import io.gantry.engine.core.internal.events.EventPublisher;
import io.gantry.engine.core.internal.registry.LiveDrivers;
import io.gantry.engine.core.internal.resilience.DeviceBreakers;
import io.gantry.engine.core.internal.schema.JsonSchemaChecker;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
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
 * disconnects them, and follows their drivers. When a driver leaves its instances are closed and
 * become UNAVAILABLE — kept, not deleted, with no reference into the old bundle left behind; when a
 * driver of their type arrives, or another object takes over the type (a plugin update), they are
 * created again on it and reconnected if they should be connected. Every change is stored and announced.
 *
 * <p>Each device works on its own ({@link DeviceLink}): a plugin that hangs in create, connect or
 * close delays only its own devices, for at most {@code connectTimeoutMs}.
 */
@Component(service = DeviceManager.class)
@Designate(ocd = DeviceManagerConfiguration.class)
public final class DeviceManager {
    private static final Logger LOG = LoggerFactory.getLogger(DeviceManager.class);
    /** What a client's request waits beyond the connect timeout, for the work queued around the plugin's call. */
    static final long REQUEST_GRACE_MS = 1_000;

    private final DeviceRepository repository;
    private final LiveDrivers drivers;
    private final DeviceBreakers breakers;
    private final DeviceValidation validation;
    private final StatusAnnouncer announcer;
    private final ExecutorService pool = Executors.newCachedThreadPool(new DeviceThreads());
    private final PluginCalls calls;
    private final long requestWaitMs;
    private final ReconnectPolicy reconnect;
    private final ConcurrentMap<String, DeviceLink> devices = new ConcurrentHashMap<>();
    private final Runnable followDrivers = this::driversChanged;

    /**
     * Loads the stored devices; they attach to their drivers as the registry reports them.
     *
     * @param config     timeouts
     * @param repository where devices are stored
     * @param drivers    the live drivers
     * @param events     the event bus
     * @param schemas    checks configs against the types' schemas
     * @param breakers   the devices' circuit breakers: their state is part of a device's info, and an
     *     opening breaker may fault its device
     */
    @Activate
    public DeviceManager(
            DeviceManagerConfiguration config,
            @Reference DeviceRepository repository,
            @Reference LiveDrivers drivers,
            @Reference EventPublisher events,
            @Reference JsonSchemaChecker schemas,
            @Reference DeviceBreakers breakers) {
        this.repository = repository;
        this.drivers = drivers;
        this.breakers = breakers;
        this.validation = new DeviceValidation(drivers, schemas);
        this.announcer = new StatusAnnouncer(events);
        this.calls = new PluginCalls(pool, config.connectTimeoutMs());
        this.requestWaitMs = config.connectTimeoutMs() + REQUEST_GRACE_MS;
        this.reconnect = new ReconnectPolicy(config.reconnectInitialDelayMs(), config.reconnectMaxDelayMs());
        for (StoredDevice stored : repository.findAll()) {
            devices.put(stored.id(), link(stored));
        }
        drivers.onChange(followDrivers);
        breakers.onOpenFault(this::breakerOpened);
        followDrivers.run();
    }

    /** Closes every instance; one whose close does not return in time is left behind, not waited for. */
    @Deactivate
    void stop() {
        drivers.removeOnChange(followDrivers);
        breakers.onOpenFault((deviceId, reason) -> {});
        CompletableFuture<?>[] closes =
                devices.values().stream().map(DeviceLink::remove).toArray(CompletableFuture<?>[]::new);
        if (!waitFor(CompletableFuture.allOf(closes), "stop")) {
            LOG.warn("device manager stopped before every device instance had closed");
        }
        pool.shutdownNow();
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
        DeviceLink device = link(stored);
        if (devices.putIfAbsent(id, device) != null) {
            throw new ConflictException("device '" + id + "' already exists");
        }
        try {
            repository.save(stored);
        } catch (RuntimeException e) {
            devices.remove(id, device);
            throw e;
        }
        waitFor(device.attach(), "create");
        Optional<InvalidConfigException> refused = device.refusedConfig();
        if (refused.isPresent()) {
            // valid against the schema but refused by the driver: bad input, so nothing stays stored
            repository.delete(id);
            devices.remove(id, device);
            waitFor(device.remove(), "create");
            throw configRefused(refused.get());
        }
        announcer.created(id, spec.type());
        return info(device);
    }

    /** @return every device, by id */
    public List<DeviceInfo> list() {
        return devices.values().stream()
                .map(this::info)
                .sorted(Comparator.comparing(DeviceInfo::id))
                .toList();
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
        DeviceLink device = devices.get(id);
        return device == null ? Optional.empty() : Optional.of(device.stored().type());
    }

    /**
     * @param id a device id
     * @return the live instance, for a node about to run on it
     * @throws DeviceNotConnectedException when it is not connected
     * @throws PluginUnavailableException when no plugin offers its type now (UNAVAILABLE)
     */
    public Device connectedInstance(String id) {
        return require(id).connectedInstance();
    }

    /**
     * @param id a device id
     * @return its current instance whatever its status; empty when it has none (UNAVAILABLE, its
     *     create failed) or there is no such device
     */
    public Optional<Device> instance(String id) {
        DeviceLink device = devices.get(id);
        return Optional.ofNullable(device == null ? null : device.instance());
    }

    /**
     * @param id a device id
     * @return its status now
     * @throws NotFoundException when there is no such device
     */
    public io.gantry.engine.api.device.DeviceStatus status(String id) {
        return require(id).info("").status();
    }

    /** @param watcher hears every device's status changes and pushed readings from now on */
    public void watch(DeviceWatcher watcher) {
        announcer.watch(watcher);
    }

    /** @param watcher no longer hears anything */
    public void unwatch(DeviceWatcher watcher) {
        announcer.unwatch(watcher);
    }

    /**
     * Replaces name and config; the instance is created again with the new config and reconnected
     * when it was connected.
     *
     * @param id     a device id
     * @param name   its new name
     * @param config its new config
     * @return the device
     */
    public DeviceInfo update(String id, String name, Map<String, Object> config) {
        DeviceLink device = require(id);
        StoredDevice old = device.stored();
        validation.check(id, old.type(), name, config);
        StoredDevice updated = new StoredDevice(id, old.type(), name, Map.copyOf(config), old.shouldBeConnected());
        repository.save(updated);
        waitFor(device.reconfigure(updated), "update");
        Optional<InvalidConfigException> refused = device.refusedConfig();
        if (refused.isPresent()) {
            // the driver refused the new config: the device goes back to the one it had
            repository.save(old);
            waitFor(device.reconfigure(old), "update");
            throw configRefused(refused.get());
        }
        return info(device);
    }

    /**
     * Disconnects and forgets a device. Waits, bounded, for its instance to close: a device created
     * again with the same id should not find the hardware still held.
     *
     * @param id a device id
     */
    public void delete(String id) {
        DeviceLink device = require(id);
        repository.delete(id);
        devices.remove(id, device);
        waitFor(device.remove(), "delete");
        breakers.forget(id);
        announcer.removed(id);
    }

    /**
     * Connects a device and waits, bounded, for the outcome.
     *
     * @param id a device id
     * @return the device, CONNECTED or FAULT (or still CONNECTING when its work did not finish in time)
     * @throws PluginUnavailableException when no plugin offers its type now
     */
    public DeviceInfo connect(String id) {
        DeviceLink device = require(id);
        device.requireDriver();
        repository.setShouldBeConnected(id, true);
        device.shouldBeConnected(true);
        waitFor(device.connect(), "connect");
        return info(device);
    }

    /**
     * Disconnects a device and waits, bounded, for the outcome.
     *
     * @param id a device id
     * @return the device
     */
    public DeviceInfo disconnect(String id) {
        DeviceLink device = require(id);
        repository.setShouldBeConnected(id, false);
        device.shouldBeConnected(false);
        waitFor(device.disconnect(), "disconnect");
        return info(device);
    }

    /**
     * Called by the registry on the thread that registers or unregisters a plugin's service — a
     * bundle starting or stopping: following is handed to the pool at once.
     */
    private void driversChanged() {
        try {
            pool.execute(() -> devices.values().forEach(DeviceLink::follow));
        } catch (RejectedExecutionException e) {
            LOG.debug("device manager stopped; a change of drivers is not followed");
        }
    }

    private void breakerOpened(String id, String reason) {
        DeviceLink device = devices.get(id);
        if (device != null) {
            device.breakerOpened(reason);
        }
    }

    /** @return true when the work completed in time; otherwise the caller answers with the state as it is */
    private boolean waitFor(CompletableFuture<?> work, String what) {
        try {
            work.get(requestWaitMs, TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            LOG.info("device {} still in progress after {} ms; answering with the state now", what, requestWaitMs);
        } catch (ExecutionException e) {
            LOG.warn("device {} failed: {}", what, PluginCalls.explain(what, e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a device " + what, e);
        }
        return false;
    }

    private static PipelineValidationException configRefused(InvalidConfigException refused) {
        return new PipelineValidationException(List.of(new Problem("config", "invalid-config", refused.getMessage())));
    }

    private DeviceLink link(StoredDevice stored) {
        return new DeviceLink(stored, drivers, calls, announcer, pool, reconnect);
    }

    private DeviceLink require(String id) {
        DeviceLink device = id == null ? null : devices.get(id);
        if (device == null) {
            throw new NotFoundException("device '" + id + "' does not exist");
        }
        return device;
    }

    private DeviceInfo info(DeviceLink device) {
        // read outside the device's monitor: the breaker's listeners may move the device
        return device.info(breakers.state(device.id()));
    }
}
