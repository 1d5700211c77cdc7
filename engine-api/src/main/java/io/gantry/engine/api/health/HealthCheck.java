package io.gantry.engine.api.health;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A core part's report on itself. Each core part registers one; {@code GET /api/health} lists them
 * and answers 503 when a required part is missing or down.
 */
@ConsumerType
public interface HealthCheck {
    /** Service property naming the part (String), such as {@code storage}. */
    String PART = "gantry.health.part";

    /** @return the part's name; equal to the {@link #PART} service property */
    String part();

    /**
     * Checks the part now. Must answer quickly (well under a second) and must not throw.
     *
     * @return the part's state
     */
    HealthStatus check();
}
