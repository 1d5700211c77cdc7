package io.gantry.rest.bundle.internal.events;

/**
 * An event converted to JSON, but for its number and epoch: those are spliced in front of the already
 * serialized text when the journal takes it, which keeps the costly part outside the journal's lock.
 *
 * @param topic       the EventAdmin topic
 * @param pipelineId  the pipelineId property, or null
 * @param executionId the executionId property, or null
 * @param deviceId    the deviceId property, or null
 * @param fields      a JSON object holding every field but {@code seq} and {@code epoch}
 * @param epoch       the epoch the controller numbered it in, or null
 * @param seq         the number the controller gave it, or 0 when it has none
 */
record EventDraft(
        String topic, String pipelineId, String executionId, String deviceId, String fields, String epoch, long seq) {
    EventDraft {
        if (!fields.startsWith("{")) {
            throw new IllegalArgumentException("fields must be a JSON object: " + fields);
        }
    }

    /** An unnumbered event of no device. */
    EventDraft(String topic, String pipelineId, String executionId, String fields) {
        this(topic, pipelineId, executionId, null, fields, null, 0);
    }

    /**
     * @param number the number the event goes out with
     * @return the event with {@code "seq"} (and {@code "epoch"}) as its first fields
     */
    StreamEvent numbered(long number) {
        String rest = fields.substring(1);
        String head = "{\"seq\":" + number + (epoch == null ? "" : ",\"epoch\":\"" + epoch + "\"");
        String json = rest.equals("}") ? head + "}" : head + "," + rest;
        return new StreamEvent(number, topic, pipelineId, executionId, deviceId, json);
    }
}
