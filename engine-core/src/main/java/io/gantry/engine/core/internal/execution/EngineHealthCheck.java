package io.gantry.engine.core.internal.execution;

import io.gantry.engine.api.health.HealthCheck;
import io.gantry.engine.api.health.HealthStatus;
import io.gantry.engine.core.internal.health.HealthPart;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Reports whether the engine takes work: a no-op must get through its worker and timer threads in
 * time. The "scheduler" part ({@link ExecutionRuntime}) counts what is running; this one catches
 * threads that are all stuck (a function that blocks instead of returning a future), which no count
 * shows until runs stop ending.
 */
@Component
@HealthPart("engine")
public final class EngineHealthCheck implements HealthCheck {
    /**
     * Longer than a no-op can wait behind node starts (each is short: functions are asynchronous),
     * short enough for a health request to answer promptly.
     */
    static final Duration LIMIT = Duration.ofSeconds(1);

    private final ExecutionRuntime runtime;
    private final Duration limit;

    /**
     * @param runtime the engine's threads
     */
    @Activate
    public EngineHealthCheck(@Reference ExecutionRuntime runtime) {
        this(runtime, LIMIT);
    }

    EngineHealthCheck(ExecutionRuntime runtime, Duration limit) {
        this.runtime = runtime;
        this.limit = limit;
    }

    @Override
    public String part() {
        return "engine";
    }

    @Override
    public HealthStatus check() {
        long started = System.nanoTime();
        try {
            runtime.roundTrip().get(limit.toMillis(), TimeUnit.MILLISECONDS);
            return HealthStatus.up(Map.of("roundTripMs", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)));
        } catch (TimeoutException e) {
            return HealthStatus.down("the engine's threads did not run a no-op within " + limit.toMillis()
                    + " ms: they are all busy or stuck");
        } catch (ExecutionException e) {
            return HealthStatus.down("the engine's threads refuse work: " + e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return HealthStatus.down("interrupted while checking the engine's threads");
        }
    }
}
