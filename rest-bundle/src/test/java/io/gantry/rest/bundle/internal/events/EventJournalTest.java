package io.gantry.rest.bundle.internal.events;

import static io.gantry.rest.bundle.internal.events.Messages.draft;
import static io.gantry.rest.bundle.internal.events.Messages.parse;
import static io.gantry.rest.bundle.internal.events.Messages.range;
import static io.gantry.rest.bundle.internal.events.Messages.seqs;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class EventJournalTest {
    private final EventJson json = new EventJson(() -> Instant.parse("2026-01-01T00:00:00Z"));
    private final StreamCounters counters = new StreamCounters();

    private StreamClient client(FakeSink sink, StreamFilter filter, int queueSize) {
        // sending on the publishing thread keeps these tests deterministic
        return new StreamClient(sink, filter, queueSize, counters, Runnable::run);
    }

    private void publish(EventJournal journal, int count) {
        Messages.publish(journal, json, count);
    }

    @Test
    void numbersEventsFromOneAndPutsSeqFirst() {
        EventJournal journal = new EventJournal(10, json);
        StreamEvent first = journal.publish(draft(json, "gantry/node/COMPLETED", "p1", "e1"));
        StreamEvent second = journal.publish(draft(json, "gantry/node/COMPLETED", "p1", "e1"));

        assertThat(first.seq()).isEqualTo(1);
        assertThat(second.seq()).isEqualTo(2);
        assertThat(second.json()).startsWith("{\"seq\":2,\"topic\":\"gantry/node/COMPLETED\"");
    }

    @Test
    void keepsOnlyTheLastEventsOfTheRing() {
        EventJournal journal = new EventJournal(5, json);
        publish(journal, 12);

        assertThat(journal.buffered()).isEqualTo(5);
        assertThat(journal.lastSeq()).isEqualTo(12);
    }

    @Test
    void replaysWhatFollowsSinceThenLiveEventsWithoutGapOrDuplicate() {
        EventJournal journal = new EventJournal(100, json);
        publish(journal, 10);
        FakeSink sink = FakeSink.fast();

        journal.subscribe(client(sink, StreamFilter.ALL, 10), new StreamCursor(null, 4));
        publish(journal, 3);

        assertThat(seqs(sink.received())).isEqualTo(range(5, 13));
    }

    @Test
    void sinceZeroReplaysEverythingWithoutAGapNotice() {
        EventJournal journal = new EventJournal(100, json);
        publish(journal, 3);
        FakeSink sink = FakeSink.fast();

        journal.subscribe(client(sink, StreamFilter.ALL, 10), new StreamCursor(null, 0));

        assertThat(seqs(sink.received())).isEqualTo(range(1, 3));
    }

    @Test
    void announcesTheGapWhenSinceIsOlderThanTheRing() {
        EventJournal journal = new EventJournal(5, json);
        publish(journal, 12); // seq 8..12 buffered
        FakeSink sink = FakeSink.fast();

        journal.subscribe(client(sink, StreamFilter.ALL, 10), new StreamCursor(null, 3));

        List<String> received = sink.received();
        JsonNode gap = parse(received.get(0));
        assertThat(gap.get("topic").asText()).isEqualTo("gantry/stream/GAP");
        assertThat(gap.get("from").asLong()).isEqualTo(4);
        assertThat(gap.get("to").asLong()).isEqualTo(7);
        assertThat(seqs(received.subList(1, received.size()))).isEqualTo(range(8, 12));
    }

    @Test
    void sinceInTheFutureGivesOnlyLiveEvents() {
        EventJournal journal = new EventJournal(5, json);
        publish(journal, 3);
        FakeSink sink = FakeSink.fast();

        journal.subscribe(client(sink, StreamFilter.ALL, 10), new StreamCursor(null, 99));
        publish(journal, 2);

        assertThat(seqs(sink.received())).isEqualTo(range(4, 5));
    }

    @Test
    void withoutSinceGivesOnlyLiveEvents() {
        EventJournal journal = new EventJournal(5, json);
        publish(journal, 3);
        FakeSink sink = FakeSink.fast();

        journal.subscribe(client(sink, StreamFilter.ALL, 10), null);
        publish(journal, 1);

        assertThat(seqs(sink.received())).containsExactly(4L);
    }

    @Test
    void filtersReplayAndLiveEventsByPipelineAndExecution() {
        EventJournal journal = new EventJournal(100, json);
        journal.publish(draft(json, "gantry/node/COMPLETED", "p1", "e1")); // 1
        journal.publish(draft(json, "gantry/node/COMPLETED", "p2", "e2")); // 2
        journal.publish(draft(json, "gantry/node/COMPLETED", "p1", "e3")); // 3
        FakeSink byPipeline = FakeSink.fast();
        FakeSink byExecution = FakeSink.fast();

        journal.subscribe(client(byPipeline, new StreamFilter(List.of(), "p1", null), 10), new StreamCursor(null, 0));
        journal.subscribe(client(byExecution, new StreamFilter(List.of(), null, "e2"), 10), new StreamCursor(null, 0));
        journal.publish(draft(json, "gantry/pipeline/COMPLETED", "p1", "e3")); // 4
        journal.publish(draft(json, "gantry/pipeline/COMPLETED", "p2", "e2")); // 5

        assertThat(seqs(byPipeline.received())).containsExactly(1L, 3L, 4L);
        assertThat(seqs(byExecution.received())).containsExactly(2L, 5L);
    }

    @Test
    void filtersByTopicPatterns() {
        EventJournal journal = new EventJournal(100, json);
        FakeSink sink = FakeSink.fast();
        StreamFilter filter = new StreamFilter(
                List.of(TopicPattern.of("gantry/node/*"), TopicPattern.of("gantry/pipeline/COMPLETED")), null, null);
        journal.subscribe(client(sink, filter, 10), null);

        journal.publish(draft(json, "gantry/node/EXECUTING", "p1", "e1")); // 1
        journal.publish(draft(json, "gantry/pipeline/STARTED", "p1", "e1")); // 2
        journal.publish(draft(json, "gantry/pipeline/COMPLETED", "p1", "e1")); // 3
        journal.publish(draft(json, "gantry/device/FAULT", null, "e1")); // 4

        assertThat(seqs(sink.received())).containsExactly(1L, 3L);
    }

    @Test
    void closesAClientWhoseQueuedEventsPinTooMuchMemoryThoughTheyAreFew() {
        EventJournal journal = new EventJournal(10_000, json);
        FakeSink stalled = FakeSink.stalled();
        String payload = "x".repeat(10_000);
        journal.subscribe(
                new StreamClient(stalled, StreamFilter.ALL, new ClientBound(1_000, 50_000), counters, Runnable::run),
                null);

        // one in flight, then four of about 10 kB fit in 50,000 bytes and the fifth does not
        for (int i = 0; i < 5; i++) {
            journal.publish(json.draft(Messages.event("gantry/node/COMPLETED", Map.of("payload", payload))));
        }
        assertThat(stalled.closeStatus()).isNull();
        journal.publish(json.draft(Messages.event("gantry/node/COMPLETED", Map.of("payload", payload))));

        assertThat(stalled.closeStatus()).isEqualTo(1008);
        assertThat(stalled.closeReason()).isEqualTo("client too slow: 50000 bytes queued");
        assertThat(counters.clientsDropped()).isEqualTo(1);
    }

    @Test
    void closesAStalledClientWith1008WhileAnotherReceivesEverything() {
        EventJournal journal = new EventJournal(10_000, json);
        FakeSink stalled = FakeSink.stalled();
        FakeSink healthy = FakeSink.fast();
        journal.subscribe(client(stalled, StreamFilter.ALL, 100), null);
        journal.subscribe(client(healthy, StreamFilter.ALL, 100), null);

        // one message in flight plus 100 queued fit; the 102nd event overflows
        publish(journal, 101);
        assertThat(stalled.closeStatus()).isNull();
        publish(journal, 99);

        assertThat(stalled.closeStatus()).isEqualTo(1008);
        assertThat(stalled.closeReason()).isEqualTo("client too slow: 100 events queued");
        assertThat(stalled.received()).hasSize(1);
        assertThat(seqs(healthy.received())).isEqualTo(range(1, 200));
        assertThat(journal.clients()).hasSize(1);
        assertThat(counters.clientsDropped()).isEqualTo(1);
        assertThat(counters.eventsSent()).isEqualTo(200);
    }

    @Test
    void aLongReplayDoesNotCountAgainstTheClientQueue() {
        EventJournal journal = new EventJournal(1_000, json);
        publish(journal, 1_000);
        FakeSink sink = FakeSink.fast();

        journal.subscribe(client(sink, StreamFilter.ALL, 10), new StreamCursor(null, 0));

        assertThat(sink.closeStatus()).isNull();
        assertThat(sink.received()).hasSize(1_000);
    }

    @Test
    void sendsCompletedAtOnceDoNotGrowTheStack() {
        EventJournal journal = new EventJournal(100_000, json);
        publish(journal, 100_000);
        FakeSink sink = FakeSink.fast();

        journal.subscribe(client(sink, StreamFilter.ALL, 10), new StreamCursor(null, 0));

        assertThat(sink.received()).hasSize(100_000);
    }

    @Test
    void forgetsClientsThatLeft() {
        EventJournal journal = new EventJournal(10, json);
        FakeSink sink = FakeSink.fast();
        StreamClient client = client(sink, StreamFilter.ALL, 10);
        journal.subscribe(client, null);

        journal.unsubscribe(client);
        publish(journal, 1);

        assertThat(journal.clients()).isEmpty();
        assertThat(sink.received()).isEmpty();
    }

    @Test
    void aClientSubscribingWhilePublishersRunSeesAContiguousSequence() throws Exception {
        int threads = 4;
        int perThread = 25_000;
        long total = (long) threads * perThread;
        EventJournal journal = new EventJournal(threads * perThread, json);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            // each publisher does half its work, then holds until the client subscribed, so the
            // subscription always lands in the middle of the storm, however the threads are scheduled
            CountDownLatch subscribed = new CountDownLatch(1);
            List<Future<Object>> publishers = LongStream.range(0, threads)
                    .mapToObj(i -> pool.submit(() -> {
                        publish(journal, perThread / 2);
                        subscribed.await(30, TimeUnit.SECONDS);
                        publish(journal, perThread - perThread / 2);
                        return null;
                    }))
                    .toList();
            while (journal.lastSeq() < 1_000) {
                Thread.onSpinWait(); // until the storm is under way
            }
            // subscribe in the middle of the storm, resuming from wherever the stream is now
            FakeSink sink = FakeSink.fast();
            long since = journal.lastSeq() - 500;
            journal.subscribe(client(sink, StreamFilter.ALL, threads * perThread), new StreamCursor(null, since));
            long atSubscribe = journal.lastSeq();
            subscribed.countDown();
            for (Future<Object> publisher : publishers) {
                publisher.get(30, TimeUnit.SECONDS);
            }

            assertThat(atSubscribe)
                    .as("subscribed while events were still being published")
                    .isLessThan(total);
            assertThat(seqs(sink.received())).isEqualTo(range(since + 1, total));
        } finally {
            pool.shutdownNow();
        }
    }
}
