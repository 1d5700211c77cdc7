package io.gantry.engine.core.internal.events;

import io.gantry.engine.core.internal.time.IsoInstants;
import java.lang.reflect.Array;
import java.time.Instant;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reduces an event property to plain JSON values (String, Number, Boolean, List, Map), as it is put on
 * the bus: every handler, the event log on disk and the stream then see the same value, and none
 * depends on some engine class (a value of an unknown type becomes its {@code toString()}).
 */
final class PlainValues {
    private PlainValues() {}

    /**
     * @param value any property value
     * @return it as String, Number, Boolean, null, List or Map of the same
     */
    static Object plain(Object value) {
        if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean) {
            return value;
        }
        if (value instanceof Date date) {
            return IsoInstants.format(date.toInstant());
        }
        if (value instanceof Enum<?> constant) {
            return constant.name();
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((key, item) -> copy.put(String.valueOf(key), plain(item)));
            return copy;
        }
        if (value instanceof Collection<?> items) {
            List<Object> copy = new ArrayList<>(items.size());
            items.forEach(item -> copy.add(plain(item)));
            return copy;
        }
        if (value.getClass().isArray()) {
            List<Object> copy = new ArrayList<>();
            for (int i = 0, n = Array.getLength(value); i < n; i++) {
                copy.add(plain(Array.get(value, i)));
            }
            return copy;
        }
        if (value instanceof Instant instant) {
            return IsoInstants.format(instant);
        }
        // another TemporalAccessor, Character, anything else: its text
        return value instanceof TemporalAccessor time ? time.toString() : value.toString();
    }
}
