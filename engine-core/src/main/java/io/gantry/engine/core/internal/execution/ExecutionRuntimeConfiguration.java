package io.gantry.engine.core.internal.execution;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Settings of the execution runtime (PID {@code io.gantry.engine.core.internal.execution.ExecutionRuntime}). */
@ObjectClassDefinition(name = "Gantry execution runtime")
@interface ExecutionRuntimeConfiguration {
    @AttributeDefinition(description = "Nodes running at once across all executions; the rest wait in FIFO order")
    int maxNodesInFlight() default 64;

    @AttributeDefinition(
            description = "Threads that start nodes; functions are asynchronous, so few are needed. "
                    + "0 for twice the processors (at least 4)")
    int workerThreads() default 0;

    @AttributeDefinition(description = "Timeout of one attempt when neither the node nor its function sets one, in ms")
    long defaultTimeoutMs() default 30_000;

    @AttributeDefinition(description = "Attempts of a node that sets no retry policy (1 = no retry)")
    int defaultMaxAttempts() default 1;

    @AttributeDefinition(
            description = "Delay before the first retry of such a node, in ms (doubled per retry, 10% jitter)")
    long defaultBackoffMs() default 200;

    @AttributeDefinition(
            description = "Nodes that may wait for one busy device; the next fails at once (a bulkhead: "
                    + "a stalled device cannot pile up work without bound)")
    int maxQueuedPerDevice() default 100;
}
