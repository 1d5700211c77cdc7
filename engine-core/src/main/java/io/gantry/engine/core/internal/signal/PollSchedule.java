package io.gantry.engine.core.internal.signal;

import io.gantry.engine.api.signal.SignalDescriptor;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * When each polled signal of one device is due. Signals due within a quarter of the shortest
 * interval among them are read together, so a protocol that can batch neighbours gets them in one
 * request; a poll that ends late skips the beats it missed rather than catching up in a burst that
 * would keep the device from its pipeline's commands. Readable signals that are not polled (pushed
 * by the device) are read once, with the first poll, so they have a value before their first push.
 */
final class PollSchedule {
    private final Map<String, Long> intervals = new LinkedHashMap<>();
    private final Map<String, Instant> due = new LinkedHashMap<>();

    /** The interval of a signal read only once. */
    private static final long ONCE = 0;

    PollSchedule(Collection<SignalDescriptor> signals, Instant start) {
        for (SignalDescriptor signal : signals) {
            if (signal.access().readable()) {
                intervals.put(signal.name(), signal.polled() ? signal.pollMs() : ONCE);
                due.put(signal.name(), start);
            }
        }
    }

    boolean isEmpty() {
        return intervals.isEmpty();
    }

    /** @return when the next signal is due; empty when none is polled */
    Optional<Instant> next() {
        return due.values().stream().min(Instant::compareTo);
    }

    /** @return the signals to read in a poll starting now: those due, and those due soon after */
    List<String> dueAt(Instant now) {
        long shortest = Long.MAX_VALUE;
        for (Map.Entry<String, Instant> entry : due.entrySet()) {
            if (!entry.getValue().isAfter(now)) {
                long interval = intervals.get(entry.getKey());
                shortest = Math.min(shortest, interval == ONCE ? Long.MAX_VALUE - 1 : interval);
            }
        }
        if (shortest == Long.MAX_VALUE) {
            return List.of();
        }
        Instant horizon = shortest == Long.MAX_VALUE - 1 ? now : now.plusMillis(shortest / 4);
        List<String> names = new ArrayList<>();
        for (Map.Entry<String, Instant> entry : due.entrySet()) {
            if (!entry.getValue().isAfter(horizon)) {
                names.add(entry.getKey());
            }
        }
        return names;
    }

    /** The signals were read (or the read failed) at {@code at}: each is due an interval after its last beat. */
    void polled(List<String> names, Instant at) {
        for (String name : names) {
            long interval = intervals.get(name);
            if (interval == ONCE) {
                intervals.remove(name);
                due.remove(name);
                continue;
            }
            Instant next = due.get(name).plusMillis(interval);
            due.put(name, next.isAfter(at) ? next : at.plusMillis(interval));
        }
    }
}
