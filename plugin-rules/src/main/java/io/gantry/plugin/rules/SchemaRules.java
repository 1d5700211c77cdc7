package io.gantry.plugin.rules;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaId;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.gantry.engine.api.error.Problem;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * What a plugin's params or config schema must be: JSON, a valid JSON Schema (2020-12 meta-schema),
 * of {@code "type": "object"} (params and configs are objects: an array or string schema would let
 * any of them through unchecked) — and compilable by the validator that will check values against it.
 */
public final class SchemaRules {
    private static final Pattern LOCATION_PREFIX = Pattern.compile("^\\$[^:]*: ");

    private final ObjectMapper mapper = new ObjectMapper();
    private final JsonSchemaFactory factory =
            withValidatorClassLoader(() -> JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012));
    private final AtomicReference<JsonSchema> metaSchema = new AtomicReference<>();

    /**
     * @param schemaJson the schema as the plugin declares it
     * @return what is wrong, in words a plugin's author can act on; empty when it is usable
     */
    public Optional<String> problem(String schemaJson) {
        JsonNode schema;
        try {
            schema = mapper.readTree(schemaJson);
        } catch (JsonProcessingException e) {
            return Optional.of("is not JSON (" + e.getOriginalMessage() + ")");
        }
        if (schema == null || !schema.isObject()) {
            return Optional.of("is not a JSON object");
        }
        List<String> invalid = withValidatorClassLoader(() -> metaSchema().validate(schema)).stream()
                .map(message -> message.getMessage())
                .sorted()
                .toList();
        if (!invalid.isEmpty()) {
            return Optional.of("is not a valid JSON Schema: " + String.join("; ", invalid));
        }
        if (!"object".equals(schema.path("type").asText())) {
            return Optional.of("must be a schema of \"type\": \"object\" (configs and params are objects), was "
                    + (schema.has("type") ? schema.get("type").toString() : "without a type"));
        }
        try {
            compile(schemaJson);
        } catch (RuntimeException e) {
            return Optional.of("cannot be compiled (" + e.getMessage() + ")");
        }
        return Optional.empty();
    }

    /**
     * @param schema a compiled schema
     * @param value  a config or params object
     * @param path   where the value is, for the problems' paths ({@code config}, {@code nodes[0].params})
     * @return what does not match, each with the path of the offending value
     */
    public List<Problem> check(JsonSchema schema, Map<String, Object> value, String path) {
        JsonNode document = mapper.valueToTree(value);
        List<Problem> problems = new ArrayList<>();
        schema.validate(document).stream()
                .sorted(Comparator.comparing(
                        message -> message.getInstanceLocation().toString()))
                .forEach(message -> problems.add(problem(message, path)));
        return problems;
    }

    /**
     * @param schemaJson a schema
     * @return it compiled, ready to validate values
     */
    public JsonSchema compile(String schemaJson) {
        // the validator reads its meta-schemas from its own bundle
        return withValidatorClassLoader(() -> factory.getSchema(schemaJson));
    }

    private static Problem problem(ValidationMessage message, String path) {
        String location = message.getInstanceLocation().toString().substring(1); // "$.a.b" -> ".a.b"
        String text = LOCATION_PREFIX.matcher(message.getMessage()).replaceFirst("");
        return new Problem(path + location, "schema", text);
    }

    private JsonSchema metaSchema() {
        return metaSchema.updateAndGet(
                known -> known != null ? known : factory.getSchema(SchemaLocation.of(SchemaId.V202012)));
    }

    private static <T> T withValidatorClassLoader(Supplier<T> step) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(JsonSchemaFactory.class.getClassLoader());
        try {
            return step.get();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
