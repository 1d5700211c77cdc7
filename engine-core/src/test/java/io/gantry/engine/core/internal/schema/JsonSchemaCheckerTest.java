package io.gantry.engine.core.internal.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JsonSchemaCheckerTest {
    private final JsonSchemaChecker checker = new JsonSchemaChecker();

    @Test
    void anObjectSchemaIsUsable() {
        assertEquals(Optional.empty(), checker.objectSchemaProblem(
                "{\"type\":\"object\",\"properties\":{\"port\":{\"type\":\"integer\",\"minimum\":1}},\"required\":[\"port\"]}"));
    }

    @Test
    void textThatIsNotJsonIsNamedAsSuch() {
        String problem = checker.objectSchemaProblem("{\"type\":\"object\",").orElseThrow();
        assertTrue(problem.startsWith("is not JSON"), problem);
    }

    @Test
    void aSchemaThatBreaksTheMetaSchemaIsNotAValidSchema() {
        String problem = checker.objectSchemaProblem("{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"no-such-type\"}}}")
                .orElseThrow();
        assertTrue(problem.startsWith("is not a valid JSON Schema"), problem);
    }

    @Test
    void anArraySchemaIsRefusedBecauseItWouldLetAnyObjectThrough() {
        String problem = checker.objectSchemaProblem("{\"type\":\"array\"}").orElseThrow();
        assertTrue(problem.contains("\"type\": \"object\""), problem);
        assertTrue(checker.objectSchemaProblem("[]").orElseThrow().contains("not a JSON object"));
    }

    @Test
    void aUsableSchemaStillChecksValues() {
        String schema = "{\"type\":\"object\",\"properties\":{\"port\":{\"type\":\"integer\"}}}";
        assertEquals(Optional.empty(), checker.objectSchemaProblem(schema));
        assertEquals(1, checker.check(schema, Map.of("port", "x"), "config").size());
    }
}
