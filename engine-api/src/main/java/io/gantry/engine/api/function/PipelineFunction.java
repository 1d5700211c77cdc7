package io.gantry.engine.api.function;

import java.util.Map;
import java.util.concurrent.CompletionStage;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * The service a plugin registers for each function that pipeline nodes can call. The controller
 * discovers it dynamically and stops offering it when the service goes away.
 *
 * <p>The call is asynchronous so that waiting on a device (a motion, a reply over a socket) does not
 * pin a thread: return a stage that the device's own I/O or timer completes. Short pure functions
 * may simply return {@code CompletableFuture.completedFuture(...)}.
 */
@ConsumerType
public interface PipelineFunction {
    /** @return what the function is; must not change while registered */
    FunctionDescriptor descriptor();

    /**
     * Runs the function once.
     *
     * @param invocation inputs, params, device, deadline and cancellation of this call
     * @return completes with one value per output port (JSON-like values), or exceptionally with a
     *     {@link io.gantry.engine.api.error.GantryException} saying what went wrong; device trouble
     *     should be a {@link io.gantry.engine.api.error.DeviceFaultException} so it can be retried
     */
    CompletionStage<Map<String, Object>> invoke(Invocation invocation);
}
