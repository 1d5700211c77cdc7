package io.gantry.rest.bundle.internal.events;

/**
 * One event as it leaves the controller: numbered, with its JSON text built once and shared by
 * every client. The topic and ids are kept beside the text so that filters need not parse it.
 *
 * @param seq         controller-wide number, rising by one per event
 * @param topic       the EventAdmin topic
 * @param pipelineId  the pipelineId property, or null
 * @param executionId the executionId property, or null
 * @param deviceId    the deviceId property, or null
 * @param json        the message sent to clients
 */
record StreamEvent(long seq, String topic, String pipelineId, String executionId, String deviceId, String json) {
    /** An event of no device. */
    StreamEvent(long seq, String topic, String pipelineId, String executionId, String json) {
        this(seq, topic, pipelineId, executionId, null, json);
    }
}
