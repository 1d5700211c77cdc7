package io.gantry.rest.bundle.internal.events;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Settings of the WebSocket event stream (PID {@code io.gantry.rest.bundle.internal.events.EventHub}). */
@ObjectClassDefinition(name = "Gantry event stream")
@interface EventHubConfiguration {
    @AttributeDefinition(description = "Events kept in memory for clients that reconnect with since=<seq>")
    int bufferSize() default 10_000;

    @AttributeDefinition(description = "Live events queued for one client before it is closed as too slow (1008)")
    int clientQueueSize() default 1_000;

    @AttributeDefinition(description = "Seconds between pings that keep idle connections open; 0 for none")
    int pingIntervalSeconds() default 30;

    @AttributeDefinition(description = "Seconds without any traffic after which Jetty closes a connection")
    int idleTimeoutSeconds() default 300;
}
