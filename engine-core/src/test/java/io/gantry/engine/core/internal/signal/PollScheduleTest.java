package io.gantry.engine.core.internal.signal;

import static org.assertj.core.api.Assertions.assertThat;

import io.gantry.engine.api.function.PortType;
import io.gantry.engine.api.signal.SignalAccess;
import io.gantry.engine.api.signal.SignalDescriptor;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PollScheduleTest {
    private static final Instant T0 = Instant.parse("2026-12-03T10:00:00Z");

    private final PollSchedule schedule = new PollSchedule(
            List.of(
                    SignalDescriptor.polled("fast", PortType.NUMBER, 100),
                    SignalDescriptor.polled("fast2", PortType.NUMBER, 100),
                    SignalDescriptor.polled("slow", PortType.NUMBER, 1000),
                    new SignalDescriptor("pushed", PortType.NUMBER, null, SignalAccess.READ, 0, 0),
                    new SignalDescriptor("command", PortType.NUMBER, null, SignalAccess.WRITE, 0, 0)),
            T0);

    @Test
    void theFirstPollReadsEveryReadableSignalOnceThePushedOnesIncluded() {
        assertThat(schedule.dueAt(T0)).containsExactly("fast", "fast2", "slow", "pushed");
    }

    @Test
    void afterwardsEachIsDueAtItsOwnInterval() {
        schedule.polled(schedule.dueAt(T0), T0.plusMillis(2));

        assertThat(schedule.next()).contains(T0.plusMillis(100));
        assertThat(schedule.dueAt(T0.plusMillis(100))).containsExactly("fast", "fast2");
        schedule.polled(List.of("fast", "fast2"), T0.plusMillis(101));
        assertThat(schedule.dueAt(T0.plusMillis(1000))).containsExactly("fast", "fast2", "slow");
    }

    @Test
    void signalsDueSoonAfterTheFirstAreReadWithIt() {
        schedule.polled(List.of("fast", "slow", "pushed"), T0);
        schedule.polled(List.of("fast2"), T0.plusMillis(20)); // fast2 is now due 20 ms after fast

        assertThat(schedule.dueAt(T0.plusMillis(100))).containsExactly("fast", "fast2");
    }

    @Test
    void aPollThatEndsLateSkipsTheBeatsItMissed() {
        schedule.polled(schedule.dueAt(T0), T0.plusMillis(350));

        assertThat(schedule.next()).contains(T0.plusMillis(450));
    }

    @Test
    void writeOnlySignalsAreNeverRead() {
        assertThat(schedule.dueAt(T0)).doesNotContain("command");
    }
}
