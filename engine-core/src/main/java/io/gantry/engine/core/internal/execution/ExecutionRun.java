package io.gantry.engine.core.internal.execution;

import io.gantry.engine.api.execution.ExecutionError;
import io.gantry.engine.api.execution.ExecutionRecord;
import io.gantry.engine.api.execution.ExecutionStatus;
import io.gantry.engine.api.execution.NodeRecord;
import io.gantry.engine.api.execution.NodeStatus;
import io.gantry.engine.api.execution.SkipReasons;
import io.gantry.engine.api.pipeline.PipelineOutput;
import io.gantry.engine.api.pipeline.PortRef;
import io.gantry.engine.core.internal.plan.ExecutionPlan;
import io.gantry.engine.core.internal.plan.PlanEdge;
import io.gantry.engine.core.internal.plan.PlanNode;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Consumer;

/**
 * One execution of a plan. A node starts as soon as its last dependency is settled (a per-node
 * countdown of incoming edges: data, order and condition), so independent branches overlap. A
 * dependency settles satisfied (its source succeeded, or failed for a failure path) or dead; a
 * node with a dead dependency it needs, or whose condition is false, is skipped, and that skip
 * settles its own successors in turn. A failure without a failure path, or a cancel, stops the
 * run: pending nodes are skipped or cancelled, running ones cancelled. The run ends when every node
 * has.
 */
final class ExecutionRun {
    /** Why the run stops early; set once. */
    private record Stop(ExecutionStatus status, ExecutionError error) {}

    private final EngineContext context;
    private final ExecutionPlan plan;
    private final ExecutionRef ref;
    private final List<Map<String, Object>> runInputs;
    private final Consumer<ExecutionRun> onEnd;
    private final SerialEvents events = new SerialEvents();
    private final NodeRecords records;
    private final Readiness readiness;
    private final AtomicReferenceArray<NodeRun> runs;
    private final AtomicInteger done = new AtomicInteger();
    private final AtomicReference<Stop> stop = new AtomicReference<>();
    private final CompletableFuture<ExecutionRecord> completion = new CompletableFuture<>();
    private final Instant startedAt;
    private volatile ExecutionStatus status = ExecutionStatus.RUNNING;
    private volatile Instant finishedAt;

    ExecutionRun(
            EngineContext context,
            ExecutionPlan plan,
            ExecutionRef ref,
            List<Map<String, Object>> runInputs,
            Consumer<ExecutionRun> onEnd) {
        this.context = context;
        this.plan = plan;
        this.ref = ref;
        this.runInputs = runInputs;
        this.onEnd = onEnd;
        int count = plan.nodeCount();
        this.records = new NodeRecords(plan.nodes());
        this.readiness = new Readiness(plan);
        this.runs = new AtomicReferenceArray<>(count);
        this.startedAt = context.clock().instant();
    }

    ExecutionRef ref() {
        return ref;
    }

    ExecutionPlan plan() {
        return plan;
    }

    NodeRecords records() {
        return records;
    }

    CompletableFuture<ExecutionRecord> completion() {
        return completion;
    }

    void start() {
        events.emit(() -> context.listener().pipelineStarted(ref, startedAt, plan.nodeCount()));
        if (plan.nodeCount() == 0) {
            end();
            return;
        }
        // roots come from the plan, not the countdown, which successors of fast roots already move
        for (PlanNode node : plan.nodes()) {
            if (node.incoming().isEmpty()) {
                ready(node);
            }
        }
    }

    /** @return true when this call stopped the run, false when it was already stopping */
    boolean cancel() {
        return stopWith(
                new Stop(
                        ExecutionStatus.CANCELLED,
                        new ExecutionError(Failure.CANCELLED, "execution cancelled", null, null)),
                NodeStatus.CANCELLED);
    }

    ExecutionRecord snapshot() {
        ExecutionStatus now = status; // read first: finishedAt is written before status
        Instant end = now == ExecutionStatus.RUNNING ? null : finishedAt;
        Stop stopped = stop.get();
        return new ExecutionRecord(
                ref.executionId(),
                ref.pipelineId(),
                ref.pipelineVersion(),
                now,
                startedAt,
                end,
                end == null ? null : end.toEpochMilli() - startedAt.toEpochMilli(),
                done.get(),
                plan.nodeCount(),
                records.snapshot(),
                stopped == null ? null : stopped.error(),
                ref.startedBy(),
                ref.inputs(),
                outputs(),
                ref.parentExecutionId(),
                ref.parentNodeId());
    }

    /** @return the declared outputs whose source node succeeded with a value, by name */
    private Map<String, Object> outputs() {
        if (plan.outputs().isEmpty()) {
            return Map.of();
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (PipelineOutput output : plan.outputs()) {
            PortRef from = PortRef.parse(output.from());
            plan.node(from.nodeId()).map(node -> records.get(node.index())).ifPresent(record -> {
                if (record.status() == NodeStatus.SUCCEEDED && record.outputs().containsKey(from.port())) {
                    values.put(output.name(), record.outputs().get(from.port()));
                }
            });
        }
        return values;
    }

    /**
     * All inputs are in: wait for the device (if any), then for a slot, then start. The device stays
     * locked for the whole node, retries and their backoff included, so no other command slips in
     * between attempts. Slot holders never wait for a device, so the two waits cannot deadlock.
     */
    private void ready(PlanNode node) {
        if (node.deviceId() == null) {
            context.dispatcher().submit(() -> begin(node));
        } else {
            // the device first, then a slot: a node queued behind a busy device holds no slot
            context.deviceLocks().acquire(node.deviceId()).whenComplete((held, refused) -> {
                if (refused == null) {
                    context.dispatcher().submit(() -> begin(node));
                } else {
                    refuse(node, refused);
                }
            });
        }
    }

    /** The node's device queue is full: the node fails at once, holding neither slot nor device. */
    private void refuse(PlanNode node, Throwable refusal) {
        Instant now = context.clock().instant();
        Map<String, Object> inputs = inputsOf(node);
        if (!records.start(node.index(), now, inputs)) {
            return; // skipped or cancelled meanwhile
        }
        Failure failure = Failure.of(refusal, node);
        records.set(
                node.index(),
                new NodeRecord(
                        NodeStatus.FAILED,
                        node.functionId(),
                        null,
                        null,
                        now,
                        0L,
                        0,
                        inputs,
                        Map.of(),
                        failure.toError(node.id()),
                        null,
                        node.when(),
                        0));
        nodeFinished(node, NodeStatus.FAILED, Map.of(), failure, 0, 0);
    }

    private void begin(PlanNode node) {
        Instant now = context.clock().instant();
        Map<String, Object> inputs = inputsOf(node);
        NodeRun run = new NodeRun(this, context, node, inputs, now);
        // published before the record says RUNNING, so a stop that sees RUNNING finds the run to cancel
        runs.set(node.index(), run);
        if (!records.start(node.index(), now, inputs)) {
            release(node); // skipped or cancelled while it waited
            return;
        }
        if (stop.get() != null) {
            run.cancel();
        }
        run.start();
    }

    private Map<String, Object> inputsOf(PlanNode node) {
        Map<String, Object> inputs = new HashMap<>(node.constants());
        Map<String, Object> given = runInputs.get(node.index());
        if (given != null) {
            inputs.putAll(given);
        }
        Object[] values = readiness.values(node.index());
        List<PlanEdge> incoming = node.incoming();
        // backwards, so that of several branches feeding one port (join any) the first edge that ran wins
        for (int i = incoming.size() - 1; i >= 0; i--) {
            PlanEdge edge = incoming.get(i);
            Object value = values[edge.toSlot()];
            if (value != null && edge.kind() == PlanEdge.Kind.DATA) {
                inputs.put(edge.toPort(), value);
            }
        }
        return Collections.unmodifiableMap(inputs);
    }

    void nodeExecuting(PlanNode node, ResolvedNode resolved, Instant at) {
        events.emit(() -> context.listener().nodeExecuting(ref, node, resolved.plugin(), resolved.pluginVersion(), at));
    }

    void nodeIterated(PlanNode node, int iteration, Map<String, Object> outputs, Boolean conditionValue) {
        events.emit(() -> context.listener().nodeIterated(ref, node, iteration, outputs, conditionValue));
    }

    /**
     * Takes the node's device (if any) and a slot again for its next iteration, as {@link #ready} does
     * for its first: queued, never blocking a thread.
     *
     * @param then    runs once both are held; it must lead to one {@link #releaseHold}
     * @param refused runs instead when the device's queue is full; nothing is held then
     */
    void reacquire(PlanNode node, Runnable then, Consumer<Throwable> refused) {
        if (node.deviceId() == null) {
            context.dispatcher().submit(then);
        } else {
            context.deviceLocks().acquire(node.deviceId()).whenComplete((held, refusal) -> {
                if (refusal == null) {
                    context.dispatcher().submit(then);
                } else {
                    refused.accept(refusal);
                }
            });
        }
    }

    /** Gives back the node's slot and device while it waits between iterations, or once it ended. */
    void releaseHold(PlanNode node) {
        release(node);
    }

    void nodeRetrying(PlanNode node, int nextAttempt, long delayMs, ExecutionError reason) {
        events.emit(() -> context.listener().nodeRetrying(ref, node, nextAttempt, delayMs, reason));
    }

    /**
     * Called once per started node, after its record holds the final state.
     *
     * @param holding true when the node still holds its slot and device (false when it ended while
     *     waiting between iterations, having given them back)
     */
    void nodeEnded(
            PlanNode node,
            NodeStatus status,
            Map<String, Object> outputs,
            Failure failure,
            long durationMs,
            int attempts,
            boolean holding) {
        if (holding) {
            release(node);
        }
        nodeFinished(node, status, outputs, failure, durationMs, attempts);
    }

    private void nodeFinished(
            PlanNode node,
            NodeStatus status,
            Map<String, Object> outputs,
            Failure failure,
            long durationMs,
            int attempts) {
        if (status == NodeStatus.SUCCEEDED) {
            // the event goes out before any successor can start, so listeners see causal order
            events.emit(() -> context.listener().nodeCompleted(ref, node, outputs, durationMs, attempts));
            if (stop.get() == null) {
                settleSuccessors(node, NodeStatus.SUCCEEDED, outputs);
            }
        } else {
            ExecutionError error = failure.toError(node.id());
            events.emit(() -> context.listener().nodeFailed(ref, node, status, error, durationMs, attempts));
            if (status == NodeStatus.FAILED) {
                if (node.hasFailurePath()) {
                    // handled: the failure paths run, what needed the node's success is skipped
                    if (stop.get() == null) {
                        settleSuccessors(node, NodeStatus.FAILED, Map.of());
                    }
                } else {
                    stopWith(new Stop(ExecutionStatus.FAILED, error), NodeStatus.SKIPPED);
                }
            }
        }
        countDone();
    }

    /**
     * The node ended (succeeded, or failed with a failure path): settle what depends on it. Nodes
     * this skips settle their own successors here too, in a loop rather than by recursion, so a long
     * skipped chain needs no deep stack.
     */
    private void settleSuccessors(PlanNode node, NodeStatus status, Map<String, Object> outputs) {
        Deque<PlanNode> skipped = settle(node, status, outputs, null);
        while (skipped != null && !skipped.isEmpty()) {
            PlanNode next = skipped.poll();
            if (stop.get() == null) {
                skipped = settle(next, NodeStatus.SKIPPED, Map.of(), skipped);
            }
            countDone(); // after its successors are settled, so the run cannot end before they are
        }
    }

    /** @return {@code skipped} (created when null) with the successors this skipped, if any */
    private Deque<PlanNode> settle(
            PlanNode node, NodeStatus status, Map<String, Object> outputs, Deque<PlanNode> skipped) {
        for (PlanEdge edge : node.outgoing()) {
            int state = readiness.settle(edge, status, outputs);
            if (Readiness.isSettled(state)) {
                PlanNode successor = plan.nodes().get(edge.toNode());
                String reason = readiness.skipReason(successor, state);
                if (reason == null) {
                    ready(successor);
                } else if (claimSkip(successor, reason)) {
                    if (skipped == null) {
                        skipped = new ArrayDeque<>();
                    }
                    skipped.add(successor);
                }
            }
        }
        return skipped;
    }

    /** @return true when the pending node is now SKIPPED and announced; false when the run stopped it first */
    private boolean claimSkip(PlanNode node, String reason) {
        String branch = SkipReasons.CONDITION_FALSE.equals(reason) ? node.when() : null;
        if (!records.skip(node.index(), NodeStatus.SKIPPED, reason, branch)) {
            return false; // the run stopped meanwhile, which skipped or cancelled it
        }
        events.emit(() -> context.listener().nodeSkipped(ref, node, NodeStatus.SKIPPED, reason));
        return true;
    }

    private void release(PlanNode node) {
        context.dispatcher().release();
        if (node.deviceId() != null) {
            context.deviceLocks().release(node.deviceId());
        }
    }

    private boolean stopWith(Stop reason, NodeStatus pendingBecome) {
        if (!stop.compareAndSet(null, reason)) {
            return false;
        }
        String skipReason = pendingBecome == NodeStatus.SKIPPED ? SkipReasons.RUN_FAILED : null;
        for (PlanNode node : plan.nodes()) {
            if (records.skip(node.index(), pendingBecome, skipReason, null)) {
                events.emit(() -> context.listener().nodeSkipped(ref, node, pendingBecome, skipReason));
                countDone();
            } else {
                NodeRun run = runs.get(node.index());
                if (run != null) {
                    run.cancel();
                }
            }
        }
        return true;
    }

    private void countDone() {
        if (done.incrementAndGet() == plan.nodeCount()) {
            end();
        }
    }

    private void end() {
        Stop stopped = stop.get();
        finishedAt = context.clock().instant();
        status = stopped == null ? ExecutionStatus.SUCCEEDED : stopped.status();
        ExecutionRecord last = snapshot();
        onEnd.accept(this);
        events.emit(() -> context.listener().pipelineEnded(ref, last));
        // completes after the last event went out, so a waiter sees every event delivered
        events.emit(() -> completion.complete(last));
    }
}
