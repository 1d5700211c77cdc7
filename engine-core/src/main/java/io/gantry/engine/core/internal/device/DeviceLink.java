package io.gantry.engine.core.internal.device;

import io.gantry.engine.api.device.Device;
import io.gantry.engine.api.device.DeviceDriver;
import io.gantry.engine.api.device.DeviceStatus;
import io.gantry.engine.api.error.DeviceNotConnectedException;
import io.gantry.engine.api.error.InvalidConfigException;
import io.gantry.engine.api.error.PluginUnavailableException;
import io.gantry.engine.api.service.DeviceInfo;
import io.gantry.engine.api.signal.SignalSample;
import io.gantry.engine.api.storage.StoredDevice;
import io.gantry.engine.core.internal.registry.LiveDrivers;
import io.gantry.engine.core.internal.registry.Provided;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One device: what is stored about it, its status and last error, its current {@link Attachment},
 * and the work that moves it between them, queued on its own {@link DeviceLane}.
 *
 * <p>Its monitor guards only its own fields and is never held during a plugin's call, so neither
 * another device nor the registry's thread ever waits on this device's plugin. Answers and reports
 * are accepted only from the current attachment.
 */
final class DeviceLink {
    private static final Logger LOG = LoggerFactory.getLogger(DeviceManager.class);

    private final String id;
    private final LiveDrivers drivers;
    private final PluginCalls calls;
    private final StatusAnnouncer announcer;
    private final DeviceLane lane;
    private final Executor pool;
    private final ReconnectPolicy reconnect;
    private final AtomicBoolean followQueued = new AtomicBoolean();
    private StoredDevice stored; // guarded by this, as are the fields below
    private DeviceStatus status = DeviceStatus.UNAVAILABLE;
    private String lastError;
    private Attachment current;
    private long epochs;
    private boolean removed;
    private CompletableFuture<Void> closing = DeviceLane.DONE;
    private int failedReconnects; // since the link dropped; guarded by this
    private boolean reconnecting; // its link dropped and it is being connected again; guarded by this
    private InvalidConfigException refusedConfig; // the driver's refusal of the config it was created with

    DeviceLink(
            StoredDevice stored,
            LiveDrivers drivers,
            PluginCalls calls,
            StatusAnnouncer announcer,
            Executor pool,
            ReconnectPolicy reconnect) {
        this.id = stored.id();
        this.stored = stored;
        this.drivers = drivers;
        this.calls = calls;
        this.announcer = announcer;
        this.lane = new DeviceLane(id, pool);
        this.pool = pool;
        this.reconnect = reconnect;
    }

    String id() {
        return id;
    }

    synchronized StoredDevice stored() {
        return stored;
    }

    synchronized void shouldBeConnected(boolean wanted) {
        stored = stored.withShouldBeConnected(wanted);
    }

    synchronized DeviceInfo info(String breaker) {
        return new DeviceInfo(id, stored.type(), stored.name(), stored.config(), status, lastError, breaker);
    }

    /**
     * @throws PluginUnavailableException when it is UNAVAILABLE
     * @throws DeviceNotConnectedException when it is not CONNECTED
     */
    synchronized Device connectedInstance() {
        if (status == DeviceStatus.UNAVAILABLE) {
            throw unavailable();
        }
        if (status != DeviceStatus.CONNECTED && reconnecting && stored.shouldBeConnected()) {
            throw new DeviceReconnectingException(
                    id,
                    "device '" + id + "' is not connected (it is " + status + "; its link dropped and it is being"
                            + " connected again" + (lastError == null ? "" : ": " + lastError) + ")");
        }
        if (status != DeviceStatus.CONNECTED) {
            throw new DeviceNotConnectedException(id, "device '" + id + "' is not connected (it is " + status + ")");
        }
        return current.instance();
    }

    /** @throws PluginUnavailableException when no plugin offers the device's type now */
    synchronized void requireDriver() {
        if (liveDriver() == null) {
            throw unavailable();
        }
    }

    /**
     * Follows a change of the serving drivers: retires an attachment whose driver no longer serves
     * and queues attaching to the one that serves now. Never calls a plugin and never waits, so it
     * may run for every device on every change.
     */
    void follow() {
        Attachment left;
        boolean attach;
        synchronized (this) {
            if (removed) {
                return;
            }
            DeviceDriver live = liveDriver();
            left = current != null && current.driver() != live ? detach(live) : null;
            attach = live != null && current == null;
        }
        retire(left);
        // one queued step serves a whole burst of changes: it reads the drivers when it starts
        if (attach && followQueued.compareAndSet(false, true)) {
            lane.then(() -> {
                followQueued.set(false);
                return settle(false);
            });
        }
    }

    /** @return completes when the device is attached to the serving driver and, if it should be, connected */
    CompletableFuture<Void> attach() {
        return lane.then(() -> settle(false));
    }

    /** @return completes when a client's connect has an outcome */
    CompletableFuture<Void> connect() {
        return lane.then(() -> settle(true));
    }

    /** @return completes when a client's disconnect has an outcome */
    CompletableFuture<Void> disconnect() {
        return lane.then(this::disconnectNow);
    }

    /** @return completes when the device is attached again, with its new config */
    CompletableFuture<Void> reconfigure(StoredDevice updated) {
        Attachment left;
        synchronized (this) {
            stored = updated;
            left = current == null ? null : detach(liveDriver());
        }
        retire(left);
        return attach();
    }

    /** @return completes when the instance has closed, or its close has had its time */
    CompletableFuture<Void> remove() {
        Attachment left;
        synchronized (this) {
            removed = true;
            left = current;
            current = null;
            setStatus(DeviceStatus.DISCONNECTED, null); // not announced: its removal is
        }
        retire(left);
        return closing();
    }

    /** The device's breaker opened, and the configuration says that faults the device. */
    void breakerOpened(String reason) {
        Attachment attachment;
        synchronized (this) {
            attachment = current;
        }
        if (attachment != null && attachment.instance() != null) {
            move(attachment, DeviceStatus.FAULT, reason);
        }
    }

    /**
     * @return the driver's refusal of the config the device was last created with, if it refused it
     *     (a config valid against the schema but still unusable); cleared by the next create
     */
    synchronized Optional<InvalidConfigException> refusedConfig() {
        return Optional.ofNullable(refusedConfig);
    }

    /** @return the current instance, whatever the status; null when it has none (UNAVAILABLE, or its create failed) */
    synchronized Device instance() {
        return current == null || current.isRetired() ? null : current.instance();
    }

    /** An instance pushed a signal's reading, through its {@link AttachedContext}. */
    void pushed(Attachment from, String signal, SignalSample sample) {
        synchronized (this) {
            if (from != current || from.isRetired() || removed) {
                return;
            }
            announcer.pushed(id, signal, sample);
        }
    }

    /** An instance reported on its own, through its {@link AttachedContext}; a dropped link is re-established. */
    void reported(Attachment from, DeviceStatus to, String reason) {
        move(from, to, reason);
        if (to == DeviceStatus.DISCONNECTED) {
            reconnectLater(from);
        }
    }

    /** Queues the next attempt to connect a dropped device again, after the policy's wait. */
    private void reconnectLater(Attachment attachment) {
        long delay;
        synchronized (this) {
            if (!reconnect.enabled() || !stillDropped(attachment)) {
                reconnecting = false;
                return;
            }
            reconnecting = true;
            delay = reconnect.delayMs(failedReconnects);
        }
        LOG.info("device '{}': connecting again in {} ms", id, delay);
        CompletableFuture.delayedExecutor(delay, TimeUnit.MILLISECONDS, pool)
                .execute(() -> lane.then(() -> reconnectStep(attachment)));
    }

    private CompletionStage<Void> reconnectStep(Attachment attachment) {
        Device instance;
        int attempt;
        synchronized (this) {
            instance = attachment.instance();
            if (!stillDropped(attachment) || instance == null) {
                return DeviceLane.DONE; // connected, disconnected or replaced meanwhile
            }
            attempt = ++failedReconnects;
            setStatus(DeviceStatus.CONNECTING, null);
        }
        CompletableFuture<Void> answered = calls.stage("reconnect", instance::connect)
                .handle((ok, failure) -> {
                    if (failure == null) {
                        move(attachment, DeviceStatus.CONNECTED, null);
                    } else {
                        // still a dropped link, not a fault: it is tried again
                        move(
                                attachment,
                                DeviceStatus.DISCONNECTED,
                                "attempt " + attempt + " to connect again: " + PluginCalls.explain("connect", failure));
                        reconnectLater(attachment);
                    }
                    return null;
                });
        return attachment.unlessRetired(answered, null);
    }

    private boolean stillDropped(Attachment attachment) {
        assert Thread.holdsLock(this);
        return attachment == current
                && !attachment.isRetired()
                && !removed
                && stored.shouldBeConnected()
                && status == DeviceStatus.DISCONNECTED;
    }

    /**
     * Brings the device onto the driver serving now and connects it when wanted.
     *
     * @param explicit a client asked to connect: connect unless connected, and create again on a
     *     driver whose create failed; otherwise only reconnect a fresh instance that should be connected
     */
    private CompletionStage<Void> settle(boolean explicit) {
        Attachment left;
        Attachment fresh = null;
        Attachment attached;
        StoredDevice createdAs;
        synchronized (this) {
            if (removed) {
                return DeviceLane.DONE;
            }
            DeviceDriver live = liveDriver();
            // a failed attachment stays current so that following does not create again on every
            // change of the registry; a client's connect does
            boolean stale = current != null && (current.driver() != live || explicit && current.isRetired());
            left = stale ? detach(live) : null;
            if (live != null && current == null) {
                fresh = new Attachment(++epochs, live);
                current = fresh;
            }
            attached = current;
            createdAs = stored;
        }
        retire(left);
        if (attached == null) {
            return DeviceLane.DONE;
        }
        if (fresh == null) {
            // following reconnects only the instance it created: one already attached is the client's to connect
            return explicit ? connectStep(attached, true) : DeviceLane.DONE;
        }
        Attachment created = fresh;
        // the old instance lets go of the hardware before the new one takes it (its close is bounded)
        return closing()
                .thenCompose(closed -> create(created, createdAs))
                .thenCompose(adopted -> adopted ? connectStep(created, explicit) : DeviceLane.DONE);
    }

    private CompletableFuture<Boolean> create(Attachment attachment, StoredDevice createdAs) {
        if (attachment.isRetired()) {
            return CompletableFuture.completedFuture(false);
        }
        synchronized (this) {
            refusedConfig = null;
        }
        AttachedContext context = new AttachedContext(id, createdAs.config(), attachment, this);
        CompletableFuture<Boolean> adopted = calls.call("create", () -> {
                    Device created = attachment.driver().create(context);
                    // adopted here, not when the answer is awaited: an instance that comes after its
                    // attachment was retired (replaced, deleted, or its create overdue) is closed, not leaked
                    if (created != null && !attachment.adopt(created)) {
                        calls.close(created);
                    }
                    return created;
                })
                .handle((instance, failure) ->
                        failure == null ? installed(attachment) : createFailed(attachment, failure));
        return attachment.unlessRetired(adopted, false);
    }

    private synchronized boolean installed(Attachment attachment) {
        if (attachment != current || attachment.isRetired() || removed) {
            return false;
        }
        setStatus(DeviceStatus.DISCONNECTED, null); // a fresh instance; its connect, if one follows, is announced
        return true;
    }

    private boolean createFailed(Attachment attachment, Throwable failure) {
        Throwable cause = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
                ? failure.getCause()
                : failure;
        synchronized (this) {
            if (attachment == current && cause instanceof InvalidConfigException refused) {
                refusedConfig = refused;
            }
        }
        move(attachment, DeviceStatus.FAULT, PluginCalls.explain("create", failure));
        retire(attachment);
        return false;
    }

    private CompletionStage<Void> connectStep(Attachment attachment, boolean explicit) {
        String verb = explicit ? "connect" : "reconnect";
        Device instance;
        synchronized (this) {
            boolean wanted = explicit
                    ? status != DeviceStatus.CONNECTED
                    : stored.shouldBeConnected() && status == DeviceStatus.DISCONNECTED;
            instance = attachment.instance();
            if (!wanted || instance == null || attachment != current || attachment.isRetired() || removed) {
                return DeviceLane.DONE;
            }
            if (!explicit) {
                LOG.info("reconnecting device '{}'", id);
            }
            setStatus(DeviceStatus.CONNECTING, null);
        }
        return outcome(attachment, verb, calls.stage(verb, instance::connect), DeviceStatus.CONNECTED);
    }

    private CompletionStage<Void> disconnectNow() {
        Attachment attachment;
        Device instance;
        synchronized (this) {
            attachment = current;
            instance = attachment == null ? null : attachment.instance();
            if (instance == null || attachment.isRetired() || removed || status == DeviceStatus.DISCONNECTED) {
                return DeviceLane.DONE;
            }
        }
        return outcome(
                attachment, "disconnect", calls.stage("disconnect", instance::disconnect), DeviceStatus.DISCONNECTED);
    }

    /** Moves the device by a call's answer, unless the attachment was retired before it came. */
    private CompletableFuture<Void> outcome(
            Attachment attachment, String what, CompletableFuture<Void> call, DeviceStatus success) {
        CompletableFuture<Void> moved = call.handle((ok, failure) -> {
            move(
                    attachment,
                    failure == null ? success : DeviceStatus.FAULT,
                    failure == null ? null : PluginCalls.explain(what, failure));
            return null;
        });
        return attachment.unlessRetired(moved, null);
    }

    private void move(Attachment from, DeviceStatus to, String error) {
        synchronized (this) {
            if (from != current || from.isRetired() || removed) {
                LOG.debug("device '{}': {} was replaced; its {} ({}) is ignored", id, from, to, error);
                return;
            }
            if (status == to && error == null) {
                return;
            }
            setStatus(to, error);
            if (error != null) {
                lastError = error;
            }
            announcer.moved(id, to, error);
        }
    }

    /** Drops the current attachment; the caller retires it outside the monitor. */
    private Attachment detach(DeviceDriver live) {
        assert Thread.holdsLock(this);
        Attachment left = current;
        current = null;
        if (live == null && status != DeviceStatus.UNAVAILABLE) {
            announcer.unavailable(id, stored.type());
        }
        setStatus(live == null ? DeviceStatus.UNAVAILABLE : DeviceStatus.DISCONNECTED, null);
        return left;
    }

    /** Every change of status goes through here, so the watchers hear each one, in order. */
    private void setStatus(DeviceStatus to, String error) {
        assert Thread.holdsLock(this);
        status = to;
        if (to == DeviceStatus.CONNECTED || to == DeviceStatus.FAULT || to == DeviceStatus.UNAVAILABLE) {
            failedReconnects = 0;
            reconnecting = false;
        }
        announcer.status(id, to, error);
    }

    private void retire(Attachment left) {
        Device instance = left == null ? null : left.retire();
        if (instance != null) {
            CompletableFuture<Void> closed = calls.close(instance);
            synchronized (this) {
                closing = closed;
            }
        }
    }

    private synchronized CompletableFuture<Void> closing() {
        return closing;
    }

    private DeviceDriver liveDriver() {
        return drivers.liveDriver(stored.type()).map(Provided::service).orElse(null);
    }

    private PluginUnavailableException unavailable() {
        return new PluginUnavailableException(
                "device '" + id + "' is unavailable: no plugin offers type '" + stored.type() + "' now");
    }
}
