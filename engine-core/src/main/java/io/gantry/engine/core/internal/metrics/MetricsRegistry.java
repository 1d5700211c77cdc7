package io.gantry.engine.core.internal.metrics;

import io.gantry.engine.api.metrics.ControllerMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/**
 * The controller's single metrics registry (Micrometer's Prometheus registry, embedded in this
 * bundle). Engine parts record into {@link #registry()}; other bundles see it as
 * {@link ControllerMetrics}. Carries the JVM's own metrics and what the HTTP bundle reports.
 */
@Component(service = {MetricsRegistry.class, ControllerMetrics.class})
public final class MetricsRegistry implements ControllerMetrics {
    /** HTTP answers are sub-millisecond to seconds (a {@code ?wait=true} start waits for the run). */
    private static final Duration[] HTTP_BUCKETS =
            buckets(1, 5, 10, 25, 50, 100, 250, 500, 1_000, 2_500, 5_000, 10_000);

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gc = new JvmGcMetrics();
    private final AtomicInteger webSocketClients = new AtomicInteger();
    private final AtomicInteger mqttConnected = new AtomicInteger();
    private final AtomicLong mqttBacklog = new AtomicLong();
    // counted for every message to every client (about 190,000 a second under load): looked up once
    private final Counter webSocketEventsSent;
    private final Meters meters = new Meters(registry);

    /** Binds the JVM metrics: memory, GC, threads, classes, CPU, uptime. */
    @Activate
    public MetricsRegistry() {
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        registry.gauge("gantry.websocket.clients", webSocketClients);
        Gauge.builder("gantry.mqtt.connected", mqttConnected, AtomicInteger::get)
                .description("1 while the MQTT bridge is connected to its broker, else 0")
                .register(registry);
        Gauge.builder("gantry.mqtt.backlog", mqttBacklog, AtomicLong::get)
                .description("events the MQTT bridge has still to publish from the event log")
                .baseUnit("events")
                .register(registry);
        webSocketEventsSent = Counter.builder("gantry.websocket.events.sent")
                .description("event messages sent to WebSocket clients")
                .register(registry);
    }

    @Deactivate
    void stop() {
        gc.close();
        registry.close();
    }

    /** @return the registry engine parts record into */
    public MeterRegistry registry() {
        return registry;
    }

    @Override
    public String scrape() {
        return registry.scrape();
    }

    @Override
    public void recordHttpRequest(String method, String route, int status, long durationNanos) {
        meters.timer(
                        "gantry.http.server.requests",
                        "HTTP requests answered, by method, route template and status",
                        HTTP_BUCKETS,
                        "method",
                        method,
                        "route",
                        route,
                        "status",
                        Integer.toString(status))
                .record(durationNanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void webSocketClientConnected() {
        webSocketClients.incrementAndGet();
    }

    @Override
    public void webSocketClientDisconnected() {
        webSocketClients.updateAndGet(n -> Math.max(0, n - 1));
    }

    @Override
    public void webSocketEventSent() {
        webSocketEventsSent.increment();
    }

    @Override
    public void webSocketClientDropped(String reason) {
        Counter.builder("gantry.websocket.clients.dropped")
                .description("WebSocket clients the controller dropped")
                .tag("reason", reason == null ? "unknown" : reason)
                .register(registry)
                .increment();
    }

    @Override
    public void mqttConnected(boolean connected) {
        mqttConnected.set(connected ? 1 : 0);
    }

    @Override
    public void mqttPublished(long messages) {
        Counter.builder("gantry.mqtt.published")
                .description("messages the MQTT bridge had acknowledged by its broker")
                .register(registry)
                .increment(messages);
    }

    @Override
    public void mqttBacklog(long events) {
        mqttBacklog.set(Math.max(0, events));
    }

    @Override
    public void mqttDropped(long events) {
        Counter.builder("gantry.mqtt.dropped")
                .description("events the MQTT bridge skipped: too far behind, or no longer in the event log")
                .baseUnit("events")
                .register(registry)
                .increment(events);
    }

    @Override
    public void mqttCommand(String kind, String outcome) {
        Counter.builder("gantry.mqtt.commands")
                .description("commands the MQTT bridge received, by kind and outcome")
                .tags("kind", kind == null ? "unknown" : kind, "outcome", outcome == null ? "unknown" : outcome)
                .register(registry)
                .increment();
    }

    /** @return histogram bucket bounds from milliseconds */
    static Duration[] buckets(long... millis) {
        Duration[] bounds = new Duration[millis.length];
        for (int i = 0; i < millis.length; i++) {
            bounds[i] = Duration.ofMillis(millis[i]);
        }
        return bounds;
    }
}
