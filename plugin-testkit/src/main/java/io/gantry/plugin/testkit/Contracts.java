package io.gantry.plugin.testkit;

import io.gantry.engine.api.device.Device;
import io.gantry.engine.api.function.PipelineFunction;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The contracts a driver keeps with the controller, as assertions. The controller bounds every
 * connect with its {@code connectTimeoutMs} and abandons a device's pending connect when the device
 * is closed (an update, a delete), but a driver that leaves the connect pending holds its hardware
 * and its caller; one that ignores cancellation keeps a device busy after its run was cancelled.
 */
public final class Contracts {
    private Contracts() {}

    /**
     * @param device  a fresh, disconnected device
     * @param timeout how long its connect may take
     * @throws AssertionError when the connect fails or does not complete in time
     */
    public static void assertConnects(Device device, Duration timeout) {
        awaitOutcome(device.connect(), timeout, "connect()", true);
    }

    /**
     * Starts a connect the device cannot finish (point its config at hardware that does not answer),
     * closes the device, and expects the pending connect to complete — normally or exceptionally.
     *
     * @param device  a device whose connect will not complete by itself
     * @param timeout how long after {@code close()} the connect may stay pending
     * @throws AssertionError when the connect is still pending
     */
    public static void assertCloseCompletesAPendingConnect(Device device, Duration timeout) {
        CompletionStage<Void> connect = device.connect();
        device.close();
        awaitOutcome(connect, timeout, "a connect pending when close() was called", false);
    }

    /**
     * Invokes the function, cancels the call, and expects its stage to complete (with a result or,
     * as usual, exceptionally) within the timeout.
     *
     * @param function   a function whose call takes longer than the timeout unless cancelled
     * @param invocation the call; it is cancelled by this method
     * @param timeout    how long after the cancel the call may go on
     * @return what the call completed with: its outputs, or null when it completed exceptionally
     * @throws AssertionError when the call is still running
     */
    public static Map<String, Object> assertCancelEndsTheCall(
            PipelineFunction function, TestInvocation invocation, Duration timeout) {
        CompletableFuture<Map<String, Object>> call =
                function.invoke(invocation).toCompletableFuture();
        invocation.cancel();
        try {
            return call.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            return null;
        } catch (TimeoutException e) {
            throw new AssertionError("the call of " + function.descriptor().id() + " went on for more than "
                    + timeout.toMillis() + " ms after it was cancelled: honour Invocation.onCancel");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private static void awaitOutcome(CompletionStage<Void> stage, Duration timeout, String what, boolean mustSucceed) {
        try {
            stage.toCompletableFuture().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (mustSucceed) {
                throw new AssertionError(what + " failed: " + e.getCause(), e.getCause());
            }
        } catch (TimeoutException e) {
            throw new AssertionError(what + " did not complete within " + timeout.toMillis() + " ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
