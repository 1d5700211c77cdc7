package io.gantry.engine.core.internal.device;

import io.gantry.engine.api.device.Device;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a plugin's calls on the device pool, never on the caller's thread, and gives each one a
 * deadline. A vendor's create(), connect() or close() may block the calling thread, throw, return
 * null or never answer; here each of those becomes a future that fails in time, so the caller
 * (a device's own work, or the registry's OSGi thread) never waits on the plugin. A call that
 * never returns keeps its pool thread; the pool grows rather than make other devices wait.
 */
final class PluginCalls {
    private static final Logger LOG = LoggerFactory.getLogger(DeviceManager.class);

    private final Executor pool;
    private final Executor deadlines;
    private final long timeoutMs;

    PluginCalls(Executor pool, long timeoutMs) {
        this.pool = pool;
        this.timeoutMs = timeoutMs;
        // a missed deadline completes on the pool, so what follows it never runs on the JDK's timer thread
        this.deadlines = CompletableFuture.delayedExecutor(timeoutMs, TimeUnit.MILLISECONDS, pool);
    }

    long timeoutMs() {
        return timeoutMs;
    }

    /** A synchronous plugin call, such as {@code driver.create(context)}. */
    <T> CompletableFuture<T> call(String what, Callable<T> call) {
        CompletableFuture<T> answer = new CompletableFuture<>();
        submit(answer, () -> answer.complete(present(what, call.call())));
        return within(answer, what);
    }

    /** A plugin call that answers with a stage, such as {@code instance.connect()}. */
    CompletableFuture<Void> stage(String what, Supplier<? extends CompletionStage<Void>> call) {
        CompletableFuture<Void> answer = new CompletableFuture<>();
        submit(answer, () -> passOn(present(what, call.get()), answer));
        return within(answer, what);
    }

    /** Closes an instance; a failure or a close that does not return in time is only logged. */
    CompletableFuture<Void> close(Device instance) {
        return call("close", () -> {
                    instance.close();
                    return Boolean.TRUE;
                })
                .handle((closed, failure) -> {
                    if (failure != null) {
                        LOG.warn("closing a device instance: {}", explain("close", failure));
                    }
                    return null;
                });
    }

    /** @return a copy of the stage that fails when it has not completed within the timeout */
    <T> CompletableFuture<T> within(CompletionStage<T> stage, String what) {
        CompletableFuture<T> bounded = new CompletableFuture<>();
        passOn(stage, bounded);
        if (!bounded.isDone()) {
            try {
                deadlines.execute(() -> bounded.completeExceptionally(
                        new Overdue(what + " did not complete within " + timeoutMs + " ms")));
            } catch (RejectedExecutionException e) {
                bounded.completeExceptionally(e);
            }
        }
        return bounded;
    }

    /**
     * @return what an operator should read about a failed call: the plugin's own message, not the
     *     wrappers the futures put around it
     */
    static String explain(String what, Throwable failure) {
        Throwable cause = unwrap(failure);
        if (cause instanceof Overdue) {
            return cause.getMessage();
        }
        return what + " failed: "
                + (cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage());
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause && isWrapper(cause)) {
            cause = cause.getCause();
        }
        return cause;
    }

    /** Futures wrap; so does {@code new RuntimeException(cause)}, whose message is the cause's class and message. */
    private static boolean isWrapper(Throwable failure) {
        return failure instanceof CompletionException
                || failure instanceof ExecutionException
                || failure.getMessage() == null
                || failure.getMessage().equals(failure.getCause().toString());
    }

    private static <T> CompletionStage<T> passOn(CompletionStage<T> from, CompletableFuture<T> to) {
        return from.whenComplete((value, failure) -> {
            if (failure == null) {
                to.complete(value);
            } else {
                to.completeExceptionally(failure);
            }
        });
    }

    private static <T> T present(String what, T answer) {
        if (answer == null) {
            throw new IllegalStateException(what + "() returned null");
        }
        return answer;
    }

    private void submit(CompletableFuture<?> answer, Callable<?> call) {
        try {
            pool.execute(() -> {
                try {
                    call.call();
                } catch (Exception | LinkageError e) { // a stopped plugin's classes fail to load: a LinkageError
                    answer.completeExceptionally(e);
                }
            });
        } catch (RejectedExecutionException e) {
            answer.completeExceptionally(e);
        }
    }

    /** The deadline of a call passed; its message is complete as it is. */
    private static final class Overdue extends TimeoutException {
        private static final long serialVersionUID = 1L;

        Overdue(String message) {
            super(message);
        }
    }
}
