package io.gantry.opcua.internal;

import io.gantry.engine.api.error.ExecutionCancelledException;
import io.gantry.engine.api.error.GantryException;
import io.gantry.engine.api.error.InvalidConfigException;
import io.gantry.engine.api.function.FunctionDescriptor;
import io.gantry.engine.api.function.Invocation;
import io.gantry.engine.api.function.PipelineFunction;
import io.gantry.engine.api.function.PortDescriptor;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;

/**
 * What the {@code opcua.*} functions share: the node's device (an {@code opcua} device, as the node names it),
 * node ids from inputs (or constants in params), bad inputs as {@link InvalidConfigException} naming the
 * node, and a call that ends when the node is cancelled.
 */
abstract class OpcUaFunction implements PipelineFunction {
    private final FunctionDescriptor descriptor;

    OpcUaFunction(
            String id, String name, List<PortDescriptor> inputs, List<PortDescriptor> outputs, String paramsSchema) {
        this.descriptor = new FunctionDescriptor(id, name, OpcUaDriver.TYPE_ID, inputs, outputs, paramsSchema, 0);
    }

    @Override
    public final FunctionDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public final CompletionStage<Map<String, Object>> invoke(Invocation invocation) {
        CompletableFuture<Map<String, Object>> call;
        try {
            OpcUaDevice device = invocation.device(OpcUaDevice.class);
            call = start(device, invocation).toCompletableFuture();
        } catch (GantryException e) {
            return CompletableFuture.failedFuture(e);
        } catch (IllegalArgumentException | IllegalStateException e) {
            // an input the schema let through, or a node wired to a device of another type
            return CompletableFuture.failedFuture(new InvalidConfigException(
                    "node '" + invocation.nodeId() + "' (" + descriptor.id() + "): " + e.getMessage(), e));
        }
        // The request itself ends within the device's request timeout; the node need not wait for it.
        CompletableFuture<Map<String, Object>> result = new CompletableFuture<>();
        call.whenComplete((outputs, failure) -> {
            if (failure == null) {
                result.complete(outputs);
            } else {
                result.completeExceptionally(Failures.unwrap(failure));
            }
        });
        invocation.onCancel(() -> result.completeExceptionally(new ExecutionCancelledException(
                "node '" + invocation.nodeId() + "' (" + descriptor.id() + ") was cancelled")));
        return result;
    }

    /**
     * Starts the call. Must not block.
     *
     * @param device     the node's device
     * @param invocation the call's inputs and params
     * @return completes with the outputs
     * @throws IllegalArgumentException when an input does not fit
     */
    abstract CompletionStage<Map<String, Object>> start(OpcUaDevice device, Invocation invocation);

    /**
     * @param invocation the call
     * @param port       an input port
     * @return its value: from an edge, else a constant in params; null when neither
     */
    static Object input(Invocation invocation, String port) {
        Object value = invocation.inputs().get(port);
        return value != null ? value : invocation.params().get(port);
    }

    /**
     * @param invocation the call
     * @param port       an input port holding a node id
     * @param required   whether it must be given
     * @return the node id; null when it is optional and not given
     * @throws IllegalArgumentException when it is missing or not a node id
     */
    static NodeId nodeId(Invocation invocation, String port, boolean required) {
        Object value = input(invocation, port);
        if (value == null || (value instanceof String text && text.isBlank())) {
            if (required) {
                throw new IllegalArgumentException("input '" + port + "' is required: " + NodeIds.FORM);
            }
            return null;
        }
        NodeId id = value instanceof String text ? NodeIds.parseOrNull(text) : null;
        if (id == null) {
            throw new IllegalArgumentException(
                    "input '" + port + "': " + Values.describe(value) + " is not " + NodeIds.FORM);
        }
        return id;
    }
}
