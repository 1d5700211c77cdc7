package io.gantry.engine.core.internal.signal;

import io.gantry.engine.api.device.Device;
import io.gantry.engine.api.device.DeviceStatus;
import io.gantry.engine.api.error.DeviceFaultException;
import io.gantry.engine.api.error.DeviceNotConnectedException;
import io.gantry.engine.api.error.DeviceTimeoutException;
import io.gantry.engine.api.error.GantryException;
import io.gantry.engine.api.error.NotFoundException;
import io.gantry.engine.api.error.PipelineValidationException;
import io.gantry.engine.api.error.Problem;
import io.gantry.engine.api.event.EventProperties;
import io.gantry.engine.api.event.Topics;
import io.gantry.engine.api.service.SignalInfo;
import io.gantry.engine.api.signal.SignalDescriptor;
import io.gantry.engine.api.signal.SignalQuality;
import io.gantry.engine.api.signal.SignalSample;
import io.gantry.engine.api.signal.SignalSource;
import io.gantry.engine.core.internal.device.DeviceLocks;
import io.gantry.engine.core.internal.device.DeviceManager;
import io.gantry.engine.core.internal.device.DeviceThreads;
import io.gantry.engine.core.internal.device.DeviceWatcher;
import io.gantry.engine.core.internal.events.EventPublisher;
import io.gantry.engine.core.internal.resilience.DeviceBreakers;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every device's signals: polls the polled ones of each connected device, takes the pushed ones,
 * marks them BAD when the device leaves CONNECTED and STALE when they are not refreshed, keeps the
 * last reading of each, writes, and announces each change on {@code gantry/signal/CHANGED}.
 *
 * <p>It follows the devices through {@link DeviceWatcher}, on its own thread in the order the
 * devices moved; it never holds a device's monitor while it calls a plugin.
 */
@Component(service = DeviceSignals.class)
@Designate(ocd = SignalConfiguration.class)
public final class DeviceSignals implements DeviceWatcher {
    private static final Logger LOG = LoggerFactory.getLogger(DeviceSignals.class);
    /** What a writer waits beyond the call's deadline, for the device's turn to come. */
    private static final long WAIT_GRACE_MS = 1_000;

    private final DeviceManager devices;
    private final EventPublisher events;
    private final Clock clock = Clock.systemUTC();
    private final ScheduledThreadPoolExecutor timer =
            new ScheduledThreadPoolExecutor(1, new DeviceThreads("gantry-signals"));
    private final ExecutorService pool = Executors.newCachedThreadPool(new DeviceThreads("gantry-signal-call"));
    private final SignalCalls calls;
    private final ConcurrentMap<String, SignalBoard> boards = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, DevicePoller> pollers = new ConcurrentHashMap<>();
    private final List<SignalListener> listeners = new CopyOnWriteArrayList<>();

    /**
     * @param config   deadlines
     * @param devices  the devices, which it watches
     * @param locks    the turns on each device, shared with the engine
     * @param breakers the devices' breakers, which see every poll and write
     * @param events   the event bus
     */
    @Activate
    public DeviceSignals(
            SignalConfiguration config,
            @Reference DeviceManager devices,
            @Reference DeviceLocks locks,
            @Reference DeviceBreakers breakers,
            @Reference EventPublisher events) {
        this.devices = devices;
        this.events = events;
        this.calls = new SignalCalls(locks, breakers, pool, config.callTimeoutMs());
        timer.setRemoveOnCancelPolicy(true);
        devices.watch(this);
        // devices connected before this started
        devices.list().forEach(d -> statusChanged(d.id(), d.status(), d.lastError()));
        long sweep = Math.max(10, config.sweepMs());
        timer.scheduleWithFixedDelay(this::sweep, sweep, sweep, TimeUnit.MILLISECONDS);
    }

    @Deactivate
    void stop() {
        devices.unwatch(this);
        pollers.values().forEach(DevicePoller::stop);
        timer.shutdownNow();
        pool.shutdownNow();
    }

    @Override
    public void statusChanged(String deviceId, DeviceStatus status, String error) {
        later(() -> follow(deviceId, status, error));
    }

    @Override
    public void signalPushed(String deviceId, String signal, SignalSample sample) {
        SignalBoard board = boards.get(deviceId);
        if (board != null) {
            board.apply(signal, sample).ifPresent(change -> announce(deviceId, List.of(change)));
        }
    }

    @Override
    public void removed(String deviceId) {
        later(() -> {
            stopPolling(deviceId);
            boards.remove(deviceId);
        });
    }

    /**
     * @param deviceId a device
     * @return its signals with their last readings
     * @throws NotFoundException when there is no such device
     */
    public List<SignalInfo> signals(String deviceId) {
        return boardOf(deviceId).map(SignalBoard::infos).orElse(List.of());
    }

    /**
     * @throws NotFoundException when there is no such device or signal
     */
    public SignalInfo signal(String deviceId, String name) {
        return boardOf(deviceId).flatMap(board -> board.info(name)).orElseThrow(() -> noSuchSignal(deviceId, name));
    }

    /**
     * Writes a signal in the device's turn.
     *
     * @return completes when the device took the value
     * @throws NotFoundException when there is no such device or signal
     * @throws PipelineValidationException when the signal is not writable or the value not of its type
     * @throws DeviceNotConnectedException when the device is not connected
     */
    public CompletableFuture<Void> write(String deviceId, String name, Object value) {
        SignalBoard board = boardOf(deviceId).orElseThrow(() -> noSuchSignal(deviceId, name));
        SignalDescriptor signal = board.descriptor(name).orElseThrow(() -> noSuchSignal(deviceId, name));
        if (!signal.access().writable()) {
            throw refused("signal '" + name + "' of device '" + deviceId + "' is read-only");
        }
        if (value == null || !signal.type().accepts(value)) {
            throw refused("signal '" + name + "' of device '" + deviceId + "' takes a value of type "
                    + signal.type().id() + ", not " + describe(value));
        }
        Device instance = devices.connectedInstance(deviceId);
        if (!(instance instanceof SignalSource source)) {
            throw noSuchSignal(deviceId, name);
        }
        return calls.inTurn(deviceId, "write of signal '" + name + "'", () -> source.write(name, value));
    }

    /**
     * Writes a signal and waits, bounded by the call's deadline, for the device to take it.
     *
     * @return the signal after the write
     * @throws io.gantry.engine.api.error.DeviceException when the device refused it, did not answer, or
     *     is busy; and as {@link #write}
     */
    public SignalInfo writeAndWait(String deviceId, String name, Object value) {
        CompletableFuture<Void> written = write(deviceId, name, value);
        try {
            written.get(calls.timeoutMs() + WAIT_GRACE_MS, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            Throwable cause = SignalCalls.unwrap(e);
            if (cause instanceof GantryException gantry) {
                throw gantry;
            }
            throw new DeviceFaultException(
                    deviceId, "write of signal '" + name + "' failed: " + SignalCalls.explain(cause), cause);
        } catch (TimeoutException e) {
            throw new DeviceTimeoutException(
                    deviceId,
                    "write of signal '" + name + "' of device '" + deviceId + "' did not complete within "
                            + (calls.timeoutMs() + WAIT_GRACE_MS) + " ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing a signal", e);
        }
        return signal(deviceId, name);
    }

    /**
     * @param listener hears every change of every signal, on the thread that took it; must not block
     * @return call to stop listening
     */
    public Runnable listen(SignalListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    private void follow(String deviceId, DeviceStatus status, String error) {
        if (status == DeviceStatus.CONNECTED) {
            startPolling(deviceId);
            return;
        }
        stopPolling(deviceId);
        SignalBoard board = boards.get(deviceId);
        if (board != null && status != DeviceStatus.CONNECTING) {
            String reason = "device '" + deviceId + "' is " + status + (error == null ? "" : ": " + error);
            announce(deviceId, board.markAll(SignalQuality.BAD, reason));
        }
    }

    private void startPolling(String deviceId) {
        Device instance;
        try {
            instance = devices.connectedInstance(deviceId);
        } catch (GantryException e) {
            return; // it left CONNECTED again; that change is queued behind this one
        }
        if (!(instance instanceof SignalSource source)) {
            return;
        }
        DevicePoller running = pollers.get(deviceId);
        if (running != null && running.source() == source) {
            return;
        }
        stopPolling(deviceId);
        Optional<SignalBoard> board = boardFor(deviceId, source);
        board.ifPresent(b -> {
            DevicePoller poller =
                    new DevicePoller(deviceId, source, b, calls, timer, clock, changes -> announce(deviceId, changes));
            pollers.put(deviceId, poller);
            poller.start();
        });
    }

    private void stopPolling(String deviceId) {
        DevicePoller poller = pollers.remove(deviceId);
        if (poller != null) {
            poller.stop();
        }
    }

    /** @return the device's board, made from its instance's signals when it has none yet or they changed */
    private Optional<SignalBoard> boardFor(String deviceId, SignalSource source) {
        List<SignalDescriptor> signals;
        try {
            signals = List.copyOf(source.signals());
        } catch (RuntimeException | LinkageError e) {
            LOG.warn("device '{}': its signals() failed; it has no signals now", deviceId, e);
            return Optional.empty();
        }
        return Optional.of(boards.compute(
                deviceId,
                (id, known) -> known != null && known.sameSignals(signals) ? known : new SignalBoard(signals)));
    }

    private Optional<SignalBoard> boardOf(String deviceId) {
        devices.get(deviceId); // NotFoundException for an unknown device
        SignalBoard known = boards.get(deviceId);
        if (known != null) {
            return Optional.of(known);
        }
        // a device never connected since the start: its instance knows its signals
        return devices.instance(deviceId)
                .filter(SignalSource.class::isInstance)
                .flatMap(instance -> boardFor(deviceId, (SignalSource) instance));
    }

    private void sweep() {
        try {
            boards.forEach((deviceId, board) -> announce(deviceId, board.sweep(clock.instant())));
        } catch (RuntimeException e) {
            LOG.error("signal staleness sweep failed", e);
        }
    }

    private void announce(String deviceId, List<SignalChange> changes) {
        for (SignalChange change : changes) {
            SignalInfo info = change.info();
            Map<String, Object> properties = new HashMap<>();
            properties.put(EventProperties.DEVICE_ID, deviceId);
            properties.put(EventProperties.SIGNAL, info.name());
            properties.put(EventProperties.QUALITY, info.quality().name());
            if (info.value() != null) {
                properties.put(EventProperties.VALUE, info.value());
            }
            if (info.timestamp() != null) {
                properties.put(EventProperties.SAMPLED_AT, info.timestamp().toString());
            }
            if (info.error() != null) {
                properties.put(EventProperties.ERROR, info.error());
            }
            events.publish(Topics.SIGNAL_CHANGED, properties);
            for (SignalListener listener : listeners) {
                listener.changed(deviceId, info);
            }
        }
    }

    private void later(Runnable task) {
        try {
            timer.execute(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    LOG.error("following a device's signals failed", e);
                }
            });
        } catch (RejectedExecutionException e) {
            LOG.debug("signals stopped; a device's change is not followed");
        }
    }

    private static NotFoundException noSuchSignal(String deviceId, String name) {
        return new NotFoundException("device '" + deviceId + "' has no signal '" + name + "'");
    }

    private static PipelineValidationException refused(String message) {
        return new PipelineValidationException(List.of(new Problem("value", "type-mismatch", message)));
    }

    private static String describe(Object value) {
        return value == null
                ? "null"
                : value.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT) + " " + value;
    }

    /** Hears signal changes (the {@code core.wait_signal} function waits with one). */
    @FunctionalInterface
    public interface SignalListener {
        /**
         * @param deviceId the device
         * @param signal   the signal as it is now
         */
        void changed(String deviceId, SignalInfo signal);
    }
}
