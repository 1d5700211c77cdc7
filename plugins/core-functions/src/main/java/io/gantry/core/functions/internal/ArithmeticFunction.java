package io.gantry.core.functions.internal;

import io.gantry.engine.api.function.PortType;
import java.math.BigInteger;
import java.util.Map;
import java.util.function.DoubleBinaryOperator;
import java.util.function.LongBinaryOperator;

/**
 * Arithmetic that keeps whole numbers whole: two integers give a {@link Long} (so {@code 2 + 3} is
 * {@code 5}, not {@code 5.0}, in pipeline JSON) unless it overflows; anything else gives a
 * {@link Double}.
 */
abstract class ArithmeticFunction extends BinaryNumberFunction {
    private final LongBinaryOperator exact;
    private final DoubleBinaryOperator floating;

    /**
     * @param id       the function id
     * @param name     its human-readable name
     * @param exact    the operation on longs; throws {@link ArithmeticException} on overflow
     * @param floating the operation on doubles
     */
    ArithmeticFunction(String id, String name, LongBinaryOperator exact, DoubleBinaryOperator floating) {
        super(id, name, PortType.NUMBER, OPERANDS_SCHEMA);
        this.exact = exact;
        this.floating = floating;
    }

    @Override
    final Object apply(Number a, Number b, Map<String, Object> params) {
        if (isWhole(a) && isWhole(b)) {
            try {
                return exact.applyAsLong(a.longValue(), b.longValue());
            } catch (ArithmeticException overflow) {
                // fall through to floating point, which cannot overflow into nonsense
            }
        }
        return floating.applyAsDouble(a.doubleValue(), b.doubleValue());
    }

    private static boolean isWhole(Number n) {
        return n instanceof Long
                || n instanceof Integer
                || n instanceof Short
                || n instanceof Byte
                || (n instanceof BigInteger big && big.bitLength() < Long.SIZE);
    }
}
