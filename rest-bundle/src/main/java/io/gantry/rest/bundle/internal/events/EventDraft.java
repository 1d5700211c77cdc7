package io.gantry.rest.bundle.internal.events;

/**
 * An event converted to JSON but not yet numbered. The number is given later under the journal's
 * lock; splicing it into the already serialized text keeps the costly part outside that lock.
 *
 * @param topic       the EventAdmin topic
 * @param pipelineId  the pipelineId property, or null
 * @param executionId the executionId property, or null
 * @param deviceId    the deviceId property, or null
 * @param fields      a JSON object holding every field but {@code seq}
 */
record EventDraft(String topic, String pipelineId, String executionId, String deviceId, String fields) {
    EventDraft {
        if (!fields.startsWith("{")) {
            throw new IllegalArgumentException("fields must be a JSON object: " + fields);
        }
    }

    /** An event of no device. */
    EventDraft(String topic, String pipelineId, String executionId, String fields) {
        this(topic, pipelineId, executionId, null, fields);
    }

    /**
     * @param seq the number the journal gives this event
     * @return the event with {@code "seq"} as its first field
     */
    StreamEvent numbered(long seq) {
        String rest = fields.substring(1);
        String json = rest.equals("}") ? "{\"seq\":" + seq + "}" : "{\"seq\":" + seq + "," + rest;
        return new StreamEvent(seq, topic, pipelineId, executionId, deviceId, json);
    }
}
