package io.gantry.engine.core.internal.signal;

import static org.assertj.core.api.Assertions.assertThat;

import io.gantry.engine.api.function.PortType;
import io.gantry.engine.api.signal.SignalAccess;
import io.gantry.engine.api.signal.SignalDescriptor;
import io.gantry.engine.api.signal.SignalQuality;
import io.gantry.engine.api.signal.SignalSample;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SignalBoardTest {
    private static final Instant T0 = Instant.parse("2026-12-03T10:00:00Z");

    private final SignalBoard board = new SignalBoard(List.of(
            new SignalDescriptor("speed", PortType.NUMBER, "mm/s", SignalAccess.READ_WRITE, 100, 0.5),
            SignalDescriptor.polled("present", PortType.BOOLEAN, 100),
            new SignalDescriptor("reset", PortType.BOOLEAN, null, SignalAccess.WRITE, 0, 0)));

    @Test
    void aSignalNeverReadIsBadWithoutValueOrTimeAndAWriteOnlyOneIsGood() {
        assertThat(board.info("present").orElseThrow().quality()).isEqualTo(SignalQuality.BAD);
        assertThat(board.info("present").orElseThrow().error()).isEqualTo("not read yet");
        assertThat(board.info("present").orElseThrow().timestamp()).isNull();
        assertThat(board.info("reset").orElseThrow().quality()).isEqualTo(SignalQuality.GOOD);
    }

    @Test
    void announcesTheFirstReadingAndChangesButNotARepeatedValue() {
        assertThat(board.apply("present", SignalSample.good(false, T0))).isPresent();
        assertThat(board.apply("present", SignalSample.good(false, T0.plusMillis(100))))
                .isEmpty();
        assertThat(board.apply("present", SignalSample.good(true, T0.plusMillis(200))))
                .hasValueSatisfying(change -> assertThat(change.info().value()).isEqualTo(true));
        // the unchanged reading still refreshed the time
        assertThat(board.info("present").orElseThrow().timestamp()).isEqualTo(T0.plusMillis(200));
    }

    @Test
    void aChangeWithinTheDeadbandRefreshesTheTimeButKeepsTheValueAnnounced() {
        board.apply("speed", SignalSample.good(10.0, T0));

        assertThat(board.apply("speed", SignalSample.good(10.4, T0.plusMillis(100))))
                .isEmpty();
        assertThat(board.info("speed").orElseThrow().value()).isEqualTo(10.0);
        assertThat(board.info("speed").orElseThrow().timestamp()).isEqualTo(T0.plusMillis(100));
        assertThat(board.apply("speed", SignalSample.good(10.6, T0.plusMillis(200))))
                .isPresent();
    }

    @Test
    void integersAndDoublesOfOneValueAreTheSameValue() {
        board.apply("speed", SignalSample.good(10, T0));

        assertThat(board.apply("speed", SignalSample.good(10.0, T0.plusMillis(100))))
                .isEmpty();
    }

    @Test
    void aFailedReadKeepsTheValueGoesBadWithItsReasonAndIsAnnouncedOnce() {
        board.apply("present", SignalSample.good(true, T0));

        List<SignalChange> changes = board.mark(List.of("present"), SignalQuality.BAD, "timeout");

        assertThat(changes).singleElement().satisfies(change -> {
            assertThat(change.info().value()).isEqualTo(true);
            assertThat(change.info().quality()).isEqualTo(SignalQuality.BAD);
            assertThat(change.info().error()).isEqualTo("timeout");
        });
        assertThat(board.mark(List.of("present"), SignalQuality.BAD, "timeout")).isEmpty();
        assertThat(board.apply("present", SignalSample.good(true, T0.plusSeconds(1))))
                .hasValueSatisfying(
                        change -> assertThat(change.info().quality()).isEqualTo(SignalQuality.GOOD));
    }

    @Test
    void aValueNotRefreshedInThreeIntervalsGoesStaleOnce() {
        board.apply("present", SignalSample.good(true, T0));

        assertThat(board.sweep(T0.plusMillis(300))).isEmpty();
        assertThat(board.sweep(T0.plusMillis(301)))
                .singleElement()
                .satisfies(change -> assertThat(change.info().quality()).isEqualTo(SignalQuality.STALE));
        assertThat(board.sweep(T0.plusMillis(400))).isEmpty();
    }

    @Test
    void ignoresReadingsOfSignalsItDoesNotHaveOrCannotRead() {
        assertThat(board.apply("nope", SignalSample.good(1, T0))).isEmpty();
        assertThat(board.apply("reset", SignalSample.good(true, T0))).isEmpty();
    }
}
