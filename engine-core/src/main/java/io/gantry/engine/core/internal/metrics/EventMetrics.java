package io.gantry.engine.core.internal.metrics;

import static io.gantry.engine.api.event.EventProperties.DEVICE_ID;
import static io.gantry.engine.api.event.EventProperties.DURATION_MS;
import static io.gantry.engine.api.event.EventProperties.ERROR;
import static io.gantry.engine.api.event.EventProperties.FUNCTION_ID;
import static io.gantry.engine.api.event.EventProperties.PIPELINE_ID;
import static io.gantry.engine.api.event.EventProperties.STATUS;

import io.gantry.engine.api.event.Topics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventHandler;
import org.osgi.service.event.propertytypes.EventTopics;

/**
 * Turns Gantry's events into metrics: executions, node durations, retries, breakers and
 * hot deployments. Reading the event bus keeps the engine free of metrics code, and the numbers
 * agree with what panels see.
 */
@Component(service = EventHandler.class)
@EventTopics("gantry/*")
public final class EventMetrics implements EventHandler {
    /** Label of executions of inline (unsaved) pipelines. */
    static final String INLINE = "inline";

    private static final Duration[] EXECUTION_BUCKETS =
            MetricsRegistry.buckets(10, 50, 100, 250, 500, 1_000, 2_500, 5_000, 10_000, 30_000, 60_000, 300_000);
    private static final Duration[] NODE_BUCKETS =
            MetricsRegistry.buckets(1, 5, 10, 25, 50, 100, 250, 500, 1_000, 2_500, 5_000, 10_000, 60_000);

    private final MeterRegistry registry;
    private final Meters meters;
    private final Map<String, AtomicInteger> breakerStates = new ConcurrentHashMap<>();

    /** @param metrics the registry */
    @Activate
    public EventMetrics(@Reference MetricsRegistry metrics) {
        this.registry = metrics.registry();
        this.meters = new Meters(registry);
    }

    @Override
    public void handleEvent(Event event) {
        String topic = event.getTopic();
        switch (topic) {
            case Topics.PIPELINE_STARTED ->
                counter("gantry.executions.started", "executions started", "pipeline", pipeline(event));
            case Topics.PIPELINE_COMPLETED -> executionEnded(event, "succeeded");
            case Topics.PIPELINE_FAILED -> executionEnded(event, "failed");
            case Topics.PIPELINE_CANCELLED -> executionEnded(event, "cancelled");
            case Topics.NODE_COMPLETED -> nodeEnded(event, "succeeded");
            case Topics.NODE_FAILED -> nodeEnded(event, lower(String.valueOf(event.getProperty(STATUS))));
            case Topics.NODE_RETRYING ->
                counter("gantry.node.retries", "node attempts retried", "function", text(event, FUNCTION_ID));
            case Topics.BREAKER_OPENED -> breaker(event, BreakerState.OPEN);
            case Topics.BREAKER_HALF_OPEN -> breaker(event, BreakerState.HALF_OPEN);
            case Topics.BREAKER_CLOSED -> breaker(event, BreakerState.CLOSED);
            case Topics.PLUGIN_INSTALLED,
                    Topics.PLUGIN_UPDATED,
                    Topics.PLUGIN_UNINSTALLED,
                    Topics.PLUGIN_ROLLED_BACK,
                    Topics.PLUGIN_REFUSED,
                    Topics.PLUGIN_REJECTED ->
                Counter.builder("gantry.plugin.deploy.events")
                        .description("hot deployments of plugin jars")
                        .tags(
                                "action",
                                lower(topic.substring(topic.lastIndexOf('/') + 1)),
                                "outcome",
                                event.getProperty(ERROR) == null ? "ok" : "failed")
                        .register(registry)
                        .increment();
            default -> {
                if (topic.startsWith("gantry/device/")) {
                    counter(
                            "gantry.device.status.changes",
                            "device state changes",
                            "status",
                            lower(topic.substring(topic.lastIndexOf('/') + 1)));
                }
            }
        }
    }

    private void executionEnded(Event event, String status) {
        String pipeline = pipeline(event);
        counter("gantry.executions.finished", "executions ended", "pipeline", pipeline, "status", status);
        meters.timer(
                        "gantry.execution.duration",
                        "execution run time, start to end",
                        EXECUTION_BUCKETS,
                        "pipeline",
                        pipeline,
                        "status",
                        status)
                .record(durationMs(event), TimeUnit.MILLISECONDS);
    }

    private void nodeEnded(Event event, String status) {
        meters.timer(
                        "gantry.node.duration",
                        "node run time including retries, by function",
                        NODE_BUCKETS,
                        "function",
                        text(event, FUNCTION_ID),
                        "status",
                        status)
                .record(durationMs(event), TimeUnit.MILLISECONDS);
    }

    private void breaker(Event event, BreakerState state) {
        String device = text(event, DEVICE_ID);
        counter("gantry.breaker.transitions", "circuit breaker transitions", "device", device, "state", state.label());
        breakerStates
                .computeIfAbsent(device, id -> {
                    AtomicInteger value = new AtomicInteger();
                    Gauge.builder("gantry.breaker.state", value, AtomicInteger::get)
                            .description("circuit breaker state per device: 0 closed, 1 half-open, 2 open")
                            .tag("device", id)
                            .register(registry);
                    return value;
                })
                .set(state.ordinal());
    }

    private void counter(String name, String description, String... tags) {
        meters.counter(name, description, tags).increment();
    }

    private static String pipeline(Event event) {
        Object id = event.getProperty(PIPELINE_ID);
        return id == null ? INLINE : id.toString();
    }

    private static long durationMs(Event event) {
        Object duration = event.getProperty(DURATION_MS);
        return duration instanceof Number number ? number.longValue() : 0;
    }

    private static String text(Event event, String key) {
        Object value = event.getProperty(key);
        return value == null ? "none" : value.toString();
    }

    private static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    /** Breaker states in the order of their gauge value. */
    enum BreakerState {
        CLOSED,
        HALF_OPEN,
        OPEN;

        String label() {
            return lower(name());
        }
    }
}
