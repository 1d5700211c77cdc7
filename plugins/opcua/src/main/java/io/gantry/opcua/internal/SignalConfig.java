package io.gantry.opcua.internal;

import io.gantry.engine.api.function.PortType;
import io.gantry.engine.api.signal.SignalAccess;
import io.gantry.engine.api.signal.SignalDescriptor;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;

/**
 * One signal of an {@code opcua} device: one variable of the server, watched by one monitored item.
 *
 * @param name               unique in the device
 * @param nodeId             the variable
 * @param type               the type its values are converted to; null when the config names none, and
 *                           the value keeps the type of the node's DataType
 * @param access             read, or read-write
 * @param samplingIntervalMs how often the server samples it, in ms; 0 for as fast as it can
 * @param deadband           the smallest (absolute) change the server reports; 0 reports every change
 * @param unit               its engineering unit, or null
 */
record SignalConfig(
        String name,
        NodeId nodeId,
        PortType type,
        SignalAccess access,
        double samplingIntervalMs,
        double deadband,
        String unit) {

    /** The signal-name rule of the controller ({@link SignalDescriptor}). */
    static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]{0,63}");
    /** The types a config may name. */
    static final List<String> TYPES = List.of("number", "integer", "boolean", "string", "json");

    private static final Set<String> KEYS =
            Set.of("name", "nodeId", "type", "access", "samplingIntervalMs", "deadband", "unit");

    /**
     * @return it as the controller sees it: pushed (poll 0); of type {@code json} when the config names no
     *     type, since the node's DataType is known only once connected
     */
    SignalDescriptor descriptor() {
        return new SignalDescriptor(name, type == null ? PortType.JSON : type, unit, access, 0, deadband);
    }

    /** @return how messages name it: {@code signal 'speed' (ns=1;s=Speed)} */
    String describe() {
        return "signal '" + name + "' (" + nodeId.toParseableString() + ")";
    }

    /**
     * @param signal one entry of the config's {@code signals}
     * @return the signal
     * @throws io.gantry.engine.api.error.InvalidConfigException naming the field at fault
     */
    static SignalConfig from(ConfigReader signal) {
        signal.onlyKeys(KEYS);
        String name = signal.string("name");
        if (!NAME.matcher(name).matches()) {
            throw signal.invalid(
                    "name", "'" + name + "' must be a letter, then letters, digits, '_', '-' or '.' (at most 64)");
        }
        NodeId nodeId = NodeIds.parse(signal, "nodeId");
        PortType type = signal.has("type") ? PortType.fromId(signal.choice("type", TYPES, null)) : null;
        // "readwrite" is taken as well as the controller's "read-write"
        String access = signal.choice("access", List.of("read", "read-write", "readwrite"), "read");
        long sampling = signal.integer("samplingIntervalMs", 250, 0, 3_600_000);
        double deadband = signal.number("deadband", 0);
        if (deadband < 0) {
            throw signal.invalid("deadband", "must be 0 or more, was " + deadband);
        }
        if (deadband > 0 && (type == PortType.BOOLEAN || type == PortType.STRING)) {
            throw signal.invalid("deadband", "applies only to numbers, not to a " + type.id() + " signal");
        }
        return new SignalConfig(
                name,
                nodeId,
                type,
                access.equals("read") ? SignalAccess.READ : SignalAccess.READ_WRITE,
                sampling,
                deadband,
                signal.string("unit", null));
    }
}
