package io.gantry.rest.bundle.internal.events;

/**
 * One event as it leaves the controller: numbered, with the topic and ids that filters need beside
 * its JSON text, which is written only when a client first needs it and then shared by every client
 * (and every replay of it from the ring). An event no client wants is never written: the controller
 * pays nothing for the stream while no one listens.
 *
 * @param seq         controller-wide number, rising by one per event
 * @param topic       the EventAdmin topic
 * @param pipelineId  the pipelineId property, or null
 * @param executionId the executionId property, or null
 * @param deviceId    the deviceId property, or null
 * @param text        the message sent to clients, written once
 * @param size        what it pins in memory while queued, estimated ({@link MessageSize})
 */
record StreamEvent(
        long seq,
        String topic,
        String pipelineId,
        String executionId,
        String deviceId,
        Once<String> text,
        Once<Long> size) {
    /** @return the message sent to clients, written on the first call */
    String json() {
        return text.get();
    }

    /** @return what it pins in memory while queued, estimated on the first call */
    long bytes() {
        return size.get();
    }
}
