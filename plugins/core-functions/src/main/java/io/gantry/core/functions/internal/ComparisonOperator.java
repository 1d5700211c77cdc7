package io.gantry.core.functions.internal;

import java.util.Arrays;
import java.util.function.BiPredicate;

/** The operators of {@code core.compare}, by the symbol pipelines write in the {@code op} param. */
enum ComparisonOperator {
    LESS("<", (a, b) -> a < b),
    LESS_OR_EQUAL("<=", (a, b) -> a <= b),
    // Exact equality, as in JSON: a pipeline that needs a tolerance uses core.threshold instead.
    EQUAL("==", (a, b) -> a.doubleValue() == b.doubleValue()),
    NOT_EQUAL("!=", (a, b) -> a.doubleValue() != b.doubleValue()),
    GREATER_OR_EQUAL(">=", (a, b) -> a >= b),
    GREATER(">", (a, b) -> a > b);

    private final String symbol;
    private final BiPredicate<Double, Double> test;

    ComparisonOperator(String symbol, BiPredicate<Double, Double> test) {
        this.symbol = symbol;
        this.test = test;
    }

    /**
     * @param symbol one of {@code < <= == != >= >}
     * @return its operator
     * @throws IllegalArgumentException for any other value
     */
    static ComparisonOperator of(Object symbol) {
        return Arrays.stream(values())
                .filter(op -> op.symbol.equals(symbol))
                .findFirst()
                .orElseThrow(
                        () -> new IllegalArgumentException("param 'op' must be one of < <= == != >= >, was " + symbol));
    }

    boolean test(double a, double b) {
        return test.test(a, b);
    }
}
