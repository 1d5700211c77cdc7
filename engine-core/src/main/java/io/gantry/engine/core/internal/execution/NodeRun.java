package io.gantry.engine.core.internal.execution;

import io.gantry.engine.api.error.DeviceTimeoutException;
import io.gantry.engine.api.error.ExecutionCancelledException;
import io.gantry.engine.api.error.GantryException;
import io.gantry.engine.api.execution.NodeRecord;
import io.gantry.engine.api.execution.NodeStatus;
import io.gantry.engine.api.pipeline.RetrySpec;
import io.gantry.engine.core.internal.logging.MdcKeys;
import io.gantry.engine.core.internal.plan.PlanNode;
import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.MDC;

/**
 * Runs one started node to its end: resolves its function and device, calls it with a timeout, and
 * retries retryable failures after a backoff, all without blocking a thread. Ends exactly once, with
 * outputs, a failure, or a cancel, whichever comes first.
 */
final class NodeRun {
    private final ExecutionRun run;
    private final EngineContext context;
    private final PlanNode node;
    private final Map<String, Object> inputs;
    private final RetrySpec retry;
    private final long timeoutMs;
    private final Instant startedAt;
    private final long startMillis;
    private final AtomicBoolean finished = new AtomicBoolean();
    private volatile boolean cancelled;
    /** The latest attempt; a cancel abandons it. */
    private volatile NodeInvocation current;
    /** True while waiting to retry, when no attempt can notice a cancel. */
    private volatile boolean inBackoff;

    private volatile int attempts;
    private volatile ResolvedNode target;

    NodeRun(ExecutionRun run, EngineContext context, PlanNode node, Map<String, Object> inputs, Instant startedAt) {
        this.run = run;
        this.context = context;
        this.node = node;
        this.inputs = inputs;
        this.retry = node.retry() != null ? node.retry() : context.config().defaultRetry();
        this.timeoutMs = timeoutOf(node, context.config());
        this.startedAt = startedAt;
        this.startMillis = startedAt.toEpochMilli();
    }

    private static long timeoutOf(PlanNode node, EngineConfig config) {
        if (node.timeoutMs() != null) {
            return node.timeoutMs();
        }
        return node.function().defaultTimeoutMs() > 0 ? node.function().defaultTimeoutMs() : config.defaultTimeoutMs();
    }

    void start() {
        attempt(1);
    }

    /**
     * Stops the node: abandons the attempt in progress, or ends the node at once while it waits to
     * retry. An attempt being set up checks the flag after publishing itself, so one side always acts.
     */
    void cancel() {
        cancelled = true;
        NodeInvocation invocation = current;
        if (invocation != null) {
            invocation.abandon(cancellation());
        }
        if (inBackoff) {
            finish(NodeStatus.CANCELLED, Map.of(), Failure.of(cancellation(), node));
        }
    }

    private void attempt(int attempt) {
        inBackoff = false;
        if (finished.get()) {
            return;
        }
        ResolvedNode resolved;
        try {
            resolved = context.resolver().resolve(node);
            if (resolved.device() != null) {
                attempts = attempt; // a refused call is an attempt the record shows
                context.guard().admit(node);
            }
        } catch (RuntimeException e) {
            failed(attempt, Failure.of(e, node));
            return;
        }
        attempts = attempt;
        target = resolved;
        if (attempt == 1) {
            run.nodeExecuting(node, resolved, startedAt);
        }
        run.records().replaceRunning(node.index(), running());
        Instant deadline = context.clock().instant().plusMillis(timeoutMs);
        NodeInvocation invocation =
                new NodeInvocation(run.ref().executionId(), node, attempt, inputs, resolved.device(), deadline);
        current = invocation;
        if (cancelled) {
            invocation.abandon(cancellation());
        }
        ScheduledFuture<?> timer = context.scheduler()
                .schedule(() -> invocation.abandon(timeout(resolved)), timeoutMs, TimeUnit.MILLISECONDS);
        invocation.outcome().whenComplete((outputs, error) -> {
            timer.cancel(false);
            Failure failure = error == null ? null : Failure.of(explained(resolved, error), node);
            if (resolved.device() != null) {
                context.guard().record(node, failure == null ? null : failure.toError(node.id()));
            }
            if (failure == null) {
                finish(NodeStatus.SUCCEEDED, outputs, null);
            } else {
                failed(attempt, failure);
            }
        });
        if (!invocation.outcome().isDone()) {
            call(resolved, invocation);
        }
    }

    private void call(ResolvedNode resolved, NodeInvocation invocation) {
        // what the function logs while it is called names the run and the node (not what it logs
        // later from threads of its own)
        try (MDC.MDCCloseable execution =
                        MDC.putCloseable(MdcKeys.EXECUTION_ID, run.ref().executionId());
                MDC.MDCCloseable nodeId = MDC.putCloseable(MdcKeys.NODE_ID, node.id())) {
            CompletionStage<Map<String, Object>> answer = resolved.function().invoke(invocation);
            answer.whenComplete(invocation::answer);
        } catch (RuntimeException e) {
            invocation.answer(null, e);
        }
    }

    private Throwable explained(ResolvedNode resolved, Throwable error) {
        Throwable cause = Failure.unwrap(error);
        return cancelled || cause instanceof ExecutionCancelledException
                ? cause
                : context.resolver().explain(node, resolved, cause);
    }

    private void failed(int attempt, Failure failure) {
        if (cancelled || failure.isCancellation()) {
            finish(
                    NodeStatus.CANCELLED,
                    Map.of(),
                    failure.isCancellation() ? failure : Failure.of(cancellation(), node));
            return;
        }
        if (!failure.retryable() || attempt >= retry.maxAttempts()) {
            finish(NodeStatus.FAILED, Map.of(), failure);
            return;
        }
        long delayMs = Backoff.delayAfter(retry, attempt);
        run.nodeRetrying(node, attempt + 1, delayMs, failure.toError(node.id()));
        inBackoff = true;
        if (cancelled) {
            // a cancel that came before inBackoff was set abandoned only the failed attempt
            finish(NodeStatus.CANCELLED, Map.of(), Failure.of(cancellation(), node));
            return;
        }
        Runnable next = () -> context.executor().execute(() -> attempt(attempt + 1));
        if (delayMs == 0) {
            next.run();
        } else {
            context.scheduler().schedule(next, delayMs, TimeUnit.MILLISECONDS);
        }
    }

    private void finish(NodeStatus status, Map<String, Object> outputs, Failure failure) {
        if (!finished.compareAndSet(false, true)) {
            return;
        }
        long durationMs = context.clock().millis() - startMillis;
        Map<String, Object> kept = outputs.isEmpty() ? Map.of() : Collections.unmodifiableMap(new HashMap<>(outputs));
        ResolvedNode resolved = target;
        run.records()
                .set(
                        node.index(),
                        new NodeRecord(
                                status,
                                node.functionId(),
                                resolved == null ? null : resolved.plugin(),
                                resolved == null ? null : resolved.pluginVersion(),
                                startedAt,
                                durationMs,
                                attempts,
                                inputs,
                                kept,
                                failure == null ? null : failure.toError(node.id()),
                                null,
                                node.when()));
        run.nodeEnded(node, status, kept, failure, durationMs, attempts);
    }

    private NodeRecord running() {
        ResolvedNode resolved = target;
        return new NodeRecord(
                NodeStatus.RUNNING,
                node.functionId(),
                resolved.plugin(),
                resolved.pluginVersion(),
                startedAt,
                null,
                attempts,
                inputs,
                Map.of(),
                null,
                null,
                node.when());
    }

    private ExecutionCancelledException cancellation() {
        return new ExecutionCancelledException("node '" + node.id() + "' was cancelled");
    }

    private GantryException timeout(ResolvedNode resolved) {
        if (resolved.device() != null) {
            return new DeviceTimeoutException(
                    node.deviceId(),
                    "node '" + node.id() + "': device '" + node.deviceId() + "' did not answer within " + timeoutMs
                            + " ms");
        }
        return new NodeTimeoutException("node '" + node.id() + "': function '" + node.functionId()
                + "' did not answer within " + timeoutMs + " ms");
    }
}
