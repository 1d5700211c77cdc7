package io.gantry.modbus.tcp.internal;

/** Which register of a 32-bit value comes first. Within a register, bytes are big-endian, as Modbus says. */
enum WordOrder {
    /** The high word at the lower address (Modbus's own convention, the default). */
    BIG,
    /** The low word at the lower address ("word swapped"). */
    LITTLE;

    /** @return the name in configs and params */
    String id() {
        return Ids.of(this);
    }

    /**
     * @param id {@code big} or {@code little}
     * @return the order
     * @throws IllegalArgumentException for any other name
     */
    static WordOrder fromId(String id) {
        return Ids.parse(WordOrder.class, id, "a word order");
    }

    /**
     * @param words registers
     * @param at    the index of the value's first register
     * @return the two registers as one 32-bit pattern
     */
    int join(int[] words, int at) {
        int first = words[at] & 0xFFFF;
        int second = words[at + 1] & 0xFFFF;
        return this == BIG ? first << 16 | second : second << 16 | first;
    }

    /**
     * @param bits a 32-bit pattern
     * @return its two registers in this order
     */
    int[] split(int bits) {
        int high = bits >>> 16;
        int low = bits & 0xFFFF;
        return this == BIG ? new int[] {high, low} : new int[] {low, high};
    }
}
