package io.gantry.engine.core.internal.metrics;

import io.gantry.engine.api.device.DeviceStatus;
import io.gantry.engine.api.service.DeviceService;
import io.gantry.engine.api.service.PluginCatalog;
import io.gantry.engine.core.internal.events.EventPublisher;
import io.gantry.engine.core.internal.validation.LiveValidator;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * Gauges read at scrape time from the core's own services: plugins, devices by status, and the plan
 * cache. Nothing is counted twice: the services are asked when Prometheus asks.
 */
@Component(service = InventoryGauges.class, immediate = true)
public final class InventoryGauges {
    private final MeterRegistry registry;
    private final List<Meter> meters = new ArrayList<>();

    /**
     * @param metrics   the registry
     * @param plugins   the live plugins
     * @param devices   the devices
     * @param validator owner of the plan cache
     * @param events    the event bus's publisher
     */
    @Activate
    public InventoryGauges(
            @Reference MetricsRegistry metrics,
            @Reference PluginCatalog plugins,
            @Reference DeviceService devices,
            @Reference LiveValidator validator,
            @Reference EventPublisher events) {
        this.registry = metrics.registry();
        meters.add(Gauge.builder("gantry.plugins", plugins, p -> p.plugins().size())
                .description("plugin bundles known to the controller")
                .register(registry));
        for (DeviceStatus status : DeviceStatus.values()) {
            meters.add(Gauge.builder(
                            "gantry.devices",
                            devices,
                            d -> d.list().stream()
                                    .filter(info -> info.status() == status)
                                    .count())
                    .description("devices by status")
                    .tag("status", status.name().toLowerCase(Locale.ROOT))
                    .register(registry));
        }
        meters.add(FunctionCounter.builder(
                        "gantry.plan.cache.hits",
                        validator,
                        v -> v.planCacheStats().hits())
                .description("runs of a stored pipeline version that reused its compiled plan")
                .register(registry));
        meters.add(FunctionCounter.builder(
                        "gantry.plan.cache.misses",
                        validator,
                        v -> v.planCacheStats().misses())
                .description("runs of a stored pipeline version that validated and compiled it")
                .register(registry));
        meters.add(FunctionCounter.builder(
                        "gantry.plan.cache.invalidations",
                        validator,
                        v -> v.planCacheStats().invalidations())
                .description("cached plans dropped because a function or device they use changed")
                .register(registry));
        meters.add(Gauge.builder("gantry.events.backlog", events, EventPublisher::backlog)
                .description("events waiting for delivery on the event bus")
                .register(registry));
        meters.add(FunctionCounter.builder("gantry.events.dropped", events, EventPublisher::dropped)
                .description("events dropped because the event bus could not keep up")
                .register(registry));
        meters.add(Gauge.builder(
                        "gantry.plan.cache.size",
                        validator,
                        v -> v.planCacheStats().size())
                .description("compiled plans kept")
                .register(registry));
    }

    /** Removes the gauges: they hold the services, which are going away. */
    @Deactivate
    void stop() {
        meters.forEach(registry::remove);
    }
}
