package io.gantry.rest.bundle.internal.events;

import java.util.List;
import java.util.Objects;

/**
 * Which events one client wants: any of its topic patterns, and the pipeline and execution when
 * given. Checked under the journal's lock for every event and client, so it stays allocation-free.
 *
 * @param topics      patterns, any of which must match; empty for every topic
 * @param pipelineId  the pipeline wanted, or null for all
 * @param executionId the execution wanted, or null for all
 * @param deviceId    the device wanted (its status, breaker and signal events), or null for all
 */
record StreamFilter(List<TopicPattern> topics, String pipelineId, String executionId, String deviceId) {
    static final StreamFilter ALL = new StreamFilter(List.of(), null, null, null);

    StreamFilter {
        topics = List.copyOf(topics);
    }

    /** A filter of no device. */
    StreamFilter(List<TopicPattern> topics, String pipelineId, String executionId) {
        this(topics, pipelineId, executionId, null);
    }

    boolean matches(StreamEvent event) {
        return (pipelineId == null || pipelineId.equals(event.pipelineId()))
                && (executionId == null || executionId.equals(event.executionId()))
                && (deviceId == null || deviceId.equals(event.deviceId()))
                && matchesTopic(event.topic());
    }

    private boolean matchesTopic(String topic) {
        if (topics.isEmpty()) {
            return true;
        }
        for (TopicPattern pattern : topics) {
            if (pattern.matches(topic)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return "topics=" + topics + " pipelineId=" + Objects.toString(pipelineId, "*") + " executionId="
                + Objects.toString(executionId, "*") + " deviceId=" + Objects.toString(deviceId, "*");
    }
}
