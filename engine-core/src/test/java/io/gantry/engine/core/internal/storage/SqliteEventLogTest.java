package io.gantry.engine.core.internal.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.gantry.engine.api.event.LoggedEvent;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteEventLogTest {
    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-04T08:00:00Z"));
    private SqliteEventLog log;

    @BeforeEach
    void open() {
        log = SqliteEventLog.open(dir.resolve("events.db"), clock);
    }

    @AfterEach
    void close() {
        log.close();
    }

    @Test
    void readsRunOnFromAnEpochIntoTheLaterOnesInOrder() throws SQLException {
        long first = log.begin("aaaa");
        log.append(first, events("aaaa", 1, 3));
        long second = log.begin("bbbb");
        log.append(second, events("bbbb", 1, 2));

        assertThat(seqs(log.after(first, 1, 100))).containsExactly("aaaa:2", "aaaa:3", "bbbb:1", "bbbb:2");
        assertThat(seqs(log.after(first, 3, 100))).containsExactly("bbbb:1", "bbbb:2");
        assertThat(seqs(log.after(second, 2, 100))).isEmpty();
        assertThat(seqs(log.after(first, 0, 2))).containsExactly("aaaa:1", "aaaa:2");
        assertThat(log.number("bbbb")).contains(second);
        assertThat(log.number("cccc")).isEmpty();
        try (Connection look = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("events.db"));
                ResultSet types =
                        look.createStatement().executeQuery("SELECT DISTINCT typeof(events) FROM event_batch")) {
            assertThat(types.next()).isTrue();
            assertThat(types.getString(1)).isEqualTo("text"); // written as UTF-8 bytes, cast to text
            assertThat(types.next()).isFalse();
        }
    }

    @Test
    void readsOnPastTheNumbersTheWriterCouldNotKeep() {
        long epoch = log.begin("aaaa");
        List<LoggedEvent> withHoles = List.of(
                new LoggedEvent("aaaa", 1, "gantry/test/E", Map.of()),
                new LoggedEvent("aaaa", 2, "gantry/test/E", Map.of()),
                new LoggedEvent("aaaa", 5, "gantry/test/E", Map.of()));
        log.append(epoch, withHoles);
        log.append(epoch, events("aaaa", 6, 7));

        assertThat(seqs(log.after(epoch, 2, 10))).containsExactly("aaaa:5", "aaaa:6", "aaaa:7");
        assertThat(seqs(log.after(epoch, 3, 2))).containsExactly("aaaa:5", "aaaa:6");
        assertThat(log.size()).isEqualTo(5);
    }

    @Test
    void keepsThePropertiesAsPlainJson() {
        long epoch = log.begin("aaaa");
        Map<String, Object> properties =
                Map.of("topic", "gantry/node/COMPLETED", "outputs", Map.of("position", 12.5, "ok", true), "seq", 1);
        log.append(epoch, List.of(new LoggedEvent("aaaa", 1, "gantry/node/COMPLETED", properties)));

        LoggedEvent read = log.after(epoch, 0, 1).get(0);

        assertThat(read.topic()).isEqualTo("gantry/node/COMPLETED");
        assertThat(read.properties()).containsEntry("outputs", Map.of("position", 12.5, "ok", true));
    }

    @Test
    void prunesTheOldestBeyondTheCountAndTheTooOldAndTheEmptyEpochs() {
        long old = log.begin("aaaa");
        log.append(old, events("aaaa", 1, 5));
        clock.advance(Duration.ofHours(2));
        long current = log.begin("bbbb");
        log.append(current, events("bbbb", 1, 5));

        assertThat(log.prune(8, Duration.ZERO, current))
                .as("a commit goes only when all its events lie beyond the newest 8")
                .isZero();
        assertThat(log.size()).isEqualTo(10);
        assertThat(log.prune(5, Duration.ZERO, current)).isEqualTo(5);
        assertThat(log.oldest().map(e -> e.epoch() + ":" + e.seq())).contains("bbbb:1");
        assertThat(log.size()).isEqualTo(5);
        assertThat(log.number("aaaa")).as("an epoch without events goes").isEmpty();

        log.append(current, events("bbbb", 6, 7));
        assertThat(log.size()).isEqualTo(7);
        assertThat(log.prune(0, Duration.ofHours(1), current))
                .as("none is an hour old")
                .isZero();

        clock.advance(Duration.ofHours(2));
        assertThat(log.prune(0, Duration.ofHours(1), current)).isEqualTo(7);
        assertThat(log.oldest()).isEmpty();
        assertThat(log.size()).isZero();
        assertThat(log.number("bbbb")).as("the current epoch stays").contains(current);
    }

    private static List<LoggedEvent> events(String epoch, long from, long to) {
        return LongStream.rangeClosed(from, to)
                .mapToObj(seq -> new LoggedEvent(epoch, seq, "gantry/test/E", Map.of("seq", seq)))
                .toList();
    }

    private static List<String> seqs(List<LoggedEvent> events) {
        return events.stream().map(e -> e.epoch() + ":" + e.seq()).toList();
    }
}
