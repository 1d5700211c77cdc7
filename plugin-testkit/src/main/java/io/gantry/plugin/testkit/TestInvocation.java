package io.gantry.plugin.testkit;

import io.gantry.engine.api.device.Device;
import io.gantry.engine.api.function.Invocation;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A call of a function as the controller makes it: inputs, params, the device, a deadline, and a
 * cancel the test triggers as the controller does on a node timeout or a cancelled run (the
 * {@link #onCancel} actions run once, and at once when registered after the cancel).
 */
public final class TestInvocation implements Invocation {
    private final Device device;
    private final Map<String, Object> inputs = new HashMap<>();
    private final Map<String, Object> params = new HashMap<>();
    private final List<Runnable> cancelActions = new CopyOnWriteArrayList<>();
    private Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    private int attempt = 1;
    private String nodeId = "test-node";
    private volatile boolean cancelled;

    private TestInvocation(Device device) {
        this.device = device;
    }

    /**
     * @param device the device the node runs on
     * @return a call on it
     */
    public static TestInvocation on(Device device) {
        return new TestInvocation(device);
    }

    /** @return a call of a pure function (no device) */
    public static TestInvocation pure() {
        return new TestInvocation(null);
    }

    /** @return this, with an input port's value */
    public TestInvocation input(String port, Object value) {
        inputs.put(port, value);
        return this;
    }

    /** @return this, with these input ports' values */
    public TestInvocation inputs(Map<String, Object> values) {
        inputs.putAll(values);
        return this;
    }

    /** @return this, with these params */
    public TestInvocation params(Map<String, Object> values) {
        params.putAll(values);
        return this;
    }

    /** @return this, with a param */
    public TestInvocation param(String name, Object value) {
        params.put(name, value);
        return this;
    }

    /** @return this, due within {@code timeout} from now */
    public TestInvocation within(Duration timeout) {
        deadline = Instant.now().plus(timeout);
        return this;
    }

    /** @return this, as a call of the node with this id (failures name it) */
    public TestInvocation node(String id) {
        nodeId = id;
        return this;
    }

    /** @return this, as the given attempt of a retried node (1 is the first) */
    public TestInvocation attempt(int number) {
        attempt = number;
        return this;
    }

    /** Cancels the call as the controller does: every action given to {@link #onCancel} runs. */
    public void cancel() {
        cancelled = true;
        cancelActions.forEach(Runnable::run);
    }

    @Override
    public String executionId() {
        return "test-execution";
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
        return Collections.unmodifiableMap(inputs); // JSON null is a value: no Map.copyOf
    }

    @Override
    public Map<String, Object> params() {
        return Collections.unmodifiableMap(params);
    }

    @Override
    public <D extends Device> D device(Class<D> type) {
        if (device == null) {
            throw new IllegalStateException("this call runs on no device (TestInvocation.pure())");
        }
        return type.cast(device);
    }

    @Override
    public Instant deadline() {
        return deadline;
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
