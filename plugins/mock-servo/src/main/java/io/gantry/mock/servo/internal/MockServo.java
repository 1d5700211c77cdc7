package io.gantry.mock.servo.internal;

import io.gantry.engine.api.device.Device;
import io.gantry.engine.api.device.DeviceContext;
import io.gantry.engine.api.error.DeviceFaultException;
import io.gantry.engine.api.error.DeviceNotConnectedException;
import io.gantry.engine.api.error.ExecutionCancelledException;
import io.gantry.engine.api.error.InvalidConfigException;
import io.gantry.engine.api.error.PluginUnavailableException;
import io.gantry.engine.api.function.PortType;
import io.gantry.engine.api.signal.SignalAccess;
import io.gantry.engine.api.signal.SignalDescriptor;
import io.gantry.engine.api.signal.SignalSample;
import io.gantry.engine.api.signal.SignalSource;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A simulated servo axis. Every command completes from the driver's timer, never by blocking a
 * thread, which is how a real driver should wait on its hardware too.
 *
 * <p>{@link #stop()} halts the command in progress: the axis stays where it had got to (the
 * interpolated position) and the command completes exceptionally with an
 * {@link ExecutionCancelledException}, because the node did not get what it asked for and a retry
 * of a deliberately stopped move would be wrong.
 */
public final class MockServo implements Device, SignalSource {
    private static final Logger LOG = LoggerFactory.getLogger(MockServo.class);

    /** How long opening or closing the simulated link takes: short, but enough to be truly async. */
    static final long LINK_DELAY_MS = 5;
    /** How often a moving axis pushes its position, in ms. */
    static final long PUSH_MS = 50;

    /** The axis's signals: all pushed by the axis itself (a drive's cyclic telegram), none polled. */
    static final List<SignalDescriptor> SIGNALS = List.of(
            new SignalDescriptor("position", PortType.NUMBER, "mm", SignalAccess.READ, 0, 0),
            new SignalDescriptor("moving", PortType.BOOLEAN, null, SignalAccess.READ, 0, 0),
            new SignalDescriptor("fault", PortType.BOOLEAN, null, SignalAccess.READ, 0, 0));

    private final DeviceContext context;
    private final String deviceId;
    private final MockServoConfig config;
    private final ScheduledExecutorService timer;
    private final Consumer<MockServo> onClose;
    private final FaultInjector faults;

    // Guarded by "this". The controller never runs two commands on a device at once, but stop(),
    // disconnect() and the timer thread do race with a command, so the state still needs the lock.
    // Futures are completed outside the lock: their callbacks may call back into this device.
    private boolean connected;
    private double restPosition;
    private Command<?> current;
    private CompletableFuture<Void> pendingLinkChange;
    private ScheduledFuture<?> pushing; // the position ticker of the motion in progress

    /**
     * @param context the instance's id and config, and where it reports faults
     * @param config  the checked config
     * @param timer   the driver's timer, which completes every command
     * @param onClose told when the instance is closed, so that the driver forgets it
     */
    MockServo(
            DeviceContext context,
            MockServoConfig config,
            ScheduledExecutorService timer,
            Consumer<MockServo> onClose) {
        this.context = context;
        this.deviceId = context.deviceId();
        this.config = config;
        this.timer = timer;
        this.onClose = onClose;
        this.faults = new FaultInjector(deviceId, config);
        this.restPosition = config.homePosition();
    }

    /** @return the instance's config */
    public MockServoConfig config() {
        return config;
    }

    /** Opens the simulated link; a reconnect also clears a latched fault, as a drive reset would. */
    @Override
    public CompletionStage<Void> connect() {
        return changeLink("connected", () -> {
                    connected = true;
                    faults.reset();
                })
                .thenRun(this::pushState);
    }

    @Override
    public List<SignalDescriptor> signals() {
        return SIGNALS;
    }

    @Override
    public CompletionStage<Map<String, SignalSample>> read(List<String> names) {
        Map<String, Object> state = state();
        if (state == null) {
            return CompletableFuture.failedStage(
                    new DeviceNotConnectedException(deviceId, "device '" + deviceId + "' is not connected"));
        }
        Instant now = Instant.now();
        Map<String, SignalSample> samples = new HashMap<>();
        for (String name : names) {
            if (state.containsKey(name)) {
                samples.put(name, SignalSample.good(state.get(name), now));
            }
        }
        return CompletableFuture.completedFuture(samples);
    }

    @Override
    public CompletionStage<Void> write(String name, Object value) {
        return CompletableFuture.failedStage(
                new InvalidConfigException("device '" + deviceId + "': signal '" + name + "' is read-only"));
    }

    /** @return the signals' values now; null when not connected */
    private synchronized Map<String, Object> state() {
        if (!connected) {
            return null;
        }
        return Map.of(
                "position",
                positionNow(),
                "moving",
                current != null && current.motion != null,
                "fault",
                faults.latched() != null);
    }

    /** Pushes every signal's value, as the drive's telegram would. */
    private void pushState() {
        Map<String, Object> state = state();
        if (state != null) {
            Instant now = Instant.now();
            state.forEach((name, value) -> context.publishSignal(name, SignalSample.good(value, now)));
        }
    }

    /** While a motion runs, its position is pushed every {@value #PUSH_MS} ms. Called under the lock. */
    private void startPushing() {
        stopPushing();
        try {
            pushing = timer.scheduleAtFixedRate(this::pushState, 0, PUSH_MS, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            pushing = null; // the driver is stopping
        }
    }

    /** Called under the lock. */
    private void stopPushing() {
        if (pushing != null) {
            pushing.cancel(false);
            pushing = null;
        }
    }

    /** Refuses new commands at once, fails the one in progress, then closes the link. */
    @Override
    public CompletionStage<Void> disconnect() {
        synchronized (this) {
            connected = false;
        }
        interrupt(
                null,
                what -> new DeviceNotConnectedException(
                        deviceId, "device '" + deviceId + "' was disconnected during " + what));
        return changeLink("disconnected", () -> connected = false);
    }

    @Override
    public void stop() {
        interrupt(null, this::stoppedFailure);
    }

    /**
     * Stops one command, and only that one: a late cancel of a finished call must not stop the
     * next node's motion.
     *
     * @param command a stage returned by this device's command methods
     */
    void abort(CompletionStage<?> command) {
        interrupt(command, this::stoppedFailure);
    }

    @Override
    public void close() {
        CompletableFuture<Void> link;
        synchronized (this) {
            connected = false;
            link = pendingLinkChange;
            pendingLinkChange = null;
        }
        interrupt(
                null,
                what -> new DeviceNotConnectedException(
                        deviceId, "device '" + deviceId + "' was closed during " + what));
        if (link != null) {
            link.completeExceptionally(new DeviceNotConnectedException(
                    deviceId, "device '" + deviceId + "' was closed before its link changed"));
        }
        onClose.accept(this);
    }

    /**
     * Moves to the home position (see {@link MockServoConfig#homePosition()}) at full speed.
     *
     * @return completes with the home position once there
     */
    public CompletionStage<Double> home() {
        double home = config.homePosition();
        return run("home", motionTo(home, config.maxSpeed()), () -> home);
    }

    /**
     * Moves to a target position; takes |Δposition| / speed seconds plus the configured latency.
     *
     * @param target where to go, within the travel limits
     * @param speed  position units per second, above 0 and at most {@code maxSpeed}
     * @return completes once there; fails with {@link InvalidConfigException} for a target outside
     *     the limits or a bad speed (not retryable: the same request would fail again)
     */
    public CompletionStage<MoveResult> moveTo(double target, double speed) {
        if (!config.withinLimits(target)) {
            return CompletableFuture.failedStage(new InvalidConfigException("device '" + deviceId
                    + "': target position " + target + " is outside the travel limits ["
                    + config.minPosition() + ", " + config.maxPosition() + "]"));
        }
        if (!(speed > 0 && speed <= config.maxSpeed())) {
            return CompletableFuture.failedStage(new InvalidConfigException("device '" + deviceId + "': speed " + speed
                    + " must be above 0 and at most maxSpeed " + config.maxSpeed()));
        }
        long startNanos = System.nanoTime();
        return run(
                "move_to",
                motionTo(target, speed),
                () -> new MoveResult(target, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos)));
    }

    /** @return completes with the current position after the configured latency */
    public CompletionStage<Double> position() {
        return run("get_position", null, this::positionNow);
    }

    /** A motion from where the axis stands now, starting once the configured latency has passed. */
    private synchronized Motion motionTo(double target, double speed) {
        long latencyNanos = TimeUnit.MILLISECONDS.toNanos(config.extraLatencyMs());
        return new Motion(positionNow(), target, speed, System.nanoTime() + latencyNanos);
    }

    /**
     * Starts a command: checks the device can take it, rolls the fault dice and sets the timer that
     * completes it.
     *
     * @param motion  the motion the command makes, or null when it does not move
     * @param outcome the command's value, computed under the lock when it completes
     */
    private <T> CompletionStage<T> run(String name, Motion motion, Supplier<T> outcome) {
        Command<T> command;
        synchronized (this) {
            RuntimeException refusal = refusal(name);
            if (refusal != null) {
                return CompletableFuture.failedStage(refusal);
            }
            if (faults.hangs()) {
                // No timer and no motion: only stop(), abort() or a disconnect ends this command.
                command = new Command<>(name, null, outcome);
                current = command;
                LOG.debug("device '{}': '{}' hangs as configured", deviceId, name);
                return command.handle;
            }
            DeviceFaultException failure = faults.rollFailure(name);
            command = new Command<>(name, failure == null ? motion : null, outcome);
            long delayNanos = TimeUnit.MILLISECONDS.toNanos(config.extraLatencyMs())
                    + (command.motion == null ? 0 : command.motion.durationNanos());
            try {
                command.timer = timer.schedule(() -> complete(command, failure), delayNanos, TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException e) {
                return CompletableFuture.failedStage(driverStopped(e));
            }
            current = command;
            if (command.motion != null) {
                startPushing();
            }
        }
        return command.handle;
    }

    /** Why a command cannot start now, or null when it can. Called under the lock. */
    private RuntimeException refusal(String name) {
        if (!connected) {
            return new DeviceNotConnectedException(
                    deviceId, "device '" + deviceId + "' is not connected; cannot run '" + name + "'");
        }
        DeviceFaultException latched = faults.latched();
        if (latched != null) {
            return latched;
        }
        if (current != null) {
            return new DeviceFaultException(
                    deviceId,
                    "device '" + deviceId + "' is busy with '" + current.name + "'; cannot run '" + name + "'");
        }
        return null;
    }

    /** Runs on the timer thread when a command's time is up. */
    private <T> void complete(Command<T> command, DeviceFaultException failure) {
        T value = null;
        String newFault = null;
        synchronized (this) {
            if (current != command) {
                return; // stopped or disconnected in the meantime; already completed
            }
            current = null;
            stopPushing();
            if (command.motion != null) {
                restPosition = command.motion.to();
                newFault = faults.countMove();
            }
            if (failure == null) {
                value = command.outcome.get();
            }
        }
        if (newFault != null) {
            // Reported before the move completes, so whoever sees the move done also sees the fault.
            LOG.warn("{}", newFault);
            context.reportFault(newFault);
        }
        pushState();
        if (failure != null) {
            LOG.debug("{}", failure.getMessage());
            command.result.completeExceptionally(failure);
        } else {
            command.result.complete(value);
        }
    }

    /**
     * Ends the command in progress early; the axis stays where it had got to.
     *
     * @param only    the command to end, or null for whichever is in progress
     * @param failure makes the exception to complete it with, from a description of what was stopped
     */
    private void interrupt(CompletionStage<?> only, Function<String, RuntimeException> failure) {
        Command<?> stopped;
        String what;
        synchronized (this) {
            stopped = current;
            if (stopped == null || (only != null && stopped.handle != only)) {
                return;
            }
            current = null;
            stopPushing();
            if (stopped.timer != null) {
                stopped.timer.cancel(false);
            }
            if (stopped.motion != null) {
                restPosition = stopped.motion.positionAt(System.nanoTime());
            }
            what = "'" + stopped.name + "' (stopped at position " + restPosition + ")";
        }
        LOG.info("device '{}': interrupted {}", deviceId, what);
        pushState();
        stopped.result.completeExceptionally(failure.apply(what));
    }

    private RuntimeException stoppedFailure(String what) {
        return new ExecutionCancelledException("device '" + deviceId + "': stop requested during " + what);
    }

    /** Where the axis stands now, interpolated when it is moving. Called under the lock. */
    private double positionNow() {
        return current != null && current.motion != null ? current.motion.positionAt(System.nanoTime()) : restPosition;
    }

    /** Applies a link change (under the lock) after the simulated link delay. */
    private CompletionStage<Void> changeLink(String state, Runnable change) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        CompletableFuture<Void> superseded;
        synchronized (this) {
            superseded = pendingLinkChange;
            pendingLinkChange = done;
        }
        if (superseded != null) {
            superseded.completeExceptionally(new DeviceNotConnectedException(
                    deviceId, "device '" + deviceId + "': link change cut short, the device is now being " + state));
        }
        try {
            timer.schedule(
                    () -> {
                        synchronized (this) {
                            if (pendingLinkChange != done) {
                                return; // closed or superseded, and completed then
                            }
                            pendingLinkChange = null;
                            change.run();
                        }
                        LOG.info("device '{}' {}", deviceId, state);
                        done.complete(null);
                    },
                    LINK_DELAY_MS,
                    TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            done.completeExceptionally(driverStopped(e));
        }
        return done.minimalCompletionStage();
    }

    private PluginUnavailableException driverStopped(RejectedExecutionException cause) {
        return new PluginUnavailableException("device '" + deviceId + "': the mock-servo driver has stopped", cause);
    }

    /** A command in progress. */
    private static final class Command<T> {
        final String name;
        /** The motion the command makes; null when it does not move (or fails or hangs instead). */
        final Motion motion;

        final Supplier<T> outcome;
        final CompletableFuture<T> result = new CompletableFuture<>();
        /** What callers get: a view they cannot complete themselves, and the key for abort(). */
        final CompletionStage<T> handle = result.minimalCompletionStage();
        /** Completes the command; null while it hangs. Guarded by the device's lock. */
        ScheduledFuture<?> timer;

        Command(String name, Motion motion, Supplier<T> outcome) {
            this.name = name;
            this.motion = motion;
            this.outcome = outcome;
        }
    }
}
