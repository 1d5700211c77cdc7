package io.gantry.core.functions.internal;

import io.gantry.engine.api.error.InvalidConfigException;
import io.gantry.engine.api.function.FunctionDescriptor;
import io.gantry.engine.api.function.Invocation;
import io.gantry.engine.api.function.PipelineFunction;
import io.gantry.engine.api.function.PortDescriptor;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * What every core function shares: a fixed pure-function descriptor, and turning a bad input into a
 * failed stage that names the node instead of an exception thrown at the engine.
 */
abstract class CoreFunction implements PipelineFunction {
    private final FunctionDescriptor descriptor;

    /**
     * @param id           the function id
     * @param name         its human-readable name
     * @param inputs       its input ports
     * @param outputs      its output ports
     * @param paramsSchema the params schema, which also lists the input ports' constants
     */
    CoreFunction(
            String id, String name, List<PortDescriptor> inputs, List<PortDescriptor> outputs, String paramsSchema) {
        // deviceType null: a pure function. Timeout 0: the controller's default.
        this.descriptor = new FunctionDescriptor(id, name, null, inputs, outputs, paramsSchema, 0);
    }

    @Override
    public final FunctionDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public final CompletionStage<Map<String, Object>> invoke(Invocation invocation) {
        try {
            return call(invocation);
        } catch (IllegalArgumentException e) {
            return CompletableFuture.failedStage(new InvalidConfigException(
                    "node '" + invocation.nodeId() + "' (" + descriptor.id() + "): " + e.getMessage(), e));
        }
    }

    /**
     * Runs the function; must not block.
     *
     * @param invocation the call
     * @return one value per output port
     * @throws IllegalArgumentException when an input or param is missing or of the wrong type
     */
    abstract CompletionStage<Map<String, Object>> call(Invocation invocation);

    /**
     * @param port  the output port
     * @param value its value; JSON null is allowed, unlike in {@link Map#of}
     * @return a completed stage with that single output
     */
    static CompletionStage<Map<String, Object>> output(String port, Object value) {
        return CompletableFuture.completedStage(Collections.singletonMap(port, value));
    }

    /**
     * @param params  the node's params
     * @param name    a param's name
     * @return its numeric value, or null when it is absent
     * @throws IllegalArgumentException when it is present but not a number
     */
    static Number optionalNumber(Map<String, Object> params, String name) {
        Object value = params.get(name);
        if (value == null || value instanceof Number) {
            return (Number) value;
        }
        throw new IllegalArgumentException("param '" + name + "' is not a number: " + value);
    }
}
