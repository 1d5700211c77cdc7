package io.gantry.rest.bundle.internal.events;

import static io.gantry.rest.bundle.internal.events.Messages.event;
import static io.gantry.rest.bundle.internal.events.Messages.parse;
import static io.gantry.rest.bundle.internal.events.Messages.seqs;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** An event's text is written when a client first needs it, once for every client and replay. */
class LazyEventTextTest {
    private final EventJson json = new EventJson(() -> Instant.parse("2026-01-01T00:00:00Z"));
    private final StreamCounters counters = new StreamCounters();
    private final EventJournal journal = new EventJournal(100, json);
    private final AtomicInteger written = new AtomicInteger();
    private final AtomicInteger sized = new AtomicInteger();

    /** An event of pipeline p1 whose writing and sizing are counted. */
    private EventDraft counted() {
        EventDraft real = Messages.draft(json, "gantry/node/COMPLETED", "p1", "e1");
        return new EventDraft(
                real.topic(),
                real.pipelineId(),
                real.executionId(),
                real.deviceId(),
                (seq, epoch) -> {
                    written.incrementAndGet();
                    return real.text().write(seq, epoch);
                },
                real.epoch(),
                real.seq(),
                () -> {
                    sized.incrementAndGet();
                    return real.size().get();
                });
    }

    private FakeSink subscribe(StreamFilter filter, StreamCursor since) {
        FakeSink sink = FakeSink.fast();
        journal.subscribe(new StreamClient(sink, filter, 100, counters, Runnable::run), since);
        return sink;
    }

    @Test
    void anEventNoClientWantsIsNeverWritten() {
        subscribe(new StreamFilter(List.of(), "another pipeline", null), null);

        for (int i = 0; i < 5; i++) {
            journal.publish(counted());
        }

        assertThat(journal.lastSeq()).isEqualTo(5);
        assertThat(written).hasValue(0);
        assertThat(sized).as("nor sized for a client's queue").hasValue(0);
    }

    @Test
    void eachEventIsWrittenOnceForEveryClientAndEveryReplay() {
        FakeSink first = subscribe(StreamFilter.ALL, null);
        FakeSink second = subscribe(StreamFilter.ALL, null);

        for (int i = 0; i < 3; i++) {
            journal.publish(counted());
        }
        FakeSink resumed = subscribe(StreamFilter.ALL, new StreamCursor(null, 0));

        assertThat(seqs(first.received())).containsExactly(1L, 2L, 3L);
        assertThat(second.received()).isEqualTo(first.received());
        assertThat(resumed.received()).isEqualTo(first.received());
        assertThat(written).hasValue(3);
        assertThat(sized).as("sized once for both queues").hasValue(3);
    }

    @Test
    void anEventWithoutATimestampKeepsTheTimeItWasPublishedAt() {
        AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-01T00:00:01Z"));
        EventJson clocked = new EventJson(now::get);
        EventDraft draft = clocked.draft(event("gantry/node/COMPLETED", Map.of("nodeId", "n1")));

        now.set(Instant.parse("2026-01-01T00:00:09Z"));

        assertThat(parse(draft.numbered(1).json()).get("timestamp").asText()).isEqualTo("2026-01-01T00:00:01Z");
    }
}
