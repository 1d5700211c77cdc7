package io.gantry.modbus.tcp.internal;

import java.util.Optional;

/**
 * What a signal's config and a function's params must agree on that a JSON Schema cannot say: a bool
 * lives in a bit table and nothing else does, a value of two registers must end by address 65535, and
 * a word order means something only for 32-bit types.
 */
final class Layout {
    /** The last address of every table. */
    static final int MAX_ADDRESS = 0xFFFF;

    private Layout() {}

    /**
     * A problem with one field.
     *
     * @param field   the field's name ({@code type}, {@code address}, {@code wordOrder}, {@code count})
     * @param message what is wrong with it
     */
    record Problem(String field, String message) {}

    /**
     * @param table          the table
     * @param address        the first address
     * @param count          how many values
     * @param type           their type
     * @param wordOrderGiven whether a word order was given explicitly
     * @return the first problem, or empty when they fit together
     */
    static Optional<Problem> check(Table table, int address, int count, DataType type, boolean wordOrderGiven) {
        if (table.bits() && type != DataType.BOOL) {
            return problem("type", table.describeWithArticle(address) + " holds a bool, not " + type.id());
        }
        if (!table.bits() && type == DataType.BOOL) {
            return problem("type", "bool needs a coil or a discrete input, not " + table.describeWithArticle(address));
        }
        if (wordOrderGiven && type.width() != 2) {
            return problem("wordOrder", "applies only to the 32-bit types (int32, uint32, float32), not " + type.id());
        }
        long last = (long) address + (long) count * type.width() - 1;
        if (last > MAX_ADDRESS) {
            return problem(
                    "address",
                    (count == 1 && type.width() == 2
                                    ? type.id() + " takes two registers"
                                    : count + " x " + type.id() + " take " + count * type.width()
                                            + (table.bits() ? " bits" : " registers"))
                            + " from " + address + ": past the last address " + MAX_ADDRESS);
        }
        return Optional.empty();
    }

    private static Optional<Problem> problem(String field, String message) {
        return Optional.of(new Problem(field, message));
    }
}
