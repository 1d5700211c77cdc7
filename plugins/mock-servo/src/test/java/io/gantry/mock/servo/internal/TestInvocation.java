package io.gantry.mock.servo.internal;

import io.gantry.engine.api.device.Device;
import io.gantry.engine.api.function.Invocation;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** A call of a servo function as the controller would make it, with a cancel the test can trigger. */
final class TestInvocation implements Invocation {
    private final Device device;
    private final Map<String, Object> inputs;
    private final List<Runnable> cancelActions = new CopyOnWriteArrayList<>();
    private volatile boolean cancelled;

    TestInvocation(Device device, Map<String, Object> inputs) {
        this.device = device;
        this.inputs = inputs;
    }

    /** Cancels the call as the controller does on a timeout or a cancelled run. */
    void cancel() {
        cancelled = true;
        cancelActions.forEach(Runnable::run);
    }

    @Override
    public String executionId() {
        return "exec-1";
    }

    @Override
    public String nodeId() {
        return "move1";
    }

    @Override
    public int attempt() {
        return 1;
    }

    @Override
    public Map<String, Object> inputs() {
        return inputs;
    }

    @Override
    public Map<String, Object> params() {
        return Map.of();
    }

    @Override
    public <D extends Device> D device(Class<D> type) {
        return type.cast(device);
    }

    @Override
    public Instant deadline() {
        return Instant.now().plusSeconds(60);
    }

    @Override
    public boolean isCancelled() {
        return cancelled;
    }

    @Override
    public void onCancel(Runnable action) {
        if (cancelled) {
            action.run();
        } else {
            cancelActions.add(action);
        }
    }
}
