package io.gantry.engine.core.internal.storage;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of the SQLite store, PID {@value #PID}. */
@ObjectClassDefinition(
        name = "Gantry storage (SQLite)",
        description = "Where pipelines, devices, execution records, users and the audit trail are kept, "
                + "and for how long.")
@interface StorageConfiguration {
    /** The configuration PID. */
    String PID = "io.gantry.engine.storage";

    /** The placeholder replaced by the framework property {@code gantry.data}. */
    String DATA_PLACEHOLDER = "${gantry.data}";

    /** @return the database file */
    @AttributeDefinition(
            name = "Database file",
            description = "Path of the SQLite file; " + DATA_PLACEHOLDER + " is the framework or system property "
                    + "gantry.data, ./data when unset. The folder is created when missing.")
    String databaseFile() default DATA_PLACEHOLDER + "/gantry.db";

    /** @return how many executions to keep at least */
    @AttributeDefinition(
            name = "Executions kept",
            description = "Finished executions beyond this many newest are deleted; 0 keeps any number.")
    int retentionCount() default 10_000;

    /** @return the age in days after which a finished execution is deleted */
    @AttributeDefinition(
            name = "Execution retention (days)",
            description = "Finished executions older than this are deleted; 0 keeps them regardless of age.")
    int retentionAgeDays() default 30;

    /** @return the age in days after which an audit entry is deleted */
    @AttributeDefinition(
            name = "Audit retention (days)",
            description = "Audit entries older than this are deleted; 0 keeps them regardless of age.")
    int auditRetentionDays() default 365;
}
