package io.gantry.engine.api.function;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The type of a port. Values travel between ports as JSON-like Java values: {@link Boolean},
 * {@link Number}, {@link String}, {@link List}, {@link Map} or {@code null}.
 */
public enum PortType {
    /** Any JSON number. */
    NUMBER,
    /** A JSON number without a fractional part. */
    INTEGER,
    /** {@code true} or {@code false}. */
    BOOLEAN,
    /** A JSON string. */
    STRING,
    /** Any JSON value. */
    JSON;

    /** @return the lower-case name used in the REST API and pipeline JSON */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses a port type name as written in pipeline JSON.
     *
     * @param id a name such as {@code number}
     * @return the type
     * @throws IllegalArgumentException when the name is not a port type
     */
    public static PortType fromId(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }

    /**
     * Whether an output port of this type may feed an input port of {@code target}: equal types,
     * {@code integer} into {@code number}, anything into {@code json}, and {@code json} into
     * anything — a {@code json} output (such as {@code core.constant}'s) is typed only by its value,
     * which the receiving function checks when it arrives.
     *
     * @param target the type of the input port
     * @return true when the edge is type-correct
     */
    public boolean canFeed(PortType target) {
        return this == target || target == JSON || this == JSON || (this == INTEGER && target == NUMBER);
    }

    /**
     * Whether a value (a constant in params, or what a function returned) is of this type.
     *
     * @param value a JSON-like value, possibly null
     * @return true when the value fits
     */
    public boolean accepts(Object value) {
        return switch (this) {
            case JSON -> true;
            case NUMBER -> value instanceof Number;
            case INTEGER -> value instanceof Number n && isWhole(n);
            case BOOLEAN -> value instanceof Boolean;
            case STRING -> value instanceof String;
        };
    }

    private static boolean isWhole(Number n) {
        if (n instanceof Double || n instanceof Float) {
            double d = n.doubleValue();
            return !Double.isInfinite(d) && d == Math.rint(d);
        }
        return true;
    }
}
