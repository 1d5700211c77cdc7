package io.gantry.engine.core.internal.signal;

import io.gantry.engine.api.function.FunctionDescriptor;
import io.gantry.engine.api.function.Invocation;
import io.gantry.engine.api.function.PipelineFunction;
import io.gantry.engine.api.service.SignalInfo;
import io.gantry.engine.api.signal.SignalQuality;
import io.gantry.engine.core.internal.plan.SignalFunctions;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** The built-in {@code core.read_signal}: the value the controller keeps, without a turn on the device. */
public final class ReadSignalFunction implements PipelineFunction {
    private final DeviceSignals signals;

    /** @param signals the devices' signals */
    public ReadSignalFunction(DeviceSignals signals) {
        this.signals = signals;
    }

    @Override
    public FunctionDescriptor descriptor() {
        return SignalFunctions.READ_DESCRIPTOR;
    }

    @Override
    public CompletionStage<Map<String, Object>> invoke(Invocation invocation) {
        try {
            SignalTarget target = SignalTarget.of(invocation);
            SignalInfo info = signals.signal(target.device(), target.signal());
            boolean requireGood = !Boolean.FALSE.equals(invocation.params().get("requireGood"));
            if (requireGood && info.quality() != SignalQuality.GOOD) {
                throw new SignalNotGoodException(
                        target + " is " + info.quality() + (info.error() == null ? "" : ": " + info.error()));
            }
            Map<String, Object> outputs = new HashMap<>();
            outputs.put("value", info.value());
            outputs.put("quality", info.quality().name());
            return CompletableFuture.completedFuture(outputs);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }
}
