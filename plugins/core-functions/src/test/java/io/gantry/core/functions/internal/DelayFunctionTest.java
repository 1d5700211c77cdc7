package io.gantry.core.functions.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gantry.engine.api.error.ExecutionCancelledException;
import io.gantry.engine.api.error.InvalidConfigException;
import io.gantry.engine.api.error.PluginUnavailableException;
import io.gantry.plugin.testkit.TestInvocation;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DelayFunctionTest {
    private static final Duration WAIT = Duration.ofSeconds(5);

    private final DelayFunction delay = new DelayFunction();

    @AfterEach
    void deactivate() {
        delay.deactivate();
    }

    @Test
    void passesTheValueOnAfterTheDelay() {
        long start = System.nanoTime();

        CompletionStage<Map<String, Object>> result = delay.invoke(
                TestInvocation.pure().node("node-3").inputs(Map.of("value", 42)).params(Map.of("ms", 300)));

        assertThat(result).succeedsWithin(WAIT).isEqualTo(Map.of("value", 42));
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isBetween(270L, 2300L);
    }

    @Test
    void passesNullOnWhenNoValueIsFed() {
        assertThat(delay.invoke(
                        TestInvocation.pure().node("node-3").inputs(Map.of()).params(Map.of("ms", 0))))
                .succeedsWithin(WAIT)
                .satisfies(outputs -> assertThat(outputs).containsEntry("value", null));
    }

    @Test
    void cancelEndsTheWaitAndLeavesNoTimerBehind() {
        TestInvocation invocation =
                TestInvocation.pure().node("node-3").inputs(Map.of("value", 1)).params(Map.of("ms", 60_000));
        CompletionStage<Map<String, Object>> result = delay.invoke(invocation);
        assertThat(delay.waitingCount()).isEqualTo(1);

        invocation.cancel();

        assertThat(result)
                .failsWithin(WAIT)
                .withThrowableOfType(ExecutionException.class)
                .havingCause()
                .isInstanceOf(ExecutionCancelledException.class)
                .withMessageContaining("node-3");
        assertThat(delay.waitingCount()).isZero();
    }

    @Test
    void deactivationFailsWaitingDelays() {
        CompletionStage<Map<String, Object>> result = delay.invoke(
                TestInvocation.pure().node("node-3").inputs(Map.of()).params(Map.of("ms", 60_000)));

        delay.deactivate();

        assertThat(result)
                .failsWithin(WAIT)
                .withThrowableOfType(ExecutionException.class)
                .withCauseInstanceOf(PluginUnavailableException.class);
        assertThat(delay.invoke(
                        TestInvocation.pure().node("node-3").inputs(Map.of()).params(Map.of("ms", 1))))
                .failsWithin(WAIT);
    }

    @Test
    void refusesANegativeOrMissingDelay() {
        assertThat(delay.invoke(
                        TestInvocation.pure().node("node-3").inputs(Map.of()).params(Map.of("ms", -1))))
                .failsWithin(WAIT)
                .withThrowableOfType(ExecutionException.class)
                .withCauseInstanceOf(InvalidConfigException.class);
        assertThat(delay.invoke(
                        TestInvocation.pure().node("node-3").inputs(Map.of()).params(Map.of())))
                .failsWithin(WAIT)
                .withThrowableOfType(ExecutionException.class)
                .withCauseInstanceOf(InvalidConfigException.class);
    }

    @Test
    void doesNotCompleteBeforeItsTime() {
        CompletionStage<Map<String, Object>> result = delay.invoke(
                TestInvocation.pure().node("node-3").inputs(Map.of()).params(Map.of("ms", 60_000)));

        assertThatThrownBy(() -> result.toCompletableFuture().get(200, TimeUnit.MILLISECONDS))
                .isInstanceOf(TimeoutException.class);
    }
}
