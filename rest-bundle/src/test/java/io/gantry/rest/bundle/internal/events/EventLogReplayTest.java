package io.gantry.rest.bundle.internal.events;

import static io.gantry.rest.bundle.internal.events.Messages.parse;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A client resuming from the event log: across restarts of the controller and past the ring. */
class EventLogReplayTest {
    private final EventJson json = new EventJson(() -> Instant.parse("2026-01-01T00:00:00Z"));
    private final StreamCounters counters = new StreamCounters();

    private StreamClient client(FakeSink sink, StreamFilter filter) {
        return new StreamClient(sink, filter, 1000, counters, Runnable::run);
    }

    /** The controller delivers events of the current epoch, numbered, as EventPublisher does. */
    private void deliver(EventJournal journal, String epoch, long from, long to) {
        for (long seq = from; seq <= to; seq++) {
            journal.publish(json.draft(
                    Messages.event("gantry/node/COMPLETED", FakeEventLog.properties(epoch, seq, "p1", "e1"))));
        }
    }

    /** @return each message as epoch:seq, or GAP epoch:from-to for a gap notice */
    private static List<String> names(List<String> messages) {
        return messages.stream()
                .map(Messages::parse)
                .map(EventLogReplayTest::name)
                .toList();
    }

    private static String name(JsonNode message) {
        if (message.path("topic").asText().equals(GapNotice.TOPIC)) {
            return "GAP " + message.path("epoch").asText() + ":"
                    + message.path("from").asLong() + "-"
                    + (message.has("to") ? message.get("to").asText() : "?");
        }
        return message.path("epoch").asText() + ":" + message.path("seq").asLong();
    }

    @Test
    void aClientFromBeforeARestartGetsTheRestOfItsEpochThenTheNewOne() {
        FakeEventLog log =
                new FakeEventLog().start("old").log("old", 1, 5, "p1", "e1").start("new");
        log.log("new", 1, 2, "p1", "e1");
        EventJournal journal = new EventJournal(100, json, log);
        deliver(journal, "new", 3, 4); // the stream started after the controller had published two
        FakeSink sink = FakeSink.fast();

        journal.subscribe(client(sink, StreamFilter.ALL), new StreamCursor("old", 3));
        deliver(journal, "new", 5, 5);

        assertThat(names(sink.received()))
                .containsExactly("old:4", "old:5", "new:1", "new:2", "new:3", "new:4", "new:5");
    }

    @Test
    void eventsOlderThanTheRingAreReadFromTheLogAndTheRestFromTheRing() {
        FakeEventLog log = new FakeEventLog().start("e").log("e", 1, 20, "p1", "e1");
        EventJournal journal = new EventJournal(5, json, log);
        deliver(journal, "e", 1, 20); // the ring keeps 16..20
        FakeSink sink = FakeSink.fast();

        journal.subscribe(client(sink, StreamFilter.ALL), new StreamCursor(null, 10));

        assertThat(names(sink.received()))
                .containsExactly("e:11", "e:12", "e:13", "e:14", "e:15", "e:16", "e:17", "e:18", "e:19", "e:20");
        // plain seqs still mean this epoch, and the text read back equals the text sent live
        FakeSink again = FakeSink.fast();
        journal.subscribe(client(again, StreamFilter.ALL), new StreamCursor("e", 14));
        assertThat(again.received()).isEqualTo(sink.received().subList(4, 10));
    }

    @Test
    void aClientThatMissedNothingTheRingHoldsDoesNotReadTheLog() {
        FakeEventLog log = new FakeEventLog().start("e").log("e", 1, 20, "p1", "e1");
        EventJournal journal = new EventJournal(5, json, log);
        deliver(journal, "e", 1, 20);
        FakeSink sink = FakeSink.fast();

        journal.subscribe(client(sink, StreamFilter.ALL), new StreamCursor("e", 17));

        assertThat(names(sink.received())).containsExactly("e:18", "e:19", "e:20");
        assertThat(log.reads()).isZero();
    }

    @Test
    void numbersMissingFromTheLogArriveAsGapNotices() {
        FakeEventLog log =
                new FakeEventLog().start("old").log("old", 1, 3, "p1", "e1").log("old", 6, 6, "p1", "e1");
        log.start("new").log("new", 3, 4, "p1", "e1"); // new:1-2 shed under overload
        EventJournal journal = new EventJournal(5, json, log);
        deliver(journal, "new", 9, 10); // 5..8 never written before the ring took over
        FakeSink sink = FakeSink.fast();

        journal.subscribe(client(sink, StreamFilter.ALL), new StreamCursor("old", 1));

        assertThat(names(sink.received()))
                .containsExactly(
                        "old:2",
                        "old:3",
                        "GAP old:4-5",
                        "old:6",
                        "GAP new:1-2",
                        "new:3",
                        "new:4",
                        "GAP new:5-8",
                        "new:9",
                        "new:10");
    }

    @Test
    void anEpochNoLongerKeptIsAGapThenEverythingKept() {
        FakeEventLog log = new FakeEventLog().start("kept").log("kept", 7, 8, "p1", "e1");
        EventJournal journal = new EventJournal(5, json, log);
        FakeSink sink = FakeSink.fast();

        journal.subscribe(client(sink, StreamFilter.ALL), new StreamCursor("gone", 41));

        assertThat(names(sink.received())).containsExactly("GAP gone:42-?", "kept:7", "kept:8");
    }

    @Test
    void theLogIsFilteredAsLiveEventsAre() {
        FakeEventLog log =
                new FakeEventLog().start("old").log("old", 1, 2, "p1", "e1").log("old", 3, 4, "p2", "e2");
        log.start("new");
        EventJournal journal = new EventJournal(5, json, log);
        FakeSink sink = FakeSink.fast();

        journal.subscribe(client(sink, new StreamFilter(List.of(), "p2", null)), new StreamCursor("old", 0));

        assertThat(names(sink.received())).containsExactly("old:3", "old:4");
    }

    @Test
    void anEventReadFromTheLogWhileOnItsWayLiveIsSentOnce() {
        // the stream started after the controller: its ring is empty, so the log is read to its end,
        // and it already holds event 3 when event 3 reaches the stream live
        FakeEventLog log = new FakeEventLog().start("e").log("e", 1, 3, "p1", "e1");
        EventJournal journal = new EventJournal(5, json, log);
        FakeSink sink = FakeSink.fast();

        journal.subscribe(client(sink, StreamFilter.ALL), new StreamCursor("e", 0));
        deliver(journal, "e", 3, 4);

        assertThat(names(sink.received())).containsExactly("e:1", "e:2", "e:3", "e:4");
    }

    @Test
    void aDuplicateDeliveryIsDropped() {
        FakeEventLog log = new FakeEventLog().start("e");
        EventJournal journal = new EventJournal(5, json, log);
        deliver(journal, "e", 1, 2);

        assertThat(journal.publish(json.draft(
                        Messages.event("gantry/node/COMPLETED", FakeEventLog.properties("e", 2, "p1", "e1")))))
                .isNull();
        assertThat(journal.lastSeq()).isEqualTo(2);
        assertThat(parse(journal.publish(json.draft(Messages.event(
                                        "gantry/node/COMPLETED", FakeEventLog.properties("e", 3, "p1", "e1"))))
                                .json())
                        .path("epoch")
                        .asText())
                .isEqualTo("e");
    }
}
