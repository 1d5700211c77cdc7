package io.gantry.modbus.tcp.internal;

import io.gantry.engine.api.signal.SignalAccess;
import io.gantry.engine.api.signal.SignalDescriptor;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One signal of a {@code modbus-tcp} device, as its config's {@code signals} entry says.
 *
 * @param name     unique in the device
 * @param table    where it lives
 * @param address  its (first) address, 0-based
 * @param codec    its type, word order and scaling
 * @param pollMs   how often the controller reads it; 0 for never
 * @param access   what may be done with it
 * @param unit     its engineering unit, or null
 * @param deadband the smallest change announced
 */
record SignalConfig(
        String name,
        Table table,
        int address,
        Codec codec,
        long pollMs,
        SignalAccess access,
        String unit,
        double deadband) {

    private static final Set<String> KEYS = Set.of(
            "name", "table", "address", "type", "wordOrder", "scale", "offset", "pollMs", "access", "unit", "deadband");
    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]{0,63}");

    /** @return how many bits or registers it takes */
    int width() {
        return codec.type().width();
    }

    /** @return it as the controller sees it */
    SignalDescriptor descriptor() {
        return new SignalDescriptor(name, codec.portType(), unit, access, access.readable() ? pollMs : 0, deadband);
    }

    /** @return how messages name it: {@code signal 'speed' (holding register 40)} */
    String describe() {
        return "signal '" + name + "' (" + table.describe(address) + ")";
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
        Table table = parse(signal, "table", Table::fromId);
        int address = (int) signal.integer("address", 0, Layout.MAX_ADDRESS);
        DataType type = parse(signal, "type", DataType::fromId);
        WordOrder order = signal.has("wordOrder") ? parse(signal, "wordOrder", WordOrder::fromId) : WordOrder.BIG;
        Layout.check(table, address, 1, type, signal.has("wordOrder")).ifPresent(problem -> {
            throw signal.invalid(problem.field(), problem.message());
        });
        double scale = signal.number("scale", 1);
        double offset = signal.number("offset", 0);
        if (type == DataType.BOOL && (signal.has("scale") || signal.has("offset"))) {
            throw signal.invalid(signal.has("scale") ? "scale" : "offset", "a bool is not scaled");
        }
        if (scale == 0) {
            throw signal.invalid("scale", "must not be 0 (every value would read as the offset)");
        }
        long pollMs = signal.integer("pollMs", 1000, 0, SignalDescriptor.MAX_POLL_MS);
        if (pollMs != 0 && pollMs < SignalDescriptor.MIN_POLL_MS) {
            throw signal.invalid(
                    "pollMs", "must be 0 (not polled) or at least " + SignalDescriptor.MIN_POLL_MS + ", was " + pollMs);
        }
        SignalAccess access = signal.has("access")
                ? parse(signal, "access", SignalAccess::fromId)
                : table.writable() ? SignalAccess.READ_WRITE : SignalAccess.READ;
        if (access.writable() && !table.writable()) {
            throw signal.invalid(
                    "access",
                    "'" + access.id() + "' on " + table.describeWithArticle(address) + ", which is read-only");
        }
        double deadband = signal.number("deadband", 0);
        if (deadband < 0) {
            throw signal.invalid("deadband", "must be 0 or more, was " + deadband);
        }
        return new SignalConfig(
                name,
                table,
                address,
                new Codec(type, order, scale, offset),
                pollMs,
                access,
                signal.string("unit", null),
                deadband);
    }

    private static <T> T parse(ConfigReader signal, String key, java.util.function.Function<String, T> parser) {
        String id = signal.string(key);
        try {
            return parser.apply(id);
        } catch (IllegalArgumentException e) {
            // SignalAccess.fromId says only "No enum constant ...": name the choices instead
            throw signal.invalid(
                    key,
                    key.equals("access")
                            ? "'" + id + "' is not an access (read, write or read-write)"
                            : e.getMessage());
        }
    }
}
