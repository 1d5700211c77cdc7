package io.gantry.engine.core.internal.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.gantry.engine.api.event.EventProperties;
import io.gantry.engine.api.event.LoggedEvent;
import io.gantry.engine.core.internal.storage.SqliteEventLog;
import java.lang.annotation.Annotation;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The publisher with the real journal on a real SQLite file, across a restart. */
class EventJournalTest {
    @TempDir
    Path dir;

    @Test
    void everyHandlerSeesTheNumberTheLogKeepsAndARestartBeginsANewEpochAfterTheOld() throws Exception {
        Path file = dir.resolve("events.db");
        String firstEpoch;
        try (Started first = new Started(file)) {
            firstEpoch = first.journal.epoch();
            for (int i = 0; i < 100; i++) {
                first.publisher.publish("gantry/test/E", Map.of("i", i));
            }
            await(() -> first.journal.after(firstEpoch, 0, 1000).size() == 100);
            assertThat(first.bus.delivered)
                    .extracting(e -> e.getProperty(EventProperties.SEQ))
                    .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, 100)
                            .boxed()
                            .toList());
            assertThat(first.bus.delivered).allMatch(e -> firstEpoch.equals(e.getProperty(EventProperties.EPOCH)));
            LoggedEvent tenth = first.journal.after(firstEpoch, 9, 1).get(0);
            assertThat(tenth.seq()).isEqualTo(10);
            assertThat(tenth.properties()).containsEntry("i", 9).containsEntry("epoch", firstEpoch);
        }

        try (Started second = new Started(file)) {
            String epoch = second.journal.epoch();
            assertThat(epoch).isNotEqualTo(firstEpoch);
            assertThat(second.journal.knows(firstEpoch)).isTrue();
            assertThat(second.journal.knows("nothing")).isFalse();
            second.publisher.publish("gantry/test/E", Map.of("i", 100));
            await(() -> second.journal.after(epoch, 0, 10).size() == 1);

            List<LoggedEvent> missed = second.journal.after(firstEpoch, 98, 10);
            assertThat(missed)
                    .extracting(e -> e.epoch() + ":" + e.seq())
                    .containsExactly(firstEpoch + ":99", firstEpoch + ":100", epoch + ":1");
            assertThat(second.journal.oldest().map(LoggedEvent::seq)).contains(1L);
            assertThat(second.journal.check().details()).containsEntry("dropped", 0L);
        }
    }

    @Test
    void theLogDeletesTheCommitsWhoseEventsAllLieBeyondItsRetention() throws Exception {
        try (Started started = new Started(dir.resolve("events.db"), 10)) {
            String epoch = started.journal.epoch();
            for (int i = 0; i < 50; i++) {
                started.publisher.publish("gantry/test/E", Map.of("i", i));
            }
            await(() -> started.journal.after(epoch, 0, 100).size() == 50);
            for (int i = 50; i < 100; i++) {
                started.publisher.publish("gantry/test/E", Map.of("i", i));
            }
            // every commit of the first 50 holds only events beyond the newest 10 of the 100
            await(() -> started.journal.oldest().map(LoggedEvent::seq).orElse(0L) > 50L);
            assertThat(started.journal.after(epoch, 0, 100))
                    .extracting(LoggedEvent::seq)
                    .as("the newest 10 are kept")
                    .contains(91L, 92L, 93L, 94L, 95L, 96L, 97L, 98L, 99L, 100L);
        }
    }

    private static void await(BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition not met within 10 s").isLessThan(deadline);
            Thread.onSpinWait();
        }
    }

    /** One start of the controller's event path: database, journal, publisher. */
    private static final class Started implements AutoCloseable {
        final EventJournal journal;
        final TestEvents bus;
        final EventPublisher publisher;

        Started(Path file) {
            this(file, 200_000);
        }

        Started(Path file, long keep) {
            journal = new EventJournal(SqliteEventLog.open(file, Clock.systemUTC()), config(keep));
            bus = new TestEvents(journal);
            publisher = bus.publisher;
        }

        @Override
        public void close() throws Exception {
            bus.close();
            journal.stop();
        }
    }

    private static EventLogConfiguration config(long keep) {
        return new EventLogConfiguration() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return EventLogConfiguration.class;
            }

            @Override
            public String databaseFile() {
                throw new UnsupportedOperationException("the test opens the file itself");
            }

            @Override
            public long retentionCount() {
                return keep;
            }

            @Override
            public long retentionAgeHours() {
                return 0;
            }

            @Override
            public int queueCapacity() {
                return 1000;
            }

            @Override
            public long pruneEverySeconds() {
                return 1;
            }
        };
    }
}
