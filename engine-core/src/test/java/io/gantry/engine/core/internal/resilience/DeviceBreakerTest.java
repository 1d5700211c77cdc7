package io.gantry.engine.core.internal.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class DeviceBreakerTest {
    private final List<String> changes = new CopyOnWriteArrayList<>();

    private DeviceBreaker breaker(BreakerSettings settings) {
        return new DeviceBreaker("axis-1", settings, Clock.systemUTC(), (id, state, reason) -> changes.add(state));
    }

    @Test
    void opensAfterConsecutiveFailuresAndFailsFastNamingTheLastError() {
        DeviceBreaker breaker = breaker(new BreakerSettings(true, 3, 0, 20, 60_000, 1, false));
        breaker.failed("jammed");
        breaker.succeeded(); // a success resets the run of failures
        breaker.failed("jammed");
        breaker.failed("jammed");
        assertThat(breaker.state()).isEqualTo("CLOSED");

        breaker.failed("overheated");

        assertThat(breaker.state()).isEqualTo("OPEN");
        assertThat(changes).containsExactly("OPEN");
        assertThatThrownBy(() -> breaker.admit("node 'move'"))
                .isInstanceOf(BreakerOpenException.class)
                .hasMessageContaining("node 'move': device 'axis-1': circuit breaker open since")
                .hasMessageContaining("last error: overheated")
                .matches(e -> !((BreakerOpenException) e).isRetryable(), "not retryable");
    }

    @Test
    void halfOpensAfterTheDelayAndClosesOnASuccessfulTrial() {
        DeviceBreaker breaker = breaker(new BreakerSettings(true, 1, 0, 20, 1, 1, false));
        breaker.failed("jammed");
        awaitDelayOf1Ms();

        breaker.halfOpenIfDue();
        breaker.admit("trial");
        breaker.succeeded();

        assertThat(changes).containsExactly("OPEN", "HALF_OPEN", "CLOSED");
    }

    @Test
    void aFailedTrialOpensAgain() {
        DeviceBreaker breaker = breaker(new BreakerSettings(true, 1, 0, 20, 1, 1, false));
        breaker.failed("jammed");
        awaitDelayOf1Ms();
        breaker.admit("trial"); // the first caller after the delay half-opens it

        breaker.failed("still jammed");

        assertThat(changes).containsExactly("OPEN", "HALF_OPEN", "OPEN");
    }

    @Test
    void opensOnAFailureRateOverTheWindow() {
        DeviceBreaker breaker = breaker(new BreakerSettings(true, 1, 50, 4, 60_000, 1, false));
        breaker.failed("a");
        breaker.succeeded();
        breaker.succeeded();
        assertThat(breaker.state()).isEqualTo("CLOSED");

        breaker.failed("b");

        assertThat(breaker.state()).isEqualTo("OPEN");
    }

    private static void awaitDelayOf1Ms() {
        long until = System.nanoTime() + 5_000_000;
        while (System.nanoTime() < until) {
            Thread.onSpinWait(); // a 1 ms breaker delay: spin past it rather than sleep
        }
    }
}
