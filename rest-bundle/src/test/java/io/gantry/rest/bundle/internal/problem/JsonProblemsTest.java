package io.gantry.rest.bundle.internal.problem;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonProblemsTest {
    private static final ObjectMapper MAPPER =
            new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    record Node(String id, Long timeoutMs) {}

    record Body(String name, List<Node> nodes) {}

    @Test
    void unknownFieldGetsItsFullPath() {
        ProblemDocument problem = problemFor("{\"name\":\"x\",\"nodes\":[{\"id\":\"a\"},{\"id\":\"b\",\"colour\":1}]}");
        assertThat(problem.status()).isEqualTo(422);
        assertThat(problem.errors().get(0).path()).isEqualTo("nodes[1].colour");
        assertThat(problem.errors().get(0).message()).isEqualTo("unknown field 'colour'");
    }

    @Test
    void wrongTypeGetsItsPathAndTheExpectedType() {
        ProblemDocument problem = problemFor("{\"nodes\":[{\"id\":\"a\",\"timeoutMs\":\"soon\"}]}");
        assertThat(problem.errors().get(0).path()).isEqualTo("nodes[0].timeoutMs");
        assertThat(problem.errors().get(0).code()).isEqualTo("wrong-type");
        assertThat(problem.errors().get(0).message()).contains("number");
    }

    @Test
    void arrayWhereAnObjectBelongsIsAShapeError() {
        ProblemDocument problem = problemFor("{\"nodes\":{\"id\":\"a\"}}");
        assertThat(problem.status()).isEqualTo(422);
        assertThat(problem.errors().get(0).path()).isEqualTo("nodes");
    }

    @Test
    void malformedAndTruncatedTextAre400() {
        assertThat(problemFor("{\"name\": nope}").type()).endsWith(":invalid-json");
        assertThat(problemFor("{\"name\": \"x\"").status()).isEqualTo(400);
        assertThat(problemFor("").status()).isEqualTo(400);
    }

    private static ProblemDocument problemFor(String json) {
        try {
            MAPPER.readValue(json, Body.class);
            throw new AssertionError("expected a failure for " + json);
        } catch (JsonProcessingException e) {
            return JsonProblems.problem(e);
        }
    }
}
