package io.gantry.engine.core.internal.signal;

import io.gantry.engine.api.signal.SignalQuality;
import io.gantry.engine.api.signal.SignalSample;
import io.gantry.engine.api.signal.SignalSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls one connected device's polled signals, for as long as it stays connected: one read at a
 * time, in the device's turn, each read holding the turn only for its own request — so a
 * pipeline's command waits at most one read. A failed read marks the signals it asked for BAD,
 * with the reason; the next beat tries again (the device's breaker, when open, turns polls away).
 */
final class DevicePoller {
    private static final Logger LOG = LoggerFactory.getLogger(DevicePoller.class);

    private final String deviceId;
    private final SignalSource source;
    private final SignalBoard board;
    private final PollSchedule schedule;
    private final SignalCalls calls;
    private final ScheduledExecutorService timer;
    private final Clock clock;
    private final Consumer<List<SignalChange>> announce;
    private ScheduledFuture<?> wake; // guarded by this
    private boolean stopped; // guarded by this

    DevicePoller(
            String deviceId,
            SignalSource source,
            SignalBoard board,
            SignalCalls calls,
            ScheduledExecutorService timer,
            Clock clock,
            Consumer<List<SignalChange>> announce) {
        this.deviceId = deviceId;
        this.source = source;
        this.board = board;
        this.calls = calls;
        this.timer = timer;
        this.clock = clock;
        this.announce = announce;
        this.schedule = new PollSchedule(board.descriptors(), clock.instant());
    }

    SignalSource source() {
        return source;
    }

    void start() {
        if (!schedule.isEmpty()) {
            plan(Duration.ZERO);
        }
    }

    synchronized void stop() {
        stopped = true;
        if (wake != null) {
            wake.cancel(false);
        }
    }

    private void poll() {
        Instant now = clock.instant();
        List<String> names;
        synchronized (this) {
            if (stopped) {
                return;
            }
            names = schedule.dueAt(now);
        }
        if (names.isEmpty()) {
            planNext();
            return;
        }
        calls.inTurn(
                        deviceId,
                        "signal poll",
                        () -> isStopped()
                                ? CompletableFuture.completedFuture(Map.<String, SignalSample>of())
                                : source.read(names))
                .whenComplete((samples, failure) -> {
                    if (!isStopped()) {
                        take(names, samples, failure);
                    }
                    synchronized (this) {
                        schedule.polled(names, clock.instant());
                    }
                    planNext();
                });
    }

    private void take(List<String> names, Map<String, SignalSample> samples, Throwable failure) {
        if (failure != null || samples == null) {
            String reason = failure == null ? "read returned nothing" : SignalCalls.explain(failure);
            LOG.debug("device '{}': signal poll failed: {}", deviceId, reason);
            announce.accept(board.mark(names, SignalQuality.BAD, reason));
            return;
        }
        Instant at = clock.instant();
        List<SignalChange> changes = new ArrayList<>();
        for (String name : names) {
            SignalSample sample = samples.get(name);
            board.apply(name, sample != null ? sample : SignalSample.bad("the device's answer left it out", at))
                    .ifPresent(changes::add);
        }
        announce.accept(changes);
    }

    private void planNext() {
        Optional<Instant> next;
        synchronized (this) {
            next = schedule.next();
        }
        next.ifPresent(at -> plan(Duration.between(clock.instant(), at)));
    }

    private synchronized void plan(Duration delay) {
        if (stopped) {
            return;
        }
        try {
            wake = timer.schedule(this::poll, Math.max(0, delay.toMillis()), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            stopped = true; // the controller is stopping
        }
    }

    private synchronized boolean isStopped() {
        return stopped;
    }
}
