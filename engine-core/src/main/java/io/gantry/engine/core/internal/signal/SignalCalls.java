package io.gantry.engine.core.internal.signal;

import io.gantry.engine.api.error.CodedException;
import io.gantry.engine.api.error.DeviceTimeoutException;
import io.gantry.engine.core.internal.device.DeviceLocks;
import io.gantry.engine.core.internal.resilience.BreakerOpenException;
import io.gantry.engine.core.internal.resilience.DeviceBreakers;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * A call of a device's signal methods as every one must be made: in the device's turn (never beside
 * a pipeline's command), past its circuit breaker, on the signal pool rather than the caller's
 * thread (a vendor's read may block), within a deadline, and with its outcome counted by the breaker.
 *
 * @param locks     the turns on each device
 * @param breakers  the devices' breakers
 * @param pool      where plugin calls and what follows them run
 * @param timeoutMs the deadline of one call
 */
record SignalCalls(DeviceLocks locks, DeviceBreakers breakers, Executor pool, long timeoutMs) {
    /**
     * @param deviceId the device
     * @param caller   who calls, for messages ({@code signal poll}, {@code write of signal 'speed'})
     * @param call     the plugin call, made once the turn is held and the breaker admits it
     * @return its outcome; fails with the breaker's refusal, a full queue, a
     *     {@link DeviceTimeoutException} when overdue, or the plugin's own failure
     */
    <T> CompletableFuture<T> inTurn(String deviceId, String caller, Supplier<? extends CompletionStage<T>> call) {
        return locks.acquire(deviceId)
                .toCompletableFuture()
                .thenComposeAsync(held -> callHolding(deviceId, caller, call), pool);
    }

    private <T> CompletableFuture<T> callHolding(
            String deviceId, String caller, Supplier<? extends CompletionStage<T>> call) {
        CompletableFuture<T> outcome;
        try {
            breakers.admit(deviceId, caller);
            outcome = call.get().toCompletableFuture();
        } catch (BreakerOpenException e) {
            locks.release(deviceId);
            return CompletableFuture.failedFuture(e);
        } catch (RuntimeException | LinkageError e) { // a stopped plugin's classes fail to load
            outcome = CompletableFuture.failedFuture(e);
        }
        return outcome.orTimeout(timeoutMs, TimeUnit.MILLISECONDS)
                .handleAsync(
                        (value, failure) -> {
                            locks.release(deviceId);
                            Throwable cause = failure == null ? null : overdue(deviceId, caller, unwrap(failure));
                            breakers.record(deviceId, codeOf(cause), cause == null ? null : cause.getMessage());
                            if (cause != null) {
                                throw new CompletionException(cause);
                            }
                            return value;
                        },
                        pool);
    }

    /** @return the failure an operator should read, not the futures' wrappers */
    static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    /** @return what went wrong, in words */
    static String explain(Throwable failure) {
        Throwable cause = unwrap(failure);
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }

    private Throwable overdue(String deviceId, String caller, Throwable cause) {
        if (cause instanceof TimeoutException) {
            return new DeviceTimeoutException(
                    deviceId, caller + ": device '" + deviceId + "' did not answer within " + timeoutMs + " ms");
        }
        return cause;
    }

    private static String codeOf(Throwable cause) {
        if (cause == null) {
            return null;
        }
        return cause instanceof CodedException coded ? coded.code() : "internal";
    }
}
