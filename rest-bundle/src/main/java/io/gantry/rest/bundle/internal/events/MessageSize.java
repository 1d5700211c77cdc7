package io.gantry.rest.bundle.internal.events;

import java.util.Collection;
import java.util.Map;
import java.util.function.Function;

/**
 * An estimate, in bytes, of the memory an event pins while it waits in a client's queue, read from its
 * values without writing its JSON (which is written only once a client sends it): a slow client must be
 * bounded by what it holds, not only by how many events, or a few large ones would fill the heap.
 */
final class MessageSize {
    /** What every value costs beyond its characters: its entry, its boxing, its quotes. */
    static final int PER_VALUE = 48;

    private MessageSize() {}

    /**
     * @param names    the event's property names
     * @param property reads a property
     * @return the estimate, at least {@value #PER_VALUE} per property
     */
    static long of(Collection<String> names, Function<String, Object> property) {
        long size = 0;
        for (String name : names) {
            size += name.length() + of(property.apply(name));
        }
        return size;
    }

    private static long of(Object value) {
        if (value instanceof CharSequence text) {
            return PER_VALUE + text.length();
        }
        if (value instanceof Map<?, ?> map) {
            long size = PER_VALUE;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                size += String.valueOf(entry.getKey()).length() + of(entry.getValue());
            }
            return size;
        }
        if (value instanceof Collection<?> items) {
            long size = PER_VALUE;
            for (Object item : items) {
                size += of(item);
            }
            return size;
        }
        return PER_VALUE; // numbers, booleans, null and what becomes a short string
    }
}
