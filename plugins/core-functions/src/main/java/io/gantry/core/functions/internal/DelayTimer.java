package io.gantry.core.functions.internal;

import io.gantry.engine.api.error.PluginUnavailableException;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Completes futures after a delay on one timer thread, so a waiting node pins no thread. A future
 * completed early (a cancel) takes its timer task with it; {@link #shutdown()} fails whatever is
 * still waiting, so nothing waits forever on a timer that is gone.
 */
final class DelayTimer {
    private final ScheduledThreadPoolExecutor executor;
    private final Set<CompletableFuture<?>> waiting = ConcurrentHashMap.newKeySet();

    /** @param threadName the name of the timer thread, to spot it in a thread dump */
    DelayTimer(String threadName) {
        executor = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, threadName);
            thread.setDaemon(true);
            return thread;
        });
        executor.setRemoveOnCancelPolicy(true);
    }

    /**
     * @param <T>     the value's type
     * @param delayMs how long to wait, not negative
     * @param value   what the future completes with
     * @return a future completing with {@code value} after the delay; complete it yourself to cancel
     */
    <T> CompletableFuture<T> after(long delayMs, T value) {
        CompletableFuture<T> result = new CompletableFuture<>();
        waiting.add(result);
        try {
            ScheduledFuture<?> tick = executor.schedule(() -> result.complete(value), delayMs, TimeUnit.MILLISECONDS);
            result.whenComplete((done, failure) -> tick.cancel(false));
        } catch (RejectedExecutionException e) {
            result.completeExceptionally(stopped(e));
        }
        result.whenComplete((done, failure) -> waiting.remove(result));
        return result;
    }

    /** @return how many delays are waiting now (timer tasks included), to check that none leaks */
    int waitingCount() {
        return Math.max(waiting.size(), executor.getQueue().size());
    }

    /** Stops the timer thread and fails every delay still waiting. */
    void shutdown() {
        executor.shutdownNow();
        waiting.forEach(future -> future.completeExceptionally(stopped(null)));
    }

    private static PluginUnavailableException stopped(Throwable cause) {
        return new PluginUnavailableException("the core-functions plugin stopped during a core.delay", cause);
    }
}
