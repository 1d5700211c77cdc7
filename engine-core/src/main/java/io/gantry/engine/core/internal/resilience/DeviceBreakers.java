package io.gantry.engine.core.internal.resilience;

import io.gantry.engine.api.event.EventProperties;
import io.gantry.engine.api.event.Topics;
import io.gantry.engine.api.execution.ExecutionError;
import io.gantry.engine.core.internal.events.EventPublisher;
import io.gantry.engine.core.internal.plan.PlanNode;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One circuit breaker per device instance, created on the device's first call. Only device trouble
 * counts against a device — a {@code device-fault} or {@code device-timeout}; a cancel, bad input or
 * a plugin bug says nothing about the device. Every state change is logged and announced on
 * {@code gantry/breaker/*}; an open breaker half-opens on a timer after its delay, so the operator
 * sees HALF_OPEN without waiting for the next call.
 *
 * <p>A new configuration applies at once (no restart of the engine): the breakers start over, closed.
 */
@Component(service = DeviceBreakers.class)
@Designate(ocd = BreakerConfiguration.class)
public final class DeviceBreakers implements DeviceGuard {
    private static final Logger LOG = LoggerFactory.getLogger(DeviceBreakers.class);
    private static final Set<String> DEVICE_TROUBLE = Set.of("device-fault", "device-timeout");

    private final EventPublisher events;
    private final Clock clock = Clock.systemUTC();
    private final ConcurrentMap<String, DeviceBreaker> breakers = new ConcurrentHashMap<>();
    private final ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, runnable -> {
        Thread thread = new Thread(runnable, "gantry-breaker-timer");
        thread.setDaemon(true);
        return thread;
    });
    private volatile BreakerSettings settings;
    private volatile BiConsumer<String, String> faultHandler = (deviceId, reason) -> {};

    /**
     * @param config thresholds and delays
     * @param events the event bus
     */
    @Activate
    public DeviceBreakers(BreakerConfiguration config, @Reference EventPublisher events) {
        this.events = events;
        this.settings = BreakerSettings.of(config);
        timer.setRemoveOnCancelPolicy(true);
    }

    @Modified
    void modified(BreakerConfiguration config) {
        settings = BreakerSettings.of(config);
        breakers.clear();
        LOG.info("device breakers reconfigured: {}", settings);
    }

    @Deactivate
    void stop() {
        timer.shutdownNow();
    }

    /**
     * @param handler told (device id, reason) when a breaker opens and {@code faultDeviceOnOpen} is set;
     *     runs on the breaker timer thread
     */
    public void onOpenFault(BiConsumer<String, String> handler) {
        faultHandler = handler;
    }

    @Override
    public void admit(PlanNode node) {
        if (settings.enabled()) {
            breakerOf(node.deviceId()).admit("node '" + node.id() + "'");
        }
    }

    @Override
    public void record(PlanNode node, ExecutionError failure) {
        if (!settings.enabled()) {
            return;
        }
        if (failure == null) {
            breakerOf(node.deviceId()).succeeded();
        } else if (DEVICE_TROUBLE.contains(failure.code())) {
            breakerOf(node.deviceId()).failed(failure.message());
        }
    }

    /**
     * For calls that are not a node's (a signal's poll or write): as {@link #admit(PlanNode)}.
     *
     * @param deviceId the device about to be called
     * @param caller   who calls, for the message (for example {@code signal poll})
     * @throws BreakerOpenException while the device's breaker is open
     */
    public void admit(String deviceId, String caller) {
        if (settings.enabled()) {
            breakerOf(deviceId).admit(caller);
        }
    }

    /**
     * For calls that are not a node's: as {@link #record(PlanNode, ExecutionError)}.
     *
     * @param deviceId  the device that was called
     * @param errorCode the failure's code, or null when the device answered
     * @param message   the failure's message
     */
    public void record(String deviceId, String errorCode, String message) {
        if (!settings.enabled()) {
            return;
        }
        if (errorCode == null) {
            breakerOf(deviceId).succeeded();
        } else if (DEVICE_TROUBLE.contains(errorCode)) {
            breakerOf(deviceId).failed(message);
        }
    }

    /**
     * @param deviceId a device
     * @return its breaker's state: {@code CLOSED} (also when it has none yet), {@code OPEN} or {@code HALF_OPEN}
     */
    public String state(String deviceId) {
        DeviceBreaker breaker = breakers.get(deviceId);
        return breaker == null ? "CLOSED" : breaker.state();
    }

    /** Drops a deleted device's breaker. */
    public void forget(String deviceId) {
        breakers.remove(deviceId);
    }

    private DeviceBreaker breakerOf(String deviceId) {
        return breakers.computeIfAbsent(deviceId, id -> new DeviceBreaker(id, settings, clock, this::changed));
    }

    private void changed(String deviceId, String state, String reason) {
        BreakerSettings now = settings;
        String topic = switch (state) {
            case "OPEN" -> Topics.BREAKER_OPENED;
            case "HALF_OPEN" -> Topics.BREAKER_HALF_OPEN;
            default -> Topics.BREAKER_CLOSED;
        };
        if (state.equals("OPEN")) {
            LOG.warn(
                    "device '{}': circuit breaker opened, calls fail fast for {} ms; last error: {}",
                    deviceId,
                    now.delayMs(),
                    reason);
            schedule(() -> halfOpenIfDue(deviceId), now.delayMs());
            if (now.faultDeviceOnOpen()) {
                schedule(() -> faultHandler.accept(deviceId, "circuit breaker opened; last error: " + reason), 0);
            }
        } else {
            LOG.info("device '{}': circuit breaker {}: {}", deviceId, state, reason);
        }
        Map<String, Object> properties = new HashMap<>();
        properties.put(EventProperties.DEVICE_ID, deviceId);
        properties.put(EventProperties.STATUS, state);
        properties.put(EventProperties.ERROR, reason);
        events.publish(topic, properties);
    }

    private void halfOpenIfDue(String deviceId) {
        DeviceBreaker breaker = breakers.get(deviceId);
        if (breaker != null) {
            breaker.halfOpenIfDue();
        }
    }

    private void schedule(Runnable task, long delayMs) {
        try {
            timer.schedule(task, delayMs, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            LOG.debug("breakers stopping; timer task dropped");
        }
    }
}
