package io.gantry.mock.servo.internal;

import io.gantry.engine.api.error.InvalidConfigException;
import io.gantry.engine.api.function.FunctionDescriptor;
import io.gantry.engine.api.function.Invocation;
import io.gantry.engine.api.function.PipelineFunction;
import io.gantry.engine.api.function.PortDescriptor;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * {@code <kind>.read} (no inputs) and {@code <kind>.set} (input {@code value}): both answer the value
 * now on output {@code value}. Set stands for the field changing the input — a part arriving, or
 * leaving when a gripper takes it — so a test or an operator drives a cell's sensors over REST.
 */
abstract class InputFunction implements PipelineFunction {
    static final String VALUE = "value";

    private final InputKind kind;
    private final boolean set;
    private final FunctionDescriptor descriptor;

    InputFunction(InputKind kind, boolean set) {
        this.kind = kind;
        this.set = set;
        List<PortDescriptor> inputs = set ? List.of(PortDescriptor.required(VALUE, kind.type())) : List.of();
        String name = (set ? "Set " : "Read ") + kind.typeName().toLowerCase(java.util.Locale.ROOT);
        String schema = set
                ? "{\"type\":\"object\",\"properties\":{\"value\":{}},\"additionalProperties\":false}"
                : FunctionDescriptor.NO_PARAMS;
        this.descriptor = new FunctionDescriptor(
                kind.functionId(set ? "set" : "read"),
                name,
                kind.typeId(),
                inputs,
                List.of(PortDescriptor.output(VALUE, kind.type())),
                schema,
                0);
    }

    @Override
    public final FunctionDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public final CompletionStage<Map<String, Object>> invoke(Invocation invocation) {
        try {
            SimulatedInput input = invocation.device(SimulatedInput.class);
            Object value = set ? input.set(checked(invocation)) : input.read();
            return CompletableFuture.completedFuture(Map.of(VALUE, value));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private Object checked(Invocation invocation) {
        Object value = invocation.inputs().get(VALUE);
        if (value == null || !kind.type().accepts(value)) {
            throw new InvalidConfigException("node '" + invocation.nodeId() + "' (" + descriptor.id()
                    + "): input 'value' must be a " + kind.type().id() + ", got " + value);
        }
        return value instanceof Number n && kind == InputKind.ANALOG ? n.doubleValue() : value;
    }
}
