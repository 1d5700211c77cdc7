package io.gantry.engine.core.internal.signal;

import io.gantry.engine.api.function.FunctionDescriptor;
import io.gantry.engine.api.function.Invocation;
import io.gantry.engine.api.function.PipelineFunction;
import io.gantry.engine.core.internal.plan.SignalFunctions;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The built-in {@code core.write_signal}: writes its {@code value} in the device's turn, as an
 * operator's write over REST does; a cancel of the node does not take back a value already sent.
 */
public final class WriteSignalFunction implements PipelineFunction {
    private final DeviceSignals signals;

    /** @param signals the devices' signals */
    public WriteSignalFunction(DeviceSignals signals) {
        this.signals = signals;
    }

    @Override
    public FunctionDescriptor descriptor() {
        return SignalFunctions.WRITE_DESCRIPTOR;
    }

    @Override
    public CompletionStage<Map<String, Object>> invoke(Invocation invocation) {
        try {
            SignalTarget target = SignalTarget.of(invocation);
            Object value = invocation.inputs().get("value");
            return signals.write(target.device(), target.signal(), value).thenApply(done -> {
                Map<String, Object> outputs = new HashMap<>();
                outputs.put("value", value);
                return outputs;
            });
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }
}
