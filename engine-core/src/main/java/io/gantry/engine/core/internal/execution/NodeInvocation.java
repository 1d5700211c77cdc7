package io.gantry.engine.core.internal.execution;

import io.gantry.engine.api.device.Device;
import io.gantry.engine.api.function.Invocation;
import io.gantry.engine.core.internal.plan.PlanNode;
import java.time.Instant;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One attempt of one node. Its {@link #outcome()} settles once, with whichever comes first: the
 * function's answer, the timeout, or a cancel. After a timeout or cancel the function's late answer is
 * ignored, the invocation reads as cancelled, onCancel actions run and the device is told to stop.
 */
final class NodeInvocation implements Invocation {
    private static final Logger LOG = LoggerFactory.getLogger(NodeInvocation.class);

    private final String executionId;
    private final String nodeId;
    private final int attempt;
    private final Map<String, Object> inputs;
    private final Map<String, Object> params;
    private final Device device;
    private final Instant deadline;
    private final CompletableFuture<Map<String, Object>> outcome = new CompletableFuture<>();
    /** Won by the first of answer, timeout and cancel. */
    private final AtomicBoolean settled = new AtomicBoolean();

    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final Queue<Runnable> cancelActions = new ConcurrentLinkedQueue<>();

    NodeInvocation(
            String executionId,
            PlanNode node,
            int attempt,
            Map<String, Object> inputs,
            Device device,
            Instant deadline) {
        this.executionId = executionId;
        this.nodeId = node.id();
        this.attempt = attempt;
        this.inputs = inputs;
        this.params = node.definition().params();
        this.device = device;
        this.deadline = deadline;
    }

    /** @return the attempt's result; fails with the function's error, a timeout or a cancellation */
    CompletableFuture<Map<String, Object>> outcome() {
        return outcome;
    }

    /** Takes the function's answer, unless the attempt was already settled otherwise. */
    void answer(Map<String, Object> outputs, Throwable error) {
        if (!settled.compareAndSet(false, true)) {
            return;
        }
        if (error != null) {
            outcome.completeExceptionally(error);
        } else {
            outcome.complete(outputs == null ? Map.of() : outputs);
        }
    }

    /**
     * Cancels the call and then ends the attempt with the given error (a timeout or a cancellation),
     * so the device is stopped and onCancel actions have run before anyone sees the attempt end.
     */
    void abandon(Throwable reason) {
        if (settled.compareAndSet(false, true)) {
            cancel();
            outcome.completeExceptionally(reason);
        }
    }

    private void cancel() {
        if (!cancelled.compareAndSet(false, true)) {
            return;
        }
        runCancelActions();
        if (device != null) {
            try {
                device.stop();
            } catch (RuntimeException e) {
                LOG.warn("node '{}': stopping the device failed", nodeId, e);
            }
        }
    }

    private void runCancelActions() {
        // poll so each action runs once even when onCancel races with cancel
        for (Runnable action = cancelActions.poll(); action != null; action = cancelActions.poll()) {
            try {
                action.run();
            } catch (RuntimeException e) {
                LOG.warn("node '{}': an onCancel action failed", nodeId, e);
            }
        }
    }

    @Override
    public String executionId() {
        return executionId;
    }

    @Override
    public String nodeId() {
        return nodeId;
    }

    @Override
    public int attempt() {
        return attempt;
    }

    @Override
    public Map<String, Object> inputs() {
        return inputs;
    }

    @Override
    public Map<String, Object> params() {
        return params;
    }

    @Override
    public <D extends Device> D device(Class<D> type) {
        if (device == null) {
            throw new IllegalStateException("node '" + nodeId + "' runs a pure function and has no device");
        }
        if (!type.isInstance(device)) {
            throw new IllegalStateException(
                    "node '" + nodeId + "': device is a " + device.getClass().getName() + ", not a " + type.getName());
        }
        return type.cast(device);
    }

    @Override
    public Instant deadline() {
        return deadline;
    }

    @Override
    public boolean isCancelled() {
        return cancelled.get();
    }

    @Override
    public void onCancel(Runnable action) {
        cancelActions.add(action);
        if (cancelled.get()) {
            runCancelActions();
        }
    }
}
