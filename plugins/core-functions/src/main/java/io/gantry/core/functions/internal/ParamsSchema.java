package io.gantry.core.functions.internal;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Writes the params schemas of the core functions: a closed JSON object (draft 2020-12) whose
 * properties are the function's own params plus constants for its input ports. Closed, so that a
 * misspelt param fails validation instead of being silently ignored.
 */
final class ParamsSchema {
    private ParamsSchema() {}

    /**
     * @param properties the members of {@code "properties"}, as JSON text without the braces
     * @param required   the params a node must give
     * @return the schema as JSON text
     */
    static String of(String properties, String... required) {
        String requiredList =
                Arrays.stream(required).map(name -> '"' + name + '"').collect(Collectors.joining(", "));
        return """
                {
                  "$schema": "https://json-schema.org/draft/2020-12/schema",
                  "type": "object",
                  "properties": {
                %s  },
                  "required": [%s],
                  "additionalProperties": false
                }
                """.formatted(properties.indent(4), requiredList);
    }
}
