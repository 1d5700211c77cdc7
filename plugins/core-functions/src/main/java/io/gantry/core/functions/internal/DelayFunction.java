package io.gantry.core.functions.internal;

import io.gantry.engine.api.error.ExecutionCancelledException;
import io.gantry.engine.api.function.Invocation;
import io.gantry.engine.api.function.PipelineFunction;
import io.gantry.engine.api.function.PortDescriptor;
import io.gantry.engine.api.function.PortType;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/**
 * {@code core.delay}: passes {@code value} on after {@code ms} milliseconds, without pinning a
 * thread, and stops waiting as soon as the call is cancelled. The component owns the timer thread
 * and stops it on deactivation, so no thread outlives the bundle.
 */
@Component(service = PipelineFunction.class)
public final class DelayFunction extends CoreFunction {
    private static final String PARAMS_SCHEMA = ParamsSchema.of("""
                "ms": {"type": "integer", "minimum": 0, "description": "How long to wait, in milliseconds"},
                "value": {"description": "The value to pass on, when no edge feeds it"}
                """, "ms");

    private final DelayTimer timer = new DelayTimer("gantry-core-delay-timer");

    /** Describes the function and starts its timer thread. */
    @Activate
    public DelayFunction() {
        super(
                "core.delay",
                "Delay",
                List.of(PortDescriptor.optional("value", PortType.JSON)),
                List.of(PortDescriptor.output("value", PortType.JSON)),
                PARAMS_SCHEMA);
    }

    /** Stops the timer thread, failing the delays still waiting. */
    @Deactivate
    public void deactivate() {
        timer.shutdown();
    }

    @Override
    CompletionStage<Map<String, Object>> call(Invocation invocation) {
        Number ms = optionalNumber(invocation.params(), "ms");
        if (ms == null || ms.longValue() < 0) {
            throw new IllegalArgumentException("param 'ms' must be a whole number of milliseconds >= 0, was " + ms);
        }
        CompletableFuture<Object> waiting =
                timer.after(ms.longValue(), invocation.inputs().get("value"));
        invocation.onCancel(() -> waiting.completeExceptionally(new ExecutionCancelledException(
                "node '" + invocation.nodeId() + "': core.delay of " + ms + " ms cancelled")));
        return waiting.thenApply(value -> Collections.singletonMap("value", value));
    }

    /** @return how many delays are waiting now; for tests that check cancels leave nothing behind */
    int waitingCount() {
        return timer.waitingCount();
    }
}
