package io.gantry.itests.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

/** Reading the controller's answers and stream messages as JSON trees. */
public final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {}

    /** @return the response's body as a tree */
    public static JsonNode of(HttpResponse<String> response) {
        return parse(response.body());
    }

    /** @return the text as a tree */
    public static JsonNode parse(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the {@code gantry/signal/*} events a stream client has received, in order */
    public static List<JsonNode> signalEvents(EventStreamClient client) {
        List<JsonNode> events = new ArrayList<>();
        for (String message : client.messages()) {
            JsonNode event = parse(message);
            if (event.path("topic").asText().startsWith("gantry/signal/")) {
                events.add(event);
            }
        }
        return events;
    }
}
