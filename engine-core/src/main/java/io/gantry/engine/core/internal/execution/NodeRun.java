package io.gantry.engine.core.internal.execution;

import io.gantry.engine.api.error.DeviceTimeoutException;
import io.gantry.engine.api.error.ExecutionCancelledException;
import io.gantry.engine.api.error.GantryException;
import io.gantry.engine.api.execution.NodeRecord;
import io.gantry.engine.api.execution.NodeStatus;
import io.gantry.engine.api.pipeline.RepeatSpec;
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
 *
 * <p>A node with {@code repeat} runs iteration after iteration, each one a call with its own retries
 * and timeouts. Between two iterations it gives back its slot and device and waits on the scheduler,
 * then queues for both again like any node: no thread waits, and other nodes may use the device
 * meanwhile. A cancel during that wait ends the node at once.
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

    /** Attempts of the current iteration. */
    private volatile int attempts;
    /** Attempts of the iterations before the current one. */
    private volatile int earlierAttempts;

    private volatile ResolvedNode target;

    private final RepeatSpec repeat;
    /** The current iteration, from 1. */
    private volatile int iteration = 1;
    /** Between iterations: neither slot nor device held, the wake-up due. Guarded by this. */
    private boolean waiting;
    /** Whether the node holds its slot (and device); false only while waiting. Guarded by this. */
    private boolean holding = true;

    private volatile ScheduledFuture<?> wake;

    NodeRun(ExecutionRun run, EngineContext context, PlanNode node, Map<String, Object> inputs, Instant startedAt) {
        this.run = run;
        this.context = context;
        this.node = node;
        this.inputs = inputs;
        this.retry = node.retry() != null ? node.retry() : context.config().defaultRetry();
        this.timeoutMs = timeoutOf(node, context.config());
        this.repeat = node.definition().repeat();
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
        endWaiting();
    }

    /** Ends the node CANCELLED if it waits between iterations; the wake-up, if it still comes, does nothing. */
    private void endWaiting() {
        synchronized (this) {
            if (!waiting) {
                return;
            }
            waiting = false;
        }
        ScheduledFuture<?> due = wake;
        if (due != null) {
            due.cancel(false);
        }
        finish(NodeStatus.CANCELLED, Map.of(), Failure.of(cancellation(), node));
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
        if (attempt == 1 && iteration == 1) {
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
                succeeded(outputs);
            } else {
                failed(attempt, failure);
            }
        });
        if (!invocation.outcome().isDone()) {
            call(resolved, invocation);
        }
    }

    /** An iteration (or the only run) ended with outputs: end the node, or run it again. */
    private void succeeded(Map<String, Object> outputs) {
        if (repeat == null) {
            finish(NodeStatus.SUCCEEDED, outputs, null);
            return;
        }
        int done = iteration;
        Boolean value = repeat.polls() ? Boolean.TRUE.equals(outputs.get(repeat.until())) : null;
        run.nodeIterated(node, done, outputs, value);
        if (repeat.polls() ? value : done >= repeat.bound()) {
            finish(NodeStatus.SUCCEEDED, outputs, null);
        } else if (done >= repeat.bound()) {
            finish(
                    NodeStatus.FAILED,
                    Map.of(),
                    Failure.exhausted(
                            node,
                            "node '" + node.id() + "': output '" + repeat.until() + "' was still false after " + done
                                    + " iterations (maxIterations " + repeat.bound() + ")"));
        } else {
            nextIteration();
        }
    }

    /** Gives back slot and device, waits the interval on the scheduler, then queues for both again. */
    private void nextIteration() {
        synchronized (this) {
            waiting = true;
            holding = false;
        }
        run.releaseHold(node);
        Runnable wakeUp = () -> run.reacquire(node, this::resume, this::refused);
        long delayMs = repeat.interval();
        if (delayMs == 0) {
            wakeUp.run();
        } else {
            ScheduledFuture<?> due = context.scheduler().schedule(wakeUp, delayMs, TimeUnit.MILLISECONDS);
            wake = due;
            if (!isWaiting()) {
                due.cancel(false); // a cancel ended the wait before it could see the wake-up to withdraw
            }
        }
        if (cancelled) {
            endWaiting(); // a cancel before waiting was set found nothing to end
        }
    }

    private synchronized boolean isWaiting() {
        return waiting;
    }

    /** Slot and device are held again: start the next iteration, unless a cancel ended the node. */
    private void resume() {
        boolean mine;
        synchronized (this) {
            mine = waiting;
            if (mine) {
                waiting = false;
                holding = true;
            }
        }
        if (!mine) {
            run.releaseHold(node); // a cancel ended the node while this waited for slot and device
            return;
        }
        earlierAttempts += attempts;
        attempts = 0;
        iteration++;
        attempt(1);
    }

    /** The device's queue was full when the next iteration asked for it: the node fails like any refused call. */
    private void refused(Throwable refusal) {
        synchronized (this) {
            if (!waiting) {
                return;
            }
            waiting = false;
        }
        finish(NodeStatus.FAILED, Map.of(), Failure.of(refusal, node));
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
        boolean release;
        synchronized (this) {
            release = holding;
            holding = false;
        }
        int allAttempts = earlierAttempts + attempts;
        int iterations = repeat == null ? 0 : iteration;
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
                                allAttempts,
                                inputs,
                                kept,
                                failure == null ? null : failure.toError(node.id()),
                                null,
                                node.when(),
                                iterations));
        run.nodeEnded(node, status, kept, failure, durationMs, allAttempts, release);
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
                earlierAttempts + attempts,
                inputs,
                Map.of(),
                null,
                null,
                node.when(),
                repeat == null ? 0 : iteration);
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
