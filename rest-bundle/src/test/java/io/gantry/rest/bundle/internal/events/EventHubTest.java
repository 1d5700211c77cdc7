package io.gantry.rest.bundle.internal.events;

import static io.gantry.rest.bundle.internal.events.Messages.seqs;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.osgi.service.event.Event;

class EventHubTest {
    private final EventHub hub = new EventHub(HubConfig.of(3, 10, 1));

    @AfterEach
    void stop() {
        hub.stop();
    }

    private void post(int count) {
        for (int i = 0; i < count; i++) {
            hub.handleEvent(new Event("gantry/node/COMPLETED", Map.of("nodeId", "n" + i)));
        }
    }

    @Test
    void streamsEventAdminEventsToConnectedClients() {
        FakeSink sink = FakeSink.fast();
        hub.connect(sink, new StreamRequest(null, StreamFilter.ALL));

        post(2);

        Poll.until("two events sent", () -> sink.received().size() == 2);
        assertThat(seqs(sink.received())).containsExactly(1L, 2L);
        assertThat(hub.eventsSent()).isEqualTo(2);
    }

    @Test
    void reportsClientsLastSeqAndBufferInItsHealth() {
        post(5);
        StreamClient client = hub.connect(FakeSink.fast(), new StreamRequest(null, StreamFilter.ALL));
        EventStreamHealthCheck health = new EventStreamHealthCheck(hub);

        assertThat(health.part()).isEqualTo("events");
        assertThat(health.check().up()).isTrue();
        assertThat(health.check().details())
                .containsEntry("clients", 1)
                .containsEntry("lastSeq", 5L)
                .containsEntry("buffered", 3);

        hub.disconnect(client);
        assertThat(health.check().details()).containsEntry("clients", 0);
    }

    @Test
    void withAnEventLogStreamsOnlyTheEventsTheControllerNumbered() {
        EventHub numbered = new EventHub(HubConfig.of(3, 10, 0), new FakeEventLog().start("e"));
        try {
            FakeSink sink = FakeSink.fast();
            numbered.connect(sink, new StreamRequest(null, StreamFilter.ALL));

            numbered.handleEvent(new Event("gantry/node/COMPLETED", Map.of("nodeId", "stray")));
            numbered.handleEvent(new Event("gantry/node/COMPLETED", FakeEventLog.properties("e", 1, "p1", "e1")));

            Poll.until("the numbered event sent", () -> sink.received().size() == 1);
            assertThat(seqs(sink.received())).containsExactly(1L);
            assertThat(numbered.epoch()).isEqualTo("e");
        } finally {
            numbered.stop();
        }
    }

    @Test
    void pingsConnectedClients() {
        FakeSink sink = FakeSink.fast();
        hub.connect(sink, new StreamRequest(null, StreamFilter.ALL));

        Poll.until("a ping", () -> sink.pings() > 0);
    }

    @Test
    void closesClientsAsGoingAwayWhenStopping() {
        FakeSink sink = FakeSink.fast();
        hub.connect(sink, new StreamRequest(null, StreamFilter.ALL));

        hub.stop();

        assertThat(sink.closeStatus()).isEqualTo(1001);
    }
}
