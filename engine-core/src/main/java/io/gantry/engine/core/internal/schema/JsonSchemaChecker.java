package io.gantry.engine.core.internal.schema;

import com.networknt.schema.JsonSchema;
import io.gantry.engine.api.error.Problem;
import io.gantry.plugin.rules.SchemaRules;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.osgi.service.component.annotations.Component;

/**
 * Checks device configs and node params against the JSON Schemas plugins declare, with the
 * networknt validator (drafts 4 to 2020-12), by the rules plugins are held to ({@link SchemaRules},
 * the testkit's too). Compiled schemas are cached by their text. A plugin's schema is checked once,
 * when the plugin is admitted ({@link #objectSchemaProblem}); a plugin with a malformed schema never
 * serves, so checking values never meets one.
 */
@Component(service = JsonSchemaChecker.class)
public final class JsonSchemaChecker implements ParamsSchemaChecker {
    private final SchemaRules rules = new SchemaRules();
    private final Map<String, JsonSchema> schemas = new ConcurrentHashMap<>();

    @Override
    public List<Problem> check(String schemaJson, Map<String, Object> value, String path) {
        return rules.check(schemas.computeIfAbsent(schemaJson, rules::compile), value, path);
    }

    /**
     * @param schemaJson the schema as the plugin declares it
     * @return what is wrong, in words a plugin's author can act on; empty when it is usable
     */
    public Optional<String> objectSchemaProblem(String schemaJson) {
        Optional<String> problem = rules.problem(schemaJson);
        if (problem.isEmpty()) {
            schemas.computeIfAbsent(schemaJson, rules::compile);
        }
        return problem;
    }

    /** @return the rules this checker applies, for the descriptor rules that check schemas too */
    public SchemaRules rules() {
        return rules;
    }
}
