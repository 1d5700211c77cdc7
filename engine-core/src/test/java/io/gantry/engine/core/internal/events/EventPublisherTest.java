package io.gantry.engine.core.internal.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.gantry.engine.api.event.EventProperties;
import io.gantry.engine.api.event.Topics;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

class EventPublisherTest {
    private final GatedBus bus = new GatedBus();
    private EventPublisher publisher;

    @AfterEach
    void stop() throws InterruptedException {
        bus.open();
        publisher.stop();
    }

    @Test
    void deliversEventsInTheOrderTheyWerePublishedWithATimestamp() {
        bus.open();
        publisher = new EventPublisher(bus, 100, 5_000, 5_000);
        for (int i = 0; i < 50; i++) {
            publisher.publish("gantry/test/E", Map.of("i", i));
        }
        await(() -> bus.delivered.size() == 50);
        assertThat(bus.delivered)
                .extracting(event -> event.getProperty("i"))
                .containsExactlyElementsOf(IntStream.range(0, 50).boxed().toList());
        assertThat(bus.delivered.get(0).getProperty(EventProperties.TIMESTAMP)).isNotNull();
    }

    @Test
    void leavesNullValuesOut() {
        bus.open();
        publisher = new EventPublisher(bus, 10, 5_000, 5_000);
        HashMap<String, Object> properties = new HashMap<>();
        properties.put("kept", 1);
        properties.put("absent", null);
        publisher.publish("gantry/test/E", properties);
        await(() -> bus.delivered.size() == 1);
        assertThat(bus.delivered.get(0).containsProperty("absent")).isFalse();
        assertThat(bus.delivered.get(0).getProperty("kept")).isEqualTo(1);
    }

    @Test
    void aBlockedHandlerNeverBlocksThePublisherAndDropsAreAnnouncedWhereTheyHappened() throws Exception {
        publisher = new EventPublisher(bus, 4, 60_000, 5_000);
        publisher.publish("gantry/test/FIRST", Map.of());
        bus.awaitHeld();
        // the deliverer is held by the first event: 4 fit in the queue, the 6 after them are dropped
        long started = System.nanoTime();
        for (int i = 0; i < 10; i++) {
            publisher.publish("gantry/test/E", Map.of("i", i));
        }
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        assertThat(publisher.dropped()).isEqualTo(6);
        assertThat(publisher.backlog()).isEqualTo(4);

        bus.open();
        // the notice goes out once the queued events are delivered, where the lost ones would have been
        await(() -> bus.delivered.size() == 6);
        publisher.publish("gantry/test/LAST", Map.of());
        await(() -> bus.delivered.size() == 7);
        List<String> topics = bus.delivered.stream().map(Event::getTopic).toList();
        assertThat(topics)
                .containsExactly(
                        "gantry/test/FIRST",
                        "gantry/test/E",
                        "gantry/test/E",
                        "gantry/test/E",
                        "gantry/test/E",
                        Topics.EVENTS_DROPPED,
                        "gantry/test/LAST");
        assertThat(bus.delivered.get(5).getProperty(EventProperties.DROPPED)).isEqualTo(6L);
    }

    @Test
    void aHandlerHoldingADeliveryPastTheLimitIsNamedInTheHealthReport() throws Exception {
        publisher = new EventPublisher(bus, 4, 50, 5_000);
        assertThat(publisher.check().up()).isTrue();
        publisher.publish("gantry/test/E", Map.of());
        bus.awaitHeld();
        await(() -> !publisher.check().up());
        assertThat(String.valueOf(publisher.check().details().get("reason"))).contains(GatedBus.class.getName());

        bus.open();
        await(() -> publisher.check().up());
    }

    @Test
    void stoppingWhileAHandlerHoldsADeliveryCountsTheEventsLeftUndeliveredAsDropped() throws Exception {
        publisher = new EventPublisher(bus, 10, 60_000, 50);
        publisher.publish("gantry/test/FIRST", Map.of());
        bus.awaitHeld();
        publisher.publish("gantry/test/E", Map.of());
        publisher.publish("gantry/test/E", Map.of());

        // the handler holds past the drain time: stop() interrupts; the handler returns with the flag set
        publisher.stop();

        assertThat(bus.delivered).extracting(Event::getTopic).containsExactly("gantry/test/FIRST");
        assertThat(publisher.dropped()).isEqualTo(2);
        assertThat(publisher.backlog()).isZero();
    }

    private static void await(BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition not met within 10 s").isLessThan(deadline);
            Thread.onSpinWait();
        }
    }

    /** An EventAdmin whose one handler ({@link #handleEvent}) waits until the gate is opened. */
    static final class GatedBus implements EventAdmin {
        final List<Event> delivered = new CopyOnWriteArrayList<>();
        private final CountDownLatch gate = new CountDownLatch(1);
        private final CountDownLatch held = new CountDownLatch(1);

        @Override
        public void postEvent(Event event) {
            throw new UnsupportedOperationException("the publisher delivers synchronously");
        }

        @Override
        public void sendEvent(Event event) {
            handleEvent(event);
        }

        void handleEvent(Event event) {
            held.countDown();
            try {
                gate.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            delivered.add(event);
        }

        void open() {
            gate.countDown();
        }

        void awaitHeld() throws InterruptedException {
            assertThat(held.await(10, TimeUnit.SECONDS))
                    .as("the deliverer reached the handler")
                    .isTrue();
        }
    }
}
