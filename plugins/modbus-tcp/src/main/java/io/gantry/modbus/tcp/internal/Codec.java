package io.gantry.modbus.tcp.internal;

import io.gantry.engine.api.function.PortType;

/**
 * Turns a value into its bits or registers and back: the type, the word order of a 32-bit type, and the
 * scaling of a signal ({@code value = raw * scale + offset}; a write inverts it).
 *
 * @param type   how the raw value is stored
 * @param order  which register of a 32-bit value comes first
 * @param scale  multiplies the raw value; not 0
 * @param offset is added after scaling
 */
record Codec(DataType type, WordOrder order, double scale, double offset) {
    /**
     * @param type  how the value is stored
     * @param order which register of a 32-bit value comes first
     * @return a codec without scaling, as the functions use
     */
    static Codec raw(DataType type, WordOrder order) {
        return new Codec(type, order, 1, 0);
    }

    /** @return the port type of the values: BOOLEAN, INTEGER for a whole-number scaling of an int, else NUMBER */
    PortType portType() {
        if (type == DataType.BOOL) {
            return PortType.BOOLEAN;
        }
        return type.integral() && whole(scale) && whole(offset) ? PortType.INTEGER : PortType.NUMBER;
    }

    /**
     * @param words registers
     * @param at    the index of the value's first register
     * @return the value: a {@link Long} for an INTEGER port type, else a {@link Double}
     */
    Object decode(int[] words, int at) {
        double value = type.decode(words, at, order) * scale + offset;
        return portType() == PortType.INTEGER ? (Object) (long) value : (Object) value;
    }

    /**
     * @param value a number
     * @return its registers
     * @throws IllegalArgumentException when it is not a number, not whole for an unscaled integer type,
     *     or does not fit the type once unscaled
     */
    int[] encode(Object value) {
        if (!(value instanceof Number number)) {
            throw new IllegalArgumentException("expects a number, was " + describe(value));
        }
        double raw = (number.doubleValue() - offset) / scale;
        if (type.integral()) {
            if (scale == 1 && offset == 0 && raw != Math.rint(raw)) {
                throw new IllegalArgumentException(number + " is not a whole number, as " + type.id() + " needs");
            }
            // a scaled value lands on the nearest raw step: 12.34 with scale 0.1 is written as 123
            raw = Double.isFinite(raw) ? Math.rint(raw) : raw;
        }
        if (!type.fits(raw)) {
            throw new IllegalArgumentException(number + " does not fit " + type.id() + " (" + type.range() + ")"
                    + (scale == 1 && offset == 0
                            ? ""
                            : ": its raw value with scale " + scale + " and offset " + offset + " is " + raw));
        }
        return type.encode(raw, order);
    }

    /**
     * @param value true or false (or the numbers 1 and 0)
     * @return the bit
     * @throws IllegalArgumentException for anything else
     */
    static boolean encodeBit(Object value) {
        if (value instanceof Boolean bit) {
            return bit;
        }
        if (value instanceof Number number && (number.doubleValue() == 0 || number.doubleValue() == 1)) {
            return number.doubleValue() == 1;
        }
        throw new IllegalArgumentException("expects true or false, was " + describe(value));
    }

    private static String describe(Object value) {
        return value instanceof String ? "\"" + value + "\"" : String.valueOf(value);
    }

    private static boolean whole(double number) {
        return number == Math.rint(number) && Math.abs(number) < 1e15;
    }
}
