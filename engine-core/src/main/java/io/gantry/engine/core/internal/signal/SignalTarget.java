package io.gantry.engine.core.internal.signal;

import io.gantry.engine.api.function.Invocation;
import io.gantry.engine.core.internal.plan.SignalFunctions;

/**
 * The device and signal a signal function's node names in its params (validated at save).
 *
 * @param device the device's id
 * @param signal the signal's name
 */
record SignalTarget(String device, String signal) {
    static SignalTarget of(Invocation invocation) {
        return new SignalTarget(
                String.valueOf(invocation.params().get(SignalFunctions.DEVICE_PARAM)),
                String.valueOf(invocation.params().get(SignalFunctions.SIGNAL_PARAM)));
    }

    @Override
    public String toString() {
        return "signal '" + signal + "' of device '" + device + "'";
    }
}
