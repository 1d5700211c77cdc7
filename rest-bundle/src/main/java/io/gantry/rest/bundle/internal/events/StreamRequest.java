package io.gantry.rest.bundle.internal.events;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A client's query options: where to resume ({@code since}) and what to receive.
 *
 * @param since  the last event the client has, or null to receive only live events
 * @param filter the events it wants
 */
record StreamRequest(StreamCursor since, StreamFilter filter) {

    /**
     * @param query the upgrade request's query parameters
     * @return the request they describe
     * @throws IllegalArgumentException with a message fit for the client when an option is malformed
     */
    static StreamRequest fromQuery(Map<String, List<String>> query) {
        String since = single(query, "since");
        List<TopicPattern> topics = new ArrayList<>();
        for (String value : query.getOrDefault("topics", List.of())) {
            for (String pattern : value.split(",")) {
                if (!pattern.isBlank()) {
                    topics.add(TopicPattern.of(pattern));
                }
            }
        }
        StreamFilter filter = new StreamFilter(
                topics, single(query, "pipelineId"), single(query, "executionId"), single(query, "deviceId"));
        return new StreamRequest(since == null ? null : StreamCursor.parse(since), filter);
    }

    private static String single(Map<String, List<String>> query, String name) {
        List<String> values = query.getOrDefault(name, List.of());
        if (values.size() > 1) {
            throw new IllegalArgumentException(name + " given " + values.size() + " times; give it once");
        }
        return values.isEmpty() || values.get(0).isBlank()
                ? null
                : values.get(0).trim();
    }
}
