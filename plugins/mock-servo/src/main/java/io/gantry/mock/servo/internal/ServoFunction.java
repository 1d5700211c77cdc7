package io.gantry.mock.servo.internal;

import io.gantry.engine.api.error.GantryException;
import io.gantry.engine.api.error.InvalidConfigException;
import io.gantry.engine.api.function.FunctionDescriptor;
import io.gantry.engine.api.function.Invocation;
import io.gantry.engine.api.function.PipelineFunction;
import io.gantry.engine.api.function.PortDescriptor;
import io.gantry.engine.api.function.PortType;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * What the three servo functions share: find the node's servo, start one command, stop that command
 * when the call is cancelled or times out, and turn its result into output values.
 *
 * @param <T> what the servo command completes with
 */
abstract class ServoFunction<T> implements PipelineFunction {
    /** The {@code position:number} port, an output of every servo function. */
    static final PortDescriptor POSITION_OUTPUT = PortDescriptor.output("position", PortType.NUMBER);

    private final FunctionDescriptor descriptor;

    /**
     * @param id           the function id
     * @param name         its human-readable name
     * @param inputs       its input ports
     * @param outputs      its output ports
     * @param paramsSchema the params schema: the input ports' constants, nothing else
     */
    ServoFunction(
            String id, String name, List<PortDescriptor> inputs, List<PortDescriptor> outputs, String paramsSchema) {
        // Default timeout 0: the controller's default. A long move needs the node to set its own.
        this.descriptor = new FunctionDescriptor(id, name, MockServoDriver.TYPE_ID, inputs, outputs, paramsSchema, 0);
    }

    @Override
    public final FunctionDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public final CompletionStage<Map<String, Object>> invoke(Invocation invocation) {
        CompletionStage<T> command;
        MockServo servo;
        try {
            servo = invocation.device(MockServo.class);
            command = start(servo, invocation);
        } catch (GantryException e) {
            return CompletableFuture.failedStage(e);
        } catch (IllegalArgumentException | IllegalStateException e) {
            // A missing or mistyped input, or a node wired to a device of another type.
            return CompletableFuture.failedStage(new InvalidConfigException(
                    "node '" + invocation.nodeId() + "' (" + descriptor.id() + "): " + e.getMessage(), e));
        }
        // Registered after the start, so a call that is already cancelled stops its command at once.
        invocation.onCancel(() -> servo.abort(command));
        return command.thenApply(this::outputs);
    }

    /**
     * Starts the servo command. Must not block.
     *
     * @param servo      the node's device
     * @param invocation the call's inputs
     * @return the command, as returned by the servo (the key that stops it)
     * @throws IllegalArgumentException when an input is missing or of the wrong type
     */
    abstract CompletionStage<T> start(MockServo servo, Invocation invocation);

    /**
     * @param result what the command completed with
     * @return one value per output port
     */
    abstract Map<String, Object> outputs(T result);
}
