package io.gantry.engine.api.function;

import io.gantry.engine.api.device.Device;
import java.time.Instant;
import java.util.Map;
import org.osgi.annotation.versioning.ProviderType;

/**
 * One call of a function by a pipeline node: its inputs and params, the device it acts on, and the
 * run's cancellation signal and deadline.
 */
@ProviderType
public interface Invocation {
    /** @return the id of the execution this call belongs to */
    String executionId();

    /** @return the id of the node being executed */
    String nodeId();

    /** @return 1 for the first attempt, 2 for the first retry, and so on */
    int attempt();

    /**
     * @return the values of the input ports, from edges or from constants in params; ports that are
     *     not fed are absent
     */
    Map<String, Object> inputs();

    /** @return the node's params, validated against the function's params schema */
    Map<String, Object> params();

    /**
     * The device the node acts on, as created by the driver of the function's device type.
     *
     * @param <D>  the driver's own device class
     * @param type the driver's own device class
     * @return the device, connected when the call starts
     * @throws IllegalStateException when the function is pure or the device is of another class
     */
    <D extends Device> D device(Class<D> type);

    /** @return the instant by which the call must complete; after it the controller abandons it */
    Instant deadline();

    /** @return true once the run is cancelled or the call timed out; long work should check it */
    boolean isCancelled();

    /**
     * Registers an action to run once when the call is cancelled or times out (stop a motion, close
     * a socket). Runs at once when the call is already cancelled.
     *
     * @param action what to do; must not block
     */
    void onCancel(Runnable action);

    /**
     * Reads a numeric input.
     *
     * @param port the input port's name
     * @return its value as a double
     * @throws IllegalArgumentException when the port has no numeric value
     */
    default double number(String port) {
        Object value = inputs().get(port);
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        throw new IllegalArgumentException("input '" + port + "' is not a number: " + value);
    }
}
