package io.gantry.rest.bundle.internal.resources;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Settings of the execution endpoints, PID {@value #PID}; both execution resources read it.
 */
@ObjectClassDefinition(name = "Gantry REST executions")
@interface ExecutionConfiguration {
    /** The configuration PID. */
    String PID = "io.gantry.rest.executions";

    @AttributeDefinition(description = "Longest time a ?wait=true request blocks, in seconds; then it answers 202")
    long maxWaitSeconds() default 300;
}
