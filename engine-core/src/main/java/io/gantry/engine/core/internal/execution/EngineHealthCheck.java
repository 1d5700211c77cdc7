package io.gantry.engine.core.internal.execution;

import io.gantry.engine.api.health.HealthCheck;
import io.gantry.engine.api.health.HealthStatus;
import io.gantry.engine.core.internal.health.HealthPart;
import java.util.Map;
import org.osgi.service.component.annotations.Component;

/**
 * Reports that engine-core is active. Its presence is what {@code /api/health} needs to answer UP;
 * the parts added later (storage, scheduler, event hub) register checks of their own.
 */
@Component
@HealthPart("engine")
public final class EngineHealthCheck implements HealthCheck {
    @Override
    public String part() {
        return "engine";
    }

    @Override
    public HealthStatus check() {
        return HealthStatus.up(Map.of());
    }
}
