package io.gantry.rest.bundle.internal.events;

import static io.gantry.rest.bundle.internal.events.Messages.range;
import static io.gantry.rest.bundle.internal.events.Messages.seqs;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** How a client hands its queue to the connection: what piled up during a write goes out together. */
class StreamClientBatchTest {
    private final EventJson json = new EventJson(() -> Instant.parse("2026-01-01T00:00:00Z"));
    private final StreamCounters counters = new StreamCounters();
    private final EventJournal journal = new EventJournal(1_000, json);
    private final FakeSink sink = FakeSink.byHand();

    private StreamClient subscribe(StreamCursor since) {
        // sending on the publishing (or completing) thread keeps these tests deterministic
        StreamClient client = new StreamClient(sink, StreamFilter.ALL, 1_000, counters, Runnable::run);
        journal.subscribe(client, since);
        return client;
    }

    private void publish(int count) {
        Messages.publish(journal, json, count);
    }

    @Test
    void sendsWhatQueuedDuringAWriteAsOneBatchInOrder() {
        subscribe(null);
        publish(1); // in flight alone
        publish(5); // queued behind it

        assertThat(sink.batches()).containsExactly(1);
        sink.complete();

        assertThat(sink.batches()).containsExactly(1, 5);
        assertThat(seqs(sink.received())).isEqualTo(range(1, 6));
        sink.complete();
        assertThat(counters.eventsSent()).isEqualTo(6);
    }

    @Test
    void handsAtMostMaxBatchMessagesAtOnce() {
        subscribe(null);
        publish(1);
        publish(150);

        for (int i = 0; i < 4; i++) {
            sink.complete();
        }

        assertThat(sink.batches()).containsExactly(1, StreamClient.MAX_BATCH, StreamClient.MAX_BATCH, 22);
        assertThat(seqs(sink.received())).isEqualTo(range(1, 151));
    }

    @Test
    void aBatchGoesOnFromTheReplayIntoTheLiveEvents() {
        publish(70);
        subscribe(new StreamCursor(null, 0));
        publish(3); // live, behind the rest of the replay

        assertThat(sink.batches()).containsExactly(StreamClient.MAX_BATCH);
        sink.complete();

        assertThat(sink.batches()).containsExactly(StreamClient.MAX_BATCH, 9);
        assertThat(seqs(sink.received())).isEqualTo(range(1, 73));
    }

    @Test
    void stopsAtAFailedWrite() {
        subscribe(null);
        publish(1);
        publish(3);

        sink.fail(new IOException("connection reset"));
        publish(2);

        assertThat(sink.closeStatus()).isEqualTo(1011);
        assertThat(seqs(sink.received())).containsExactly(1L);
        assertThat(counters.eventsSent()).isZero();
        assertThat(journal.clients()).isEmpty();
    }
}
