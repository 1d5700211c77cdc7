package io.gantry.engine.core.internal.signal;

import io.gantry.engine.api.signal.SignalQuality;
import java.time.Instant;

/**
 * What the controller knows of one signal now.
 *
 * @param value   the last value announced; null when none was read
 * @param quality its quality
 * @param readAt  when it was last read successfully (or pushed); null when never
 * @param error   why it is BAD; null otherwise
 */
record SignalEntry(Object value, SignalQuality quality, Instant readAt, String error) {
    static final SignalEntry NOT_READ = new SignalEntry(null, SignalQuality.BAD, null, "not read yet");
    static final SignalEntry WRITE_ONLY = new SignalEntry(null, SignalQuality.GOOD, null, null);

    SignalEntry as(SignalQuality quality, String error) {
        return new SignalEntry(value, quality, readAt, error);
    }
}
