package io.gantry.core.functions.internal;

import io.gantry.engine.api.device.Device;
import io.gantry.engine.api.function.Invocation;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A call of a pure function as the controller would make it: inputs already merged with the port
 * constants from params, no device, and a cancel the test can trigger.
 */
record TestInvocation(Map<String, Object> inputs, Map<String, Object> params, List<Runnable> cancelActions)
        implements Invocation {

    TestInvocation(Map<String, Object> inputs, Map<String, Object> params) {
        this(inputs, params, new CopyOnWriteArrayList<>());
    }

    /** Cancels the call as the controller does on a timeout or a cancelled run. */
    void cancel() {
        cancelActions.forEach(Runnable::run);
    }

    @Override
    public String executionId() {
        return "exec-7";
    }

    @Override
    public String nodeId() {
        return "node-3";
    }

    @Override
    public int attempt() {
        return 1;
    }

    @Override
    public <D extends Device> D device(Class<D> type) {
        throw new IllegalStateException("a pure function has no device");
    }

    @Override
    public Instant deadline() {
        return Instant.now().plusSeconds(60);
    }

    @Override
    public boolean isCancelled() {
        return false;
    }

    @Override
    public void onCancel(Runnable action) {
        cancelActions.add(action);
    }
}
