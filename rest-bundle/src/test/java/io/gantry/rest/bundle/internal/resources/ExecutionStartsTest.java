package io.gantry.rest.bundle.internal.resources;

import static org.assertj.core.api.Assertions.assertThat;

import io.gantry.engine.api.execution.ExecutionStatus;
import io.gantry.engine.api.pipeline.NodeDefinition;
import io.gantry.engine.api.pipeline.PipelineDefinition;
import io.gantry.rest.bundle.internal.json.ExecutionJson;
import io.gantry.rest.bundle.internal.testing.Configs;
import io.gantry.rest.bundle.internal.testing.InMemoryExecutionService;
import io.gantry.rest.bundle.internal.testing.InMemoryPipelineService;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The answer to a start, given the already parsed {@code ?wait=} flag. */
class ExecutionStartsTest {
    // executions of this fake end only when awaited, so their status shows whether the answer waited
    private final InMemoryExecutionService executions = new InMemoryExecutionService(new InMemoryPipelineService());
    private final ExecutionStarts starts =
            new ExecutionStarts(executions, Configs.of(ExecutionConfiguration.class, Map.of("maxWaitSeconds", 5L)));

    @Test
    void withoutWaitAnswers202WithTheRunningExecutionAndItsLocation() {
        var started = executions.startInline(pipeline(), Map.of());

        Response answer = starts.answer(started, false, uriInfo());

        assertThat(answer.getStatus()).isEqualTo(202);
        assertThat(answer.getLocation()).hasToString("http://controller/api/executions/" + started.id());
        assertThat(((ExecutionJson) answer.getEntity()).status()).isEqualTo("RUNNING");
        assertThat(executions.get(started.id()).status()).isEqualTo(ExecutionStatus.RUNNING);
    }

    @Test
    void withWaitAnswers200WithTheEndedExecution() {
        var started = executions.startInline(pipeline(), Map.of());

        Response answer = starts.answer(started, true, uriInfo());

        assertThat(answer.getStatus()).isEqualTo(200);
        assertThat(answer.getLocation()).isNull();
        assertThat(((ExecutionJson) answer.getEntity()).status()).isEqualTo("SUCCEEDED");
    }

    private static PipelineDefinition pipeline() {
        return new PipelineDefinition(
                null, "p", null, List.of(NodeDefinition.of("a", "core.constant", Map.of("value", 1))), List.of());
    }

    /** Only the base URI is asked for. */
    private static UriInfo uriInfo() {
        return (UriInfo) Proxy.newProxyInstance(
                UriInfo.class.getClassLoader(), new Class<?>[] {UriInfo.class}, (self, method, args) -> {
                    if (method.getName().equals("getBaseUriBuilder")) {
                        return UriBuilder.fromUri("http://controller/api/");
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
