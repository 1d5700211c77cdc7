package io.gantry.engine.api.event;

import java.util.Map;
import java.util.Objects;

/**
 * One event as the {@link EventLog} keeps it.
 *
 * @param epoch      the start of the controller it happened in
 * @param seq        its number in that epoch, from 1
 * @param topic      its EventAdmin topic
 * @param properties its properties, plain JSON values (String, Number, Boolean, List, Map), including
 *                   {@link EventProperties#TIMESTAMP}, {@link EventProperties#EPOCH} and {@link EventProperties#SEQ}
 */
public record LoggedEvent(String epoch, long seq, String topic, Map<String, Object> properties) {
    /** Checks that the event is named and has a topic. */
    public LoggedEvent {
        Objects.requireNonNull(epoch, "epoch");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(properties, "properties");
    }
}
