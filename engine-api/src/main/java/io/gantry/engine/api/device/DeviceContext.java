package io.gantry.engine.api.device;

import io.gantry.engine.api.signal.SignalSample;
import java.util.Map;
import org.osgi.annotation.versioning.ProviderType;

/**
 * What the controller gives a {@link Device} when it is created: its identity, its validated config
 * and a way to report what happens to it on its own (a fault, a dropped link).
 */
@ProviderType
public interface DeviceContext {
    /** @return the id of the device instance, unique in the controller */
    String deviceId();

    /** @return the instance's config, already validated against the type's schema; JSON-like values */
    Map<String, Object> config();

    /**
     * Reports a fault the device detected by itself (an alarm, a lost encoder). The controller moves
     * the device to {@link DeviceStatus#FAULT} and announces it.
     *
     * @param reason what the operator should read
     */
    void reportFault(String reason);

    /**
     * Reports that the link to the device dropped without a disconnect request.
     *
     * @param reason what the operator should read
     */
    void reportDisconnected(String reason);

    /**
     * Reports a new reading of one of the instance's signals, pushed by the device (a subscription,
     * an unsolicited message) rather than polled. May be called from any thread, at any time; the
     * controller keeps it as the signal's value and announces it when it changed. A reading from an
     * instance that has been replaced, or for a signal it does not have, is ignored.
     *
     * @param signal the signal's name, one of {@link io.gantry.engine.api.signal.SignalSource#signals()}
     * @param sample its new reading
     */
    default void publishSignal(String signal, SignalSample sample) {}
}
