package io.gantry.engine.core.internal.signal;

import io.gantry.engine.api.service.SignalInfo;
import io.gantry.engine.api.signal.SignalDescriptor;
import io.gantry.engine.api.signal.SignalQuality;
import io.gantry.engine.api.signal.SignalSample;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One device's signals and what is known of each: the last value, its quality and when it was read.
 * Decides what is a change worth announcing — a new quality, or a value that moved beyond the
 * signal's deadband — and returns it; the caller announces. A value within the deadband refreshes
 * the time (so it does not go STALE) but keeps the value announced last, as OPC UA's deadband does.
 */
final class SignalBoard {
    /** A GOOD value not refreshed in this many poll intervals is STALE. */
    static final int STALE_AFTER_INTERVALS = 3;

    private final Map<String, SignalDescriptor> descriptors = new LinkedHashMap<>();
    private final Map<String, SignalEntry> entries = new HashMap<>(); // guarded by this

    SignalBoard(List<SignalDescriptor> signals) {
        for (SignalDescriptor signal : signals) {
            descriptors.putIfAbsent(signal.name(), signal);
            // a write-only signal has no value to read, and nothing wrong with it
            entries.put(signal.name(), signal.access().readable() ? SignalEntry.NOT_READ : SignalEntry.WRITE_ONLY);
        }
    }

    Collection<SignalDescriptor> descriptors() {
        return descriptors.values();
    }

    Optional<SignalDescriptor> descriptor(String name) {
        return Optional.ofNullable(descriptors.get(name));
    }

    boolean sameSignals(List<SignalDescriptor> signals) {
        return List.copyOf(descriptors.values()).equals(signals);
    }

    /**
     * @return the change to announce; empty when the signal is unknown, write-only, or nothing an
     *     observer would notice changed
     */
    synchronized Optional<SignalChange> apply(String name, SignalSample sample) {
        SignalDescriptor signal = descriptors.get(name);
        if (signal == null || !signal.access().readable()) {
            return Optional.empty();
        }
        SignalEntry before = entries.get(name);
        SignalEntry after;
        if (sample.quality() == SignalQuality.BAD) {
            after = before.as(SignalQuality.BAD, sample.error() == null ? "bad reading" : sample.error());
        } else if (before.readAt() != null
                && before.quality() == sample.quality()
                && withinDeadband(signal, before.value(), sample.value())) {
            entries.put(name, new SignalEntry(before.value(), before.quality(), sample.timestamp(), null));
            return Optional.empty();
        } else {
            after = new SignalEntry(sample.value(), sample.quality(), sample.timestamp(), null);
        }
        return replace(signal, before, after);
    }

    /** Every readable signal moves to a quality (BAD when the device left CONNECTED), keeping its value. */
    synchronized List<SignalChange> markAll(SignalQuality quality, String error) {
        return mark(descriptors.keySet(), quality, error);
    }

    synchronized List<SignalChange> mark(Collection<String> names, SignalQuality quality, String error) {
        List<SignalChange> changes = new ArrayList<>();
        for (String name : names) {
            SignalDescriptor signal = descriptors.get(name);
            if (signal != null && signal.access().readable()) {
                replace(signal, entries.get(name), entries.get(name).as(quality, error))
                        .ifPresent(changes::add);
            }
        }
        return changes;
    }

    /** Polled values not refreshed in {@value #STALE_AFTER_INTERVALS} intervals become STALE. */
    synchronized List<SignalChange> sweep(Instant now) {
        List<SignalChange> changes = new ArrayList<>();
        for (SignalDescriptor signal : descriptors.values()) {
            SignalEntry entry = entries.get(signal.name());
            boolean fresh = entry.quality() == SignalQuality.GOOD || entry.quality() == SignalQuality.UNCERTAIN;
            if (signal.polled() && fresh && entry.readAt() != null) {
                Duration age = Duration.between(entry.readAt(), now);
                if (age.toMillis() > STALE_AFTER_INTERVALS * signal.pollMs()) {
                    replace(signal, entry, entry.as(SignalQuality.STALE, null)).ifPresent(changes::add);
                }
            }
        }
        return changes;
    }

    synchronized List<SignalInfo> infos() {
        List<SignalInfo> infos = new ArrayList<>();
        for (SignalDescriptor signal : descriptors.values()) {
            infos.add(info(signal));
        }
        return infos;
    }

    synchronized Optional<SignalInfo> info(String name) {
        SignalDescriptor signal = descriptors.get(name);
        return signal == null ? Optional.empty() : Optional.of(info(signal));
    }

    private SignalInfo info(SignalDescriptor signal) {
        SignalEntry entry = entries.get(signal.name());
        return SignalChange.infoOf(signal, entry);
    }

    private Optional<SignalChange> replace(SignalDescriptor signal, SignalEntry before, SignalEntry after) {
        entries.put(signal.name(), after);
        boolean changed = before.quality() != after.quality()
                || !sameValue(before.value(), after.value())
                || (after.quality() == SignalQuality.BAD && !Objects.equals(before.error(), after.error()));
        return changed ? Optional.of(new SignalChange(signal, after)) : Optional.empty();
    }

    private static boolean withinDeadband(SignalDescriptor signal, Object before, Object now) {
        if (before instanceof Number a && now instanceof Number b) {
            double delta = Math.abs(a.doubleValue() - b.doubleValue());
            return signal.deadband() > 0 ? delta < signal.deadband() : delta == 0;
        }
        return Objects.equals(before, now);
    }

    private static boolean sameValue(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return x.doubleValue() == y.doubleValue();
        }
        return Objects.equals(a, b);
    }
}
