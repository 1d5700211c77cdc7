package io.gantry.rest.bundle.internal.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.gantry.engine.api.event.EventProperties;
import io.gantry.engine.api.event.LoggedEvent;
import java.lang.reflect.Array;
import java.time.Instant;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;

/**
 * Turns an EventAdmin event into the JSON of a stream message. Values are first reduced to plain
 * JSON types here, so the text never depends on Jackson's view of some engine class (a value of
 * an unknown type becomes its {@code toString()}, never a bean of getters).
 */
final class EventJson {
    /** Keys EventAdmin adds or the message sets itself; never copied from the properties. */
    private static final Set<String> RESERVED = Set.of(
            EventConstants.EVENT_TOPIC, EventConstants.EVENT, EventProperties.SEQ, EventProperties.EPOCH, "topic");

    private final ObjectMapper mapper = JsonMapper.builder().build();
    private final Supplier<Instant> clock;

    /** @param clock gives the timestamp of events posted without one */
    EventJson(Supplier<Instant> clock) {
        this.clock = clock;
    }

    /**
     * @param event an event under {@code gantry/}
     * @return its message; unnumbered (seq 0) when the event carries no {@code seq}
     */
    EventDraft draft(Event event) {
        return draft(event.getTopic(), () -> Arrays.asList(event.getPropertyNames()), event::getProperty);
    }

    /**
     * @param event an event read back from the event log
     * @return its message, the same text as when it was live
     */
    EventDraft draft(LoggedEvent event) {
        return draft(event.topic(), event.properties()::keySet, event.properties()::get);
    }

    /**
     * Reads what numbering and filtering need now, and leaves the rest to when (and if) a client
     * needs the text. The properties of an EventAdmin event cannot change, nor those of a logged one;
     * the time of an event without a timestamp is taken now, not when it is written.
     */
    private EventDraft draft(
            String topic, Supplier<Collection<String>> propertyNames, Function<String, Object> property) {
        Object stamp = property.apply(EventProperties.TIMESTAMP);
        Object timestamp = stamp == null ? clock.get() : stamp;
        Object seq = property.apply(EventProperties.SEQ);
        return new EventDraft(
                topic,
                text(property.apply(EventProperties.PIPELINE_ID)),
                text(property.apply(EventProperties.EXECUTION_ID)),
                text(property.apply(EventProperties.DEVICE_ID)),
                (number, epoch) -> message(number, epoch, topic, timestamp, propertyNames.get(), property),
                text(property.apply(EventProperties.EPOCH)),
                seq instanceof Number n ? n.longValue() : 0,
                () -> MessageSize.of(propertyNames.get(), property));
    }

    private String message(
            long seq,
            String epoch,
            String topic,
            Object timestamp,
            Collection<String> propertyNames,
            Function<String, Object> property) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put(EventProperties.SEQ, seq);
        if (epoch != null) {
            fields.put(EventProperties.EPOCH, epoch);
        }
        fields.put("topic", topic);
        fields.put(EventProperties.TIMESTAMP, timestamp(timestamp));
        // sorted, so that equal events give equal text whatever map EventAdmin used
        List<String> names = new ArrayList<>(propertyNames);
        names.sort(null);
        for (String name : names) {
            if (!RESERVED.contains(name) && !name.equals(EventProperties.TIMESTAMP)) {
                fields.put(name, plain(property.apply(name)));
            }
        }
        return write(fields);
    }

    /**
     * Writes a JSON object; used also for the messages the stream makes itself.
     *
     * @param fields JSON-typed values
     * @return the text
     */
    String write(Map<String, ?> fields) {
        try {
            return mapper.writeValueAsString(fields);
        } catch (JsonProcessingException e) {
            // cannot happen with the plain values built here; say so loudly if it ever does
            throw new IllegalStateException("cannot write event fields " + fields.keySet(), e);
        }
    }

    /** EventAdmin's own {@code timestamp} is epoch milliseconds; the engine may give an Instant or a string. */
    private static String timestamp(Object value) {
        if (value instanceof Number millis) {
            return Instant.ofEpochMilli(millis.longValue()).toString();
        }
        Object plain = plain(value);
        return plain instanceof String text ? text : String.valueOf(plain);
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    /**
     * @param value any event property value
     * @return the value as String, Number, Boolean, null, List or Map of the same
     */
    static Object plain(Object value) {
        if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean) {
            return value;
        }
        if (value instanceof Date date) {
            return date.toInstant().toString();
        }
        if (value instanceof TemporalAccessor || value instanceof Character) {
            return value.toString();
        }
        if (value instanceof Enum<?> constant) {
            return constant.name();
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((key, item) -> copy.put(String.valueOf(key), plain(item)));
            return copy;
        }
        if (value instanceof Collection<?> collection) {
            List<Object> copy = new ArrayList<>(collection.size());
            collection.forEach(item -> copy.add(plain(item)));
            return copy;
        }
        if (value.getClass().isArray()) {
            int length = Array.getLength(value);
            List<Object> copy = new ArrayList<>(length);
            for (int i = 0; i < length; i++) {
                copy.add(plain(Array.get(value, i)));
            }
            return copy;
        }
        return value.toString();
    }
}
