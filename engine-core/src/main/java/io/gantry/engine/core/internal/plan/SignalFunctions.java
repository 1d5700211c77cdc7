package io.gantry.engine.core.internal.plan;

import io.gantry.engine.api.function.FunctionDescriptor;
import io.gantry.engine.api.function.PortDescriptor;
import io.gantry.engine.api.function.PortType;
import java.util.List;
import java.util.Set;

/**
 * The built-in functions on any device's signals. They name the device in their params, not as the
 * node's {@code device}: they take no turn on it themselves — a read and a wait use the value the
 * controller keeps (a wait holding the device would keep its polls from ever seeing the change), and
 * a write takes the device's turn inside the controller like a poll.
 */
public final class SignalFunctions {
    /** Reads a signal's last value. */
    public static final String READ = "core.read_signal";
    /** Writes a writable signal. */
    public static final String WRITE = "core.write_signal";
    /** Waits until a signal meets a condition, within a timeout. */
    public static final String WAIT = "core.wait_signal";
    /** The param naming the device. */
    public static final String DEVICE_PARAM = "device";
    /** The param naming the signal. */
    public static final String SIGNAL_PARAM = "signal";
    /** The longest wait, as the longest node timeout. */
    public static final long MAX_WAIT_MS = 3_600_000L;
    /** The ids of these functions. */
    public static final Set<String> IDS = Set.of(READ, WRITE, WAIT);

    private static final String TARGET = "\"device\":{\"type\":\"string\",\"minLength\":1,"
            + "\"description\":\"the device whose signal it is\"},"
            + "\"signal\":{\"type\":\"string\",\"minLength\":1,\"description\":\"the signal's name\"}";

    /** {@code core.read_signal}: outputs the value and quality the controller has now. */
    public static final FunctionDescriptor READ_DESCRIPTOR = new FunctionDescriptor(
            READ,
            "Read a device's signal",
            null,
            List.of(),
            List.of(
                    PortDescriptor.required("value", PortType.JSON),
                    PortDescriptor.required("quality", PortType.STRING)),
            "{\"type\":\"object\",\"properties\":{" + TARGET
                    + ",\"requireGood\":{\"type\":\"boolean\",\"description\":\"fail (retryably) unless the"
                    + " value is GOOD; default true\"}},\"required\":[\"device\",\"signal\"],"
                    + "\"additionalProperties\":false}",
            0);

    /** {@code core.write_signal}: writes its input {@code value}. */
    public static final FunctionDescriptor WRITE_DESCRIPTOR = new FunctionDescriptor(
            WRITE,
            "Write a device's signal",
            null,
            List.of(PortDescriptor.required("value", PortType.JSON)),
            List.of(PortDescriptor.required("value", PortType.JSON)),
            "{\"type\":\"object\",\"properties\":{" + TARGET + ",\"value\":{\"description\":\"the value, unless an"
                    + " edge brings it\"}},\"required\":[\"device\",\"signal\"],\"additionalProperties\":false}",
            0);

    /** {@code core.wait_signal}: completes once the signal is GOOD and meets {@code op value}. */
    public static final FunctionDescriptor WAIT_DESCRIPTOR = new FunctionDescriptor(
            WAIT,
            "Wait for a device's signal",
            null,
            List.of(PortDescriptor.required("value", PortType.JSON)),
            List.of(
                    PortDescriptor.required("value", PortType.JSON),
                    PortDescriptor.required("waitedMs", PortType.INTEGER)),
            "{\"type\":\"object\",\"properties\":{" + TARGET
                    + ",\"op\":{\"enum\":[\"==\",\"!=\",\"<\",\"<=\",\">\",\">=\"],\"description\":\"how the"
                    + " signal compares with value; default ==\"},"
                    + "\"value\":{\"description\":\"what it is compared with, unless an edge brings it\"},"
                    + "\"timeoutMs\":{\"type\":\"integer\",\"minimum\":1,\"maximum\":" + MAX_WAIT_MS
                    + ",\"description\":\"fail with wait-timeout after this long\"}},"
                    + "\"required\":[\"device\",\"signal\",\"timeoutMs\"],\"additionalProperties\":false}",
            MAX_WAIT_MS + 60_000);

    private SignalFunctions() {}
}
