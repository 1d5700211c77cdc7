package io.gantry.rest.bundle.internal.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gantry.rest.bundle.internal.server.EmbeddedApi;

/** The API's own ObjectMapper, for the view tests. */
final class Json {
    static final ObjectMapper MAPPER = EmbeddedApi.apiMapper();

    private Json() {}

    static JsonNode tree(Object view) {
        return MAPPER.valueToTree(view);
    }
}
