package io.gantry.core.functions.internal;

import io.gantry.engine.api.function.Invocation;
import io.gantry.engine.api.function.PortDescriptor;
import io.gantry.engine.api.function.PortType;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/** A function of two required numbers {@code a} and {@code b} with one output {@code result}. */
abstract class BinaryNumberFunction extends CoreFunction {
    /** The params schema of a function with no params of its own: only constants for a and b. */
    static final String OPERANDS_SCHEMA = ParamsSchema.of("""
                "a": {"type": "number"}, "b": {"type": "number"}
                """);

    /**
     * @param id           the function id
     * @param name         its human-readable name
     * @param resultType   the type of the {@code result} output
     * @param paramsSchema the params schema; {@link #OPERANDS_SCHEMA} when there are no own params
     */
    BinaryNumberFunction(String id, String name, PortType resultType, String paramsSchema) {
        super(
                id,
                name,
                List.of(PortDescriptor.required("a", PortType.NUMBER), PortDescriptor.required("b", PortType.NUMBER)),
                List.of(PortDescriptor.output("result", resultType)),
                paramsSchema);
    }

    @Override
    final CompletionStage<Map<String, Object>> call(Invocation invocation) {
        return output("result", apply(operand(invocation, "a"), operand(invocation, "b"), invocation.params()));
    }

    /**
     * @param a      the first operand
     * @param b      the second operand
     * @param params the node's params
     * @return the value of {@code result}
     * @throws IllegalArgumentException when a param is unusable
     */
    abstract Object apply(Number a, Number b, Map<String, Object> params);

    private static Number operand(Invocation invocation, String port) {
        if (invocation.inputs().get(port) instanceof Number n) {
            return n;
        }
        throw new IllegalArgumentException(
                "input '" + port + "' is not a number: " + invocation.inputs().get(port));
    }
}
