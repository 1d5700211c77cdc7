package io.gantry.engine.core.internal.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.gantry.engine.api.error.Problem;
import io.gantry.engine.core.internal.validation.ParamsSchemaChecker;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.osgi.service.component.annotations.Component;

/**
 * Checks device configs and node params against the JSON Schemas plugins declare, with the
 * networknt validator (drafts 4 to 2020-12). Compiled schemas are cached by their text.
 */
@Component(service = JsonSchemaChecker.class)
public final class JsonSchemaChecker implements ParamsSchemaChecker {
    private static final Pattern LOCATION_PREFIX = Pattern.compile("^\\$[^:]*: ");

    private final ObjectMapper mapper = new ObjectMapper();
    private final JsonSchemaFactory factory = withValidatorClassLoader(
            () -> JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012));
    private final Map<String, JsonSchema> schemas = new ConcurrentHashMap<>();

    @Override
    public List<Problem> check(String schemaJson, Map<String, Object> value, String path) {
        JsonSchema schema = schemas.computeIfAbsent(schemaJson, this::compile);
        JsonNode document = mapper.valueToTree(value);
        List<Problem> problems = new ArrayList<>();
        schema.validate(document).stream()
                .sorted(Comparator.comparing(message -> message.getInstanceLocation().toString()))
                .forEach(message -> problems.add(problem(message, path)));
        return problems;
    }

    private JsonSchema compile(String schemaJson) {
        // the validator reads its meta-schemas from its own bundle
        return withValidatorClassLoader(() -> factory.getSchema(schemaJson));
    }

    private static Problem problem(ValidationMessage message, String path) {
        String location = message.getInstanceLocation().toString().substring(1); // "$.a.b" -> ".a.b"
        String text = LOCATION_PREFIX.matcher(message.getMessage()).replaceFirst("");
        return new Problem(path + location, "schema", text);
    }

    private static <T> T withValidatorClassLoader(java.util.function.Supplier<T> step) {
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
