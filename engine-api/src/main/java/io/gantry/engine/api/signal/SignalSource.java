package io.gantry.engine.api.signal;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Implemented by a {@link io.gantry.engine.api.device.Device} that has signals. The controller calls
 * {@link #read} for the polled signals that are due together, and {@link #write} for an operator's
 * or a pipeline's write, only while the device is connected and always in the device's own turn:
 * never at the same time as a command or another read, so no locking is needed. A device whose
 * protocol pushes changes (a subscription) reports them through
 * {@link io.gantry.engine.api.device.DeviceContext#publishSignal} instead, at any time.
 */
@ConsumerType
public interface SignalSource {
    /**
     * @return this instance's signals: the type's and those its config adds; fixed for the
     *     instance's life (a new config creates a new instance)
     */
    List<SignalDescriptor> signals();

    /**
     * Reads signals now, in as few requests as the protocol allows.
     *
     * @param names readable signals of {@link #signals()}, due at the same time
     * @return completes with a reading per name (a name missing from the answer counts as BAD); completes
     *     exceptionally when none could be read — with a
     *     {@link io.gantry.engine.api.error.DeviceTimeoutException} or
     *     {@link io.gantry.engine.api.error.DeviceFaultException} when the device did not answer, which counts
     *     against its circuit breaker
     */
    CompletionStage<Map<String, SignalSample>> read(List<String> names);

    /**
     * Writes a signal.
     *
     * @param name  a writable signal of {@link #signals()}
     * @param value a value its type accepts (checked by the controller)
     * @return completes when the device has taken the value; exceptionally as {@link #read} does, or with
     *     a {@link io.gantry.engine.api.error.DeviceException} naming what the device refused
     */
    CompletionStage<Void> write(String name, Object value);
}
