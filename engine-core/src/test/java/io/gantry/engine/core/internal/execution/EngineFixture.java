package io.gantry.engine.core.internal.execution;

import io.gantry.engine.api.device.Device;
import io.gantry.engine.api.error.PluginUnavailableException;
import io.gantry.engine.api.execution.ExecutionRecord;
import io.gantry.engine.api.function.PipelineFunction;
import io.gantry.engine.api.pipeline.EdgeDefinition;
import io.gantry.engine.api.pipeline.NodeDefinition;
import io.gantry.engine.api.pipeline.PipelineDefinition;
import io.gantry.engine.api.pipeline.RetrySpec;
import io.gantry.engine.core.internal.plan.ExecutionPlan;
import io.gantry.engine.core.internal.schema.ParamsSchemaChecker;
import io.gantry.engine.core.internal.validation.PipelineValidator;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** An engine over real thread pools, fake functions and devices, and a pipeline builder. */
final class EngineFixture implements AutoCloseable {
    static final String SERVO = "mock-servo";

    final ExecutorService executor = Executors.newFixedThreadPool(4);
    final ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(2);
    final Map<String, PipelineFunction> functions = new ConcurrentHashMap<>();
    final Map<String, TestDevice> devices = new ConcurrentHashMap<>();
    final RecordingListener events = new RecordingListener();
    final List<NodeDefinition> nodes = new ArrayList<>();
    final List<EdgeDefinition> edges = new ArrayList<>();

    EngineFixture() {
        scheduler.setRemoveOnCancelPolicy(true);
    }

    EngineFixture function(TestFunction function) {
        functions.put(function.descriptor().id(), function);
        return this;
    }

    TestDevice device(String id) {
        return devices.computeIfAbsent(id, key -> new TestDevice());
    }

    ExecutionEngine engine() {
        return engine(new EngineConfig(64, 5_000, RetrySpec.NONE));
    }

    ExecutionEngine engine(EngineConfig config) {
        return engine(config, events);
    }

    ExecutionEngine engine(EngineConfig config, ExecutionListener listener) {
        return new ExecutionEngine(config, resolver(), listener, executor, scheduler, Clock.systemUTC());
    }

    /** Resolves nodes to the functions and devices added so far, as the live registries would. */
    NodeResolver resolver() {
        return node -> {
            PipelineFunction function = functions.get(node.functionId());
            if (function == null) {
                throw new PluginUnavailableException("no plugin offers function '" + node.functionId() + "'");
            }
            Device device = node.deviceId() == null ? null : devices.get(node.deviceId());
            return new ResolvedNode(function, "test.plugin", "1.0.0", device);
        };
    }

    EngineFixture node(String id, String function, Map<String, Object> params) {
        nodes.add(NodeDefinition.of(id, function, params));
        return this;
    }

    EngineFixture node(String id, String function, String device, RetrySpec retry, Long timeoutMs) {
        nodes.add(new NodeDefinition(id, function, device, Map.of(), retry, timeoutMs));
        return this;
    }

    EngineFixture node(NodeDefinition node) {
        nodes.add(node);
        return this;
    }

    EngineFixture edge(String from, String to, String on) {
        edges.add(new EdgeDefinition(from, to, on));
        return this;
    }

    EngineFixture edge(String from, String to) {
        edges.add(new EdgeDefinition(from, to));
        return this;
    }

    /** Validates the nodes and edges added so far against the registered functions and devices. */
    ExecutionPlan plan() {
        PipelineValidator validator = new PipelineValidator(
                id -> Optional.ofNullable(functions.get(id)).map(PipelineFunction::descriptor),
                id -> devices.containsKey(id) ? Optional.of(SERVO) : Optional.empty(),
                ParamsSchemaChecker.ACCEPT_ALL);
        return validator.validate(new PipelineDefinition("p", "test", null, nodes, edges));
    }

    static ExecutionRecord await(ExecutionHandle handle) throws Exception {
        return handle.completion().get(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        executor.shutdownNow();
        scheduler.shutdownNow();
    }

    /** A device that counts stop requests. */
    static final class TestDevice implements Device {
        final AtomicInteger stops = new AtomicInteger();

        @Override
        public CompletableFuture<Void> connect() {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletableFuture<Void> disconnect() {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void stop() {
            stops.incrementAndGet();
        }
    }
}
