package io.gantry.engine.core.internal.signal;

import io.gantry.engine.api.service.SignalInfo;
import io.gantry.engine.api.signal.SignalDescriptor;

/**
 * A signal's new state, to announce.
 *
 * @param signal the signal
 * @param entry  what is known of it now
 */
record SignalChange(SignalDescriptor signal, SignalEntry entry) {
    SignalInfo info() {
        return infoOf(signal, entry);
    }

    static SignalInfo infoOf(SignalDescriptor signal, SignalEntry entry) {
        boolean readable = signal.access().readable();
        return new SignalInfo(
                signal.name(),
                signal.type(),
                signal.unit(),
                signal.access(),
                signal.pollMs(),
                readable ? entry.value() : null,
                entry.quality(),
                entry.readAt(),
                readable ? entry.error() : null);
    }
}
