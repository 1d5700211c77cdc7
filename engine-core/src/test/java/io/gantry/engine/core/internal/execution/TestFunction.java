package io.gantry.engine.core.internal.execution;

import io.gantry.engine.api.function.FunctionDescriptor;
import io.gantry.engine.api.function.Invocation;
import io.gantry.engine.api.function.PipelineFunction;
import io.gantry.engine.api.function.PortDescriptor;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/** A function fake: a descriptor plus a body, counting its calls. */
final class TestFunction implements PipelineFunction {
    private final FunctionDescriptor descriptor;
    private final Function<Invocation, CompletionStage<Map<String, Object>>> body;
    final AtomicInteger calls = new AtomicInteger();

    TestFunction(FunctionDescriptor descriptor, Function<Invocation, CompletionStage<Map<String, Object>>> body) {
        this.descriptor = descriptor;
        this.body = body;
    }

    static FunctionDescriptor descriptor(
            String id,
            String deviceType,
            List<PortDescriptor> inputs,
            List<PortDescriptor> outputs,
            long defaultTimeoutMs) {
        return new FunctionDescriptor(id, id, deviceType, inputs, outputs, null, defaultTimeoutMs);
    }

    @Override
    public FunctionDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public CompletionStage<Map<String, Object>> invoke(Invocation invocation) {
        calls.incrementAndGet();
        return body.apply(invocation);
    }
}
