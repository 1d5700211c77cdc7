package io.gantry.rest.bundle.internal.events;

import java.util.function.Supplier;

/**
 * An event read but not numbered yet, nor written: the journal gives it its number, and its text is
 * written only when a client needs it ({@link StreamEvent#json()}).
 *
 * @param topic       the EventAdmin topic
 * @param pipelineId  the pipelineId property, or null
 * @param executionId the executionId property, or null
 * @param deviceId    the deviceId property, or null
 * @param text        writes the message once its number is known
 * @param epoch       the epoch the controller numbered it in, or null
 * @param seq         the number the controller gave it, or 0 when it has none
 * @param size        what it pins in memory while queued, estimated ({@link MessageSize}) when first asked
 */
record EventDraft(
        String topic,
        String pipelineId,
        String executionId,
        String deviceId,
        Text text,
        String epoch,
        long seq,
        Supplier<Long> size) {

    /** Writes an event's message. */
    @FunctionalInterface
    interface Text {
        /**
         * @param seq   the number it goes out with
         * @param epoch its epoch, or null
         * @return the JSON object, {@code "seq"} (and {@code "epoch"}) first
         */
        String write(long seq, String epoch);
    }

    /**
     * @param number the number the event goes out with
     * @return the event under that number, its text still to be written
     */
    StreamEvent numbered(long number) {
        return new StreamEvent(
                number,
                topic,
                pipelineId,
                executionId,
                deviceId,
                new Once<>(() -> text.write(number, epoch)),
                new Once<>(size));
    }
}
