package io.gantry.rest.bundle.internal.events;

import io.gantry.engine.api.health.HealthCheck;
import io.gantry.engine.api.health.HealthStatus;
import java.util.LinkedHashMap;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Reports the event stream: up while the hub is active, with its clients and buffer. */
@Component(property = HealthCheck.PART + "=" + EventStreamHealthCheck.PART)
public final class EventStreamHealthCheck implements HealthCheck {
    static final String PART = "events";

    private final EventHub hub;

    /** @param hub the hub reported on */
    @Activate
    public EventStreamHealthCheck(@Reference EventHub hub) {
        this.hub = hub;
    }

    @Override
    public String part() {
        return PART;
    }

    @Override
    public HealthStatus check() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("clients", hub.clients());
        if (hub.epoch() != null) {
            details.put("epoch", hub.epoch());
        }
        details.put("lastSeq", hub.lastSeq());
        details.put("buffered", hub.buffered());
        return HealthStatus.up(details);
    }
}
