package io.gantry.modbus.tcp.internal;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The names of the enums in configs and params: the constant's name in lower case. */
final class Ids {
    private Ids() {}

    /**
     * @param constant an enum constant
     * @return its name in configs and params
     */
    static String of(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT);
    }

    /**
     * @param type the enum
     * @param id   a name as {@link #of} gives it
     * @param what what the enum is, for the message: {@code a table}
     * @return the constant
     * @throws IllegalArgumentException naming the choices when there is none of that name
     */
    static <E extends Enum<E>> E parse(Class<E> type, String id, String what) {
        E[] constants = type.getEnumConstants();
        return Arrays.stream(constants)
                .filter(constant -> of(constant).equals(id))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("'" + id + "' is not " + what + " ("
                        + Arrays.stream(constants).map(Ids::of).collect(Collectors.joining(", ")) + ")"));
    }
}
