package io.gantry.engine.core.internal.events;

import java.util.Map;

/** Where the {@link EventPublisher} hands each event it delivers, numbered: the durable event log. */
interface EventRecorder {
    /** Keeps nothing: events numbered in an epoch of their own, for a publisher without a log. */
    EventRecorder NONE = new EventRecorder() {
        private final String epoch = "none";

        @Override
        public String epoch() {
            return epoch;
        }

        @Override
        public void append(long seq, String topic, Map<String, Object> properties) {}
    };

    /** @return the epoch the events are numbered in */
    String epoch();

    /**
     * Takes an event; must never block.
     *
     * @param seq        its number in the epoch
     * @param topic      its topic
     * @param properties its plain properties, {@code epoch} and {@code seq} included
     */
    void append(long seq, String topic, Map<String, Object> properties);
}
