package io.gantry.engine.core.internal.events;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Settings of the durable event log, PID {@value #PID}. */
@ObjectClassDefinition(
        name = "Gantry event log",
        description = "Every gantry/* event kept on disk, for clients that resume after a drop or a restart.")
@interface EventLogConfiguration {
    /** The configuration PID. */
    String PID = "io.gantry.engine.events";

    @AttributeDefinition(
            description = "The event log's SQLite file, a database of its own beside the controller's; "
                    + "${gantry.data} is the data folder")
    String databaseFile() default "${gantry.data}/events.db";

    @AttributeDefinition(
            description = "Events kept, the newest; whole commits are deleted, so up to one commit's worth more "
                    + "stay; 0 keeps any number")
    long retentionCount() default 200_000;

    @AttributeDefinition(description = "Events older than this many hours are deleted; 0 keeps them regardless of age")
    long retentionAgeHours() default 168;

    @AttributeDefinition(
            description = "Events waiting to be written; beyond this (the disk cannot keep up) new ones are "
                    + "not kept, and a reader sees their numbers missing")
    int queueCapacity() default 65_536;

    @AttributeDefinition(description = "How often old events are deleted, in seconds")
    long pruneEverySeconds() default 10;
}
