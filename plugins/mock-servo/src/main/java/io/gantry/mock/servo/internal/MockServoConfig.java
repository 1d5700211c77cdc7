package io.gantry.mock.servo.internal;

import io.gantry.engine.api.error.InvalidConfigException;
import java.util.Map;

/**
 * The config of one mock servo instance, read from the JSON-like map the controller validated
 * against {@link #SCHEMA}.
 *
 * @param minPosition    lower travel limit
 * @param maxPosition    upper travel limit, above {@code minPosition}
 * @param maxSpeed       the fastest speed in position units per second, and the default speed
 * @param failureRate    probability (0..1) that a command fails with a device fault
 * @param extraLatencyMs added to the time of every command
 * @param faultAfterMoves after this many completed moves the device reports a fault; 0 for never
 * @param hang           whether commands never complete (until they are stopped)
 * @param seed           seed of the fault dice, or null for a random one (tests set it)
 */
public record MockServoConfig(
        double minPosition,
        double maxPosition,
        double maxSpeed,
        double failureRate,
        long extraLatencyMs,
        int faultAfterMoves,
        boolean hang,
        Long seed) {

    /** The JSON Schema (draft 2020-12) of the device type's config. */
    public static final String SCHEMA = """
            {
              "$schema": "https://json-schema.org/draft/2020-12/schema",
              "title": "Mock servo axis",
              "type": "object",
              "properties": {
                "minPosition": {"type": "number", "description": "Lower travel limit"},
                "maxPosition": {"type": "number", "description": "Upper travel limit, above minPosition"},
                "maxSpeed": {"type": "number", "exclusiveMinimum": 0,
                             "description": "Fastest speed in position units per second; the default speed"},
                "failureRate": {"type": "number", "minimum": 0, "maximum": 1,
                                "description": "Probability that a command fails with a device fault"},
                "extraLatencyMs": {"type": "integer", "minimum": 0,
                                   "description": "Milliseconds added to every command"},
                "faultAfterMoves": {"type": "integer", "minimum": 1,
                                    "description": "After this many moves the device reports a fault"},
                "hang": {"type": "boolean", "description": "Commands never complete until stopped"},
                "seed": {"type": "integer", "description": "Seed of the fault dice, for repeatable tests"}
              },
              "required": ["minPosition", "maxPosition", "maxSpeed"],
              "additionalProperties": false
            }
            """;

    /**
     * Reads and checks a config. The controller has validated it against {@link #SCHEMA} already;
     * the checks repeat what matters so that a test or a lenient validator cannot slip past them.
     *
     * @param deviceId the instance the config belongs to, for messages
     * @param config   the JSON-like config
     * @return the config
     * @throws InvalidConfigException when a required key is missing or the values do not fit together
     */
    public static MockServoConfig from(String deviceId, Map<String, Object> config) {
        ConfigReader reader = new ConfigReader(deviceId, config);
        MockServoConfig result = new MockServoConfig(
                reader.required("minPosition").doubleValue(),
                reader.required("maxPosition").doubleValue(),
                reader.required("maxSpeed").doubleValue(),
                reader.optional("failureRate", 0).doubleValue(),
                reader.optional("extraLatencyMs", 0).longValue(),
                reader.optional("faultAfterMoves", 0).intValue(),
                Boolean.TRUE.equals(config.get("hang")),
                config.get("seed") instanceof Number n ? n.longValue() : null);
        result.check(deviceId);
        return result;
    }

    /** @return where {@code servo.home} goes: 0 when it is within the limits, else the nearest limit */
    public double homePosition() {
        return Math.max(minPosition, Math.min(maxPosition, 0.0));
    }

    /**
     * @param position a target position
     * @return whether it lies within the travel limits, limits included
     */
    public boolean withinLimits(double position) {
        return position >= minPosition && position <= maxPosition;
    }

    private void check(String deviceId) {
        if (!(minPosition < maxPosition)) {
            throw invalid(deviceId, "minPosition " + minPosition + " must be below maxPosition " + maxPosition);
        }
        if (!(maxSpeed > 0)) {
            throw invalid(deviceId, "maxSpeed must be above 0, was " + maxSpeed);
        }
        if (!(failureRate >= 0 && failureRate <= 1)) {
            throw invalid(deviceId, "failureRate must be between 0 and 1, was " + failureRate);
        }
        if (extraLatencyMs < 0 || faultAfterMoves < 0) {
            throw invalid(deviceId, "extraLatencyMs and faultAfterMoves must not be negative");
        }
    }

    private static InvalidConfigException invalid(String deviceId, String problem) {
        return new InvalidConfigException("device '" + deviceId + "' (mock-servo): " + problem);
    }

    /** Reads numbers from the JSON-like config, naming the device and key when one is missing. */
    private record ConfigReader(String deviceId, Map<String, Object> config) {
        Number required(String key) {
            if (config.get(key) instanceof Number n) {
                return n;
            }
            throw invalid(deviceId, "'" + key + "' must be a number, was " + config.get(key));
        }

        Number optional(String key, Number fallback) {
            return config.containsKey(key) ? required(key) : fallback;
        }
    }
}
