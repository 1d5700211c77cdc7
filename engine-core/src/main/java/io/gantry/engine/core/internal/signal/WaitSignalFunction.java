package io.gantry.engine.core.internal.signal;

import io.gantry.engine.api.error.ExecutionCancelledException;
import io.gantry.engine.api.function.FunctionDescriptor;
import io.gantry.engine.api.function.Invocation;
import io.gantry.engine.api.function.PipelineFunction;
import io.gantry.engine.api.service.SignalInfo;
import io.gantry.engine.api.signal.SignalQuality;
import io.gantry.engine.core.internal.plan.SignalFunctions;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * The built-in {@code core.wait_signal}: completes as soon as the signal is GOOD and meets the
 * condition — heard from the signal's changes, not by polling it again — or fails with
 * {@code wait-timeout} naming the last value when the timeout passes first. It holds no turn on the
 * device, so the device's polls (which bring the change) and other nodes' commands go on.
 */
public final class WaitSignalFunction implements PipelineFunction {
    private final DeviceSignals signals;

    /** @param signals the devices' signals */
    public WaitSignalFunction(DeviceSignals signals) {
        this.signals = signals;
    }

    @Override
    public FunctionDescriptor descriptor() {
        return SignalFunctions.WAIT_DESCRIPTOR;
    }

    @Override
    public CompletionStage<Map<String, Object>> invoke(Invocation invocation) {
        try {
            return waitFor(invocation);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private CompletionStage<Map<String, Object>> waitFor(Invocation invocation) {
        SignalTarget target = SignalTarget.of(invocation);
        Object wanted = invocation.inputs().get("value");
        String op = String.valueOf(invocation.params().getOrDefault("op", "=="));
        long timeoutMs = ((Number) invocation.params().get("timeoutMs")).longValue();
        long started = System.nanoTime();
        CompletableFuture<Map<String, Object>> met = new CompletableFuture<>();
        // listening first, then looking: a change between the two is not missed. A change may be heard
        // on a device's own thread: the node goes on from another one.
        Runnable stop = signals.listen((deviceId, signal) -> {
            if (deviceId.equals(target.device())
                    && signal.name().equals(target.signal())
                    && holds(signal, op, wanted)) {
                met.completeAsync(() -> outputs(signal, started));
            }
        });
        met.whenComplete((value, failure) -> stop.run());
        SignalInfo now = signals.signal(target.device(), target.signal());
        if (holds(now, op, wanted)) {
            met.complete(outputs(now, started));
        }
        CompletableFuture.delayedExecutor(timeoutMs, TimeUnit.MILLISECONDS).execute(() -> {
            if (!met.isDone()) {
                SignalInfo last = signals.signal(target.device(), target.signal());
                met.completeExceptionally(new SignalWaitTimeoutException(target + " did not become " + op + " " + wanted
                        + " within " + timeoutMs + " ms; it is " + last.value() + " (" + last.quality() + ")"));
            }
        });
        invocation.onCancel(() -> met.completeExceptionally(
                new ExecutionCancelledException("the wait for " + target + " was cancelled")));
        return met;
    }

    private static Map<String, Object> outputs(SignalInfo signal, long startedNanos) {
        return Map.of(
                "value", signal.value(), "waitedMs", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos));
    }

    /** @return whether the signal is GOOD and {@code value op wanted} */
    static boolean holds(SignalInfo signal, String op, Object wanted) {
        if (signal.quality() != SignalQuality.GOOD || signal.value() == null) {
            return false;
        }
        Object value = signal.value();
        if (value instanceof Number a && wanted instanceof Number b) {
            int c = Double.compare(a.doubleValue(), b.doubleValue());
            return switch (op) {
                case "==" -> c == 0;
                case "!=" -> c != 0;
                case "<" -> c < 0;
                case "<=" -> c <= 0;
                case ">" -> c > 0;
                case ">=" -> c >= 0;
                default -> false;
            };
        }
        return switch (op) {
            case "==" -> Objects.equals(value, wanted);
            case "!=" -> !Objects.equals(value, wanted);
            default -> false;
        };
    }
}
