package io.gantry.rest.bundle.internal.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.gantry.engine.api.service.SignalInfo;
import io.gantry.engine.api.signal.SignalDescriptor;

/**
 * A device's signal with its last reading, as {@code GET /api/devices/{id}/signals} answers it.
 *
 * @param name      its name
 * @param type      its type, as a port's ({@code number}, {@code boolean}, …)
 * @param unit      its engineering unit; absent when it has none
 * @param access    {@code read}, {@code write} or {@code read-write}
 * @param pollMs    how often it is polled, in ms; 0 when the device pushes it (or it is write-only)
 * @param value     the last value; null when none was read
 * @param quality   {@code GOOD}, {@code UNCERTAIN}, {@code BAD} or {@code STALE}
 * @param timestamp when the value was read, ISO-8601; null when never
 * @param error     why it is BAD; absent otherwise
 */
public record SignalJson(
        String name,
        String type,
        @JsonInclude(JsonInclude.Include.NON_NULL) String unit,
        String access,
        long pollMs,
        @JsonInclude(JsonInclude.Include.ALWAYS) Object value,
        String quality,
        @JsonInclude(JsonInclude.Include.ALWAYS) String timestamp,
        @JsonInclude(JsonInclude.Include.NON_NULL) String error) {
    /** @param info a signal @return its JSON */
    public static SignalJson of(SignalInfo info) {
        return new SignalJson(
                info.name(),
                info.type().id(),
                info.unit(),
                info.access().id(),
                info.pollMs(),
                info.value(),
                info.quality().name(),
                info.timestamp() == null ? null : info.timestamp().toString(),
                info.error());
    }

    /**
     * A signal as a device type declares it (in {@code GET /api/catalog}).
     *
     * @param name     its name
     * @param type     its type
     * @param unit     its unit; absent when none
     * @param access   its access
     * @param pollMs   its poll interval; 0 when pushed
     * @param deadband the smallest change announced; 0 for every change
     */
    public record Declared(
            String name,
            String type,
            @JsonInclude(JsonInclude.Include.NON_NULL) String unit,
            String access,
            long pollMs,
            double deadband) {
        /** @param d a declared signal @return its JSON */
        public static Declared of(SignalDescriptor d) {
            return new Declared(d.name(), d.type().id(), d.unit(), d.access().id(), d.pollMs(), d.deadband());
        }
    }

    /**
     * The body of {@code PUT /api/devices/{id}/signals/{name}}.
     *
     * @param value the value to write
     */
    public record Write(
            @JsonInclude(JsonInclude.Include.ALWAYS) Object value) {}
}
