package io.gantry.engine.api.health;

import java.util.Map;

/**
 * The state of one part.
 *
 * @param up      whether the part can do its job
 * @param details figures worth showing (queue depth, file path); JSON-like values
 */
public record HealthStatus(boolean up, Map<String, Object> details) {
    /** Copies the details. */
    public HealthStatus {
        details = Map.copyOf(details);
    }

    /**
     * @param details figures worth showing
     * @return an up status
     */
    public static HealthStatus up(Map<String, Object> details) {
        return new HealthStatus(true, details);
    }

    /**
     * @param reason why the part cannot work
     * @return a down status carrying the reason
     */
    public static HealthStatus down(String reason) {
        return new HealthStatus(false, Map.of("reason", reason));
    }
}
