package io.gantry.modbus.tcp.internal;

/** How a signal's value sits in its table: a bit, or one or two 16-bit registers. */
enum DataType {
    BOOL(1, 0, 1),
    INT16(1, Short.MIN_VALUE, Short.MAX_VALUE),
    UINT16(1, 0, 0xFFFF),
    INT32(2, Integer.MIN_VALUE, Integer.MAX_VALUE),
    UINT32(2, 0, 0xFFFF_FFFFL),
    FLOAT32(2, 0, 0);

    private final int width;
    private final long min;
    private final long max;

    DataType(int width, long min, long max) {
        this.width = width;
        this.min = min;
        this.max = max;
    }

    /** @return the name in configs and params */
    String id() {
        return Ids.of(this);
    }

    /**
     * @param id a name as {@link #id()} gives it
     * @return the type
     * @throws IllegalArgumentException for any other name
     */
    static DataType fromId(String id) {
        return Ids.parse(DataType.class, id, "a type");
    }

    /** @return how many bits (bool) or registers a value takes */
    int width() {
        return width;
    }

    /** @return whether its values are whole numbers */
    boolean integral() {
        return this != BOOL && this != FLOAT32;
    }

    /** @return the range of its raw values, for messages: {@code -32768 to 32767} */
    String range() {
        return this == FLOAT32 ? "±" + Float.MAX_VALUE : min + " to " + max;
    }

    /**
     * @param words registers
     * @param at    the index of the value's first register
     * @param order the order of a 32-bit value's registers
     * @return the raw value (a float32 exactly as the float)
     */
    double decode(int[] words, int at, WordOrder order) {
        return switch (this) {
            case INT16 -> (short) words[at];
            case UINT16 -> words[at] & 0xFFFF;
            case INT32 -> order.join(words, at);
            case UINT32 -> order.join(words, at) & 0xFFFF_FFFFL;
            case FLOAT32 -> Float.intBitsToFloat(order.join(words, at));
            case BOOL -> throw new IllegalStateException("a bool is not in registers");
        };
    }

    /**
     * @param raw a raw value
     * @return whether it can be stored: whole and within the range for an integer type, finite and within
     *     the float range for float32
     */
    boolean fits(double raw) {
        if (this == FLOAT32) {
            return Double.isFinite(raw) && Math.abs(raw) <= Float.MAX_VALUE;
        }
        return integral() && raw >= min && raw <= max && raw == Math.rint(raw);
    }

    /**
     * @param raw   a raw value that {@link #fits}
     * @param order the order of a 32-bit value's registers
     * @return its registers
     */
    int[] encode(double raw, WordOrder order) {
        if (!fits(raw)) {
            throw new IllegalArgumentException(raw + " is outside the " + id() + " range (" + range() + ")");
        }
        if (this == FLOAT32) {
            return order.split(Float.floatToIntBits((float) raw));
        }
        long whole = (long) raw;
        return width == 1 ? new int[] {(int) (whole & 0xFFFF)} : order.split((int) whole);
    }
}
