package io.gantry.plugin.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SchemaRulesTest {
    private final SchemaRules checker = new SchemaRules();

    @Test
    void anObjectSchemaIsUsable() {
        assertEquals(
                Optional.empty(),
                checker.problem(
                        "{\"type\":\"object\",\"properties\":{\"port\":{\"type\":\"integer\",\"minimum\":1}},\"required\":[\"port\"]}"));
    }

    @Test
    void textThatIsNotJsonIsNamedAsSuch() {
        String problem = checker.problem("{\"type\":\"object\",").orElseThrow();
        assertTrue(problem.startsWith("is not JSON"), problem);
    }

    @Test
    void aSchemaThatBreaksTheMetaSchemaIsNotAValidSchema() {
        String problem = checker.problem("{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"no-such-type\"}}}")
                .orElseThrow();
        assertTrue(problem.startsWith("is not a valid JSON Schema"), problem);
    }

    @Test
    void anArraySchemaIsRefusedBecauseItWouldLetAnyObjectThrough() {
        String problem = checker.problem("{\"type\":\"array\"}").orElseThrow();
        assertTrue(problem.contains("\"type\": \"object\""), problem);
        assertTrue(checker.problem("[]").orElseThrow().contains("not a JSON object"));
    }

    @Test
    void aUsableSchemaStillChecksValues() {
        String schema = "{\"type\":\"object\",\"properties\":{\"port\":{\"type\":\"integer\"}}}";
        assertEquals(Optional.empty(), checker.problem(schema));
        assertEquals(
                1,
                checker.check(checker.compile(schema), Map.of("port", "x"), "config")
                        .size());
    }
}
