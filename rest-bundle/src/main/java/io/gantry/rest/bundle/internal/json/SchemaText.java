package io.gantry.rest.bundle.internal.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Parses the JSON Schema texts that plugins declare, so that the API emits them as JSON objects
 * rather than as strings holding JSON.
 */
final class SchemaText {
    private static final Logger LOG = LoggerFactory.getLogger(SchemaText.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private SchemaText() {}

    /**
     * @param owner what the schema belongs to, for the log
     * @param text  the schema as JSON text; may be null
     * @return the parsed schema; an empty object when absent or not JSON (a plugin bug, logged)
     */
    static JsonNode parse(String owner, String text) {
        if (text == null || text.isBlank()) {
            return JsonNodeFactory.instance.objectNode();
        }
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            // one bad plugin must not break the whole catalog listing
            LOG.warn("{} declares a schema that is not JSON: {}", owner, e.getOriginalMessage());
            return JsonNodeFactory.instance.objectNode();
        }
    }
}
