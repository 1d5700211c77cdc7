package io.gantry.engine.core.internal.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.gantry.engine.api.function.FunctionDescriptor;
import io.gantry.engine.api.function.PortDescriptor;
import io.gantry.engine.api.function.PortType;
import io.gantry.engine.api.pipeline.EdgeDefinition;
import io.gantry.engine.api.pipeline.NodeDefinition;
import io.gantry.engine.api.pipeline.PipelineDefinition;
import io.gantry.engine.api.pipeline.PipelineVersion;
import io.gantry.engine.core.internal.plan.ExecutionPlan;
import io.gantry.engine.core.internal.schema.JsonSchemaChecker;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PlanCacheTest {
    private static final String SCHEMA = "{\"type\":\"object\",\"properties\":{\"b\":{\"type\":\"number\"}}}";
    private final Map<String, FunctionDescriptor> functions = new HashMap<>(Map.of("test.add", add()));
    private final Map<String, String> devices = new HashMap<>();
    private final PipelineValidator validator = new PipelineValidator(
            id -> Optional.ofNullable(functions.get(id)),
            id -> Optional.ofNullable(devices.get(id)),
            new JsonSchemaChecker());
    private final PlanCache cache = new PlanCache(
            id -> Optional.ofNullable(functions.get(id)),
            id -> Optional.ofNullable(devices.get(id)),
            validator::validate);

    @Test
    void reusesThePlanOfAVersionOnItsSecondRun() {
        PipelineVersion stored = version(chain(3), 1);

        ExecutionPlan first = cache.planOf(stored);
        ExecutionPlan second = cache.planOf(stored);

        assertThat(second).isSameAs(first);
        assertThat(cache.misses()).isEqualTo(1);
        assertThat(cache.hits()).isEqualTo(1);
    }

    @Test
    void keepsVersionsApart() {
        cache.planOf(version(chain(3), 1));
        cache.planOf(version(chain(4), 2));

        assertThat(cache.misses()).isEqualTo(2);
        assertThat(cache.size()).isEqualTo(2);
    }

    @Test
    void dropsAPlanWhenAFunctionItCallsIsReplaced() {
        PipelineVersion stored = version(chain(3), 1);
        ExecutionPlan before = cache.planOf(stored);

        functions.put("test.add", add()); // an updated plugin registers a new descriptor
        cache.dropStale();

        assertThat(cache.invalidations()).isEqualTo(1);
        assertThat(cache.planOf(stored)).isNotSameAs(before);
        assertThat(cache.misses()).isEqualTo(2);
    }

    @Test
    void keepsAPlanWhenAnUnrelatedPluginChanges() {
        PipelineVersion stored = version(chain(3), 1);
        cache.planOf(stored);

        functions.put("other.fn", add());
        cache.dropStale();

        cache.planOf(stored);
        assertThat(cache.hits()).isEqualTo(1);
        assertThat(cache.invalidations()).isZero();
    }

    @Test
    void aHitNeitherValidatesNorCompilesAgain() {
        AtomicInteger compiles = new AtomicInteger();
        PlanCache counting = new PlanCache(
                id -> Optional.ofNullable(functions.get(id)),
                id -> Optional.ofNullable(devices.get(id)),
                definition -> {
                    compiles.incrementAndGet();
                    return validator.validate(definition);
                });
        PipelineVersion stored = version(chain(100), 1);

        for (int i = 0; i < 10; i++) {
            counting.planOf(stored);
        }

        // what a hit saves in time is bench/'s PlanCacheBenchmark
        assertThat(compiles).hasValue(1);
        assertThat(counting.hits()).isEqualTo(9);
    }

    /** A chain of adders, each with a schema-checked param, as a large real pipeline would have. */
    private static PipelineDefinition chain(int length) {
        List<NodeDefinition> nodes = new ArrayList<>();
        List<EdgeDefinition> edges = new ArrayList<>();
        nodes.add(NodeDefinition.of("n0", "test.add", Map.of("a", 0, "b", 1)));
        for (int i = 1; i < length; i++) {
            nodes.add(NodeDefinition.of("n" + i, "test.add", Map.of("b", 1)));
            edges.add(new EdgeDefinition("n" + (i - 1) + ".result", "n" + i + ".a"));
        }
        return new PipelineDefinition("chain", "chain", null, nodes, edges);
    }

    private static PipelineVersion version(PipelineDefinition definition, int version) {
        return new PipelineVersion(definition.id(), version, Instant.EPOCH, definition);
    }

    private static FunctionDescriptor add() {
        return new FunctionDescriptor(
                "test.add",
                "Add",
                null,
                List.of(PortDescriptor.required("a", PortType.NUMBER), PortDescriptor.required("b", PortType.NUMBER)),
                List.of(PortDescriptor.output("result", PortType.NUMBER)),
                SCHEMA,
                0);
    }
}
