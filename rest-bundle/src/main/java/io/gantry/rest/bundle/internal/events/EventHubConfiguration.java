package io.gantry.rest.bundle.internal.events;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Settings of the WebSocket event stream (PID {@code io.gantry.rest.bundle.internal.events.EventHub}). */
@ObjectClassDefinition(name = "Gantry event stream")
@interface EventHubConfiguration {
    /*
     * Older events come from the durable event log; the ring only has to bridge what the log has not
     * written yet (one commit, milliseconds). Under load it is the largest set of objects that outlive a
     * young collection: 10,000 events cost about 0.7 s of full collections in every 10 s of the 10-node
     * load at 16 connections, 2,048 about 0.45 s.
     */
    @AttributeDefinition(
            description = "Events kept in memory for clients that reconnect with since= (older ones are read "
                    + "from the event log)")
    int bufferSize() default 2_048;

    /*
     * 50,000 is about 11 s behind at 4,400 events/s (10-node runs at 200/s): a healthy client
     * that a GC pause or a busy core holds up for a moment catches up, one that cannot keep up for
     * seconds on end is closed. A queued event is a reference to the one event the ring and every other
     * client share, so what a slow client holds is at most that many events, however many clients.
     */
    @AttributeDefinition(description = "Live events queued for one client before it is closed as too slow (1008)")
    int clientQueueSize() default 50_000;

    /*
     * The bound that protects the heap: a client holds at most this much of events (estimated from
     * their values) before it is closed; 32 MiB is about 10 s of 10-node runs at 200/s, and 2,000
     * events of 16 KiB. Events queued for several clients are shared, so what slow clients pin together
     * is about what the slowest pins.
     */
    @AttributeDefinition(
            description = "Bytes of live events (estimated) queued for one client before it is closed as too slow"
                    + " (1008)")
    long clientQueueBytes() default 32L * 1024 * 1024;

    @AttributeDefinition(description = "Seconds between pings that keep idle connections open; 0 for none")
    int pingIntervalSeconds() default 30;

    @AttributeDefinition(description = "Seconds without any traffic after which Jetty closes a connection")
    int idleTimeoutSeconds() default 300;
}
