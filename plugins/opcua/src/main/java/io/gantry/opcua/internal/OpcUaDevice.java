package io.gantry.opcua.internal;

import io.gantry.engine.api.device.Device;
import io.gantry.engine.api.device.DeviceContext;
import io.gantry.engine.api.error.DeviceNotConnectedException;
import io.gantry.engine.api.error.InvalidConfigException;
import io.gantry.engine.api.signal.BrowseEntry;
import io.gantry.engine.api.signal.SignalBrowser;
import io.gantry.engine.api.signal.SignalDescriptor;
import io.gantry.engine.api.signal.SignalSample;
import io.gantry.engine.api.signal.SignalSource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import java.util.function.Function;
import org.eclipse.milo.opcua.stack.core.AttributeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One OPC UA server, over one session. Its signals come from one subscription (a monitored item per
 * signal), pushed through {@link DeviceContext#publishSignal}; reads, writes, calls and browses go over the
 * same session. Nothing here blocks a caller: every step is one of Milo's asynchronous requests.
 *
 * <p>A lost session is not repaired by Milo here: the device tears its client down at once and reports
 * {@link DeviceContext#reportDisconnected}, so the device shows DISCONNECTED while the server is gone, and
 * the controller's reconnect ({@link #connect()}) builds a new session and subscription from scratch: never
 * a second subscription or a duplicated monitored item beside a transferred one.
 */
final class OpcUaDevice implements Device, SignalSource, SignalBrowser {
    private static final Logger LOG = LoggerFactory.getLogger(OpcUaDevice.class);

    private final DeviceContext context;
    private final String deviceId;
    private final OpcUaConfig config;
    private final Pki pki;
    private final Consumer<OpcUaDevice> onClose;
    private final Map<String, SignalConfig> signals = new LinkedHashMap<>();
    private final List<SignalDescriptor> descriptors;

    private final Object lock = new Object();
    private volatile Session session; // the connected one; written under lock
    // counts connects, disconnects and the close, so a connect that ends late is dropped; guarded by lock
    private long epoch;
    private boolean closed; // guarded by lock
    private CompletionStage<Void> closing = CompletableFuture.completedFuture(null); // guarded by lock
    private CompletableFuture<Void> connecting; // the connect under way, if any; guarded by lock

    /** A connected session and the requests made over it. */
    private record Session(Connection connection, Nodes nodes, Methods methods, Browser browser) {}

    /**
     * @param context its identity and the channel for pushed signals and a lost session
     * @param config  its config
     * @param pki     the client's certificate and trust list
     * @param onClose called once when it is closed
     */
    OpcUaDevice(DeviceContext context, OpcUaConfig config, Pki pki, Consumer<OpcUaDevice> onClose) {
        this.context = context;
        this.deviceId = context.deviceId();
        this.config = config;
        this.pki = pki;
        this.onClose = onClose;
        config.signals().forEach(signal -> signals.put(signal.name(), signal));
        this.descriptors =
                config.signals().stream().map(SignalConfig::descriptor).toList();
    }

    /** @return its config */
    OpcUaConfig config() {
        return config;
    }

    @Override
    public CompletionStage<Void> connect() {
        long attempt;
        CompletableFuture<Void> result;
        synchronized (lock) {
            if (closed) {
                return CompletableFuture.failedFuture(notConnected("connect"));
            }
            if (session != null) {
                return CompletableFuture.completedFuture(null);
            }
            attempt = ++epoch;
            connecting = new CompletableFuture<>();
            result = connecting;
        }
        Connection.open(deviceId, config, pki, this::lost)
                .thenCompose(connection -> {
                    Nodes nodes = new Nodes(deviceId, connection.client());
                    Session opened = new Session(
                            connection,
                            nodes,
                            new Methods(deviceId, connection.client(), nodes),
                            new Browser(deviceId, connection.client(), nodes));
                    synchronized (lock) {
                        if (closed || epoch != attempt || connection.isClosing()) {
                            connection.close();
                            throw notConnected("connect");
                        }
                        session = opened;
                    }
                    return Monitor.start(config, connection.client(), (name, sample) -> publish(opened, name, sample))
                            .handle((subscribed, failure) -> {
                                if (failure != null) {
                                    drop(opened);
                                    throw Failures.of(deviceId, "could not subscribe to its signals", failure);
                                }
                                LOG.info(
                                        "device '{}' connected to {} ({}, {} signals)",
                                        deviceId,
                                        config.endpointUrl(),
                                        config.security(),
                                        signals.size());
                                return (Void) null;
                            });
                })
                .whenComplete((connected, failure) -> {
                    if (failure != null) {
                        result.completeExceptionally(Failures.of(deviceId, "could not connect", failure));
                    } else {
                        result.complete(null);
                    }
                });
        return result;
    }

    /** Ends a connect under way at once (its session, should it still come, is closed when it does). */
    private void abandonConnect() {
        assert Thread.holdsLock(lock);
        if (connecting != null) {
            connecting.completeExceptionally(notConnected("connect"));
            connecting = null;
        }
    }

    @Override
    public CompletionStage<Void> disconnect() {
        Session current;
        synchronized (lock) {
            epoch++;
            abandonConnect();
            current = session;
            session = null;
        }
        if (current == null) {
            return CompletableFuture.completedFuture(null);
        }
        return current.connection()
                .close()
                .thenRun(() -> LOG.info("device '{}' disconnected from {}", deviceId, config.endpointUrl()));
    }

    @Override
    public void close() {
        Session current;
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            epoch++;
            abandonConnect();
            current = session;
            session = null;
            if (current != null) {
                closing = current.connection().close();
            }
        }
        onClose.accept(this);
    }

    /** @return completes when a {@link #close()} has let go of the server */
    CompletionStage<Void> closing() {
        synchronized (lock) {
            return closing;
        }
    }

    /** Milo saw the session go: tear the client down and let the controller connect again. */
    private void lost(Connection connection, String reason) {
        Session current;
        synchronized (lock) {
            current = session;
            if (closed || current == null || current.connection() != connection) {
                return; // closed, disconnected or replaced meanwhile, or a connect that is still under way sees it
            }
            epoch++;
            session = null;
        }
        connection.close();
        LOG.warn("device '{}': {}", deviceId, reason);
        context.reportDisconnected(reason);
    }

    private void drop(Session opened) {
        synchronized (lock) {
            if (session == opened) {
                session = null;
            }
        }
        opened.connection().close();
    }

    private void publish(Session from, String name, SignalSample sample) {
        if (session == from) { // a late change from a session already gone is not the signal's value
            context.publishSignal(name, sample);
        }
    }

    @Override
    public List<SignalDescriptor> signals() {
        return descriptors;
    }

    @Override
    public CompletionStage<Map<String, SignalSample>> read(List<String> names) {
        List<String> wanted = List.copyOf(names);
        return over("could not read its signals", current -> {
            List<SignalConfig> known = new ArrayList<>();
            for (String name : wanted) {
                SignalConfig signal = signals.get(name);
                if (signal != null) {
                    known.add(signal);
                }
            }
            List<NodeId> ids = known.stream().map(SignalConfig::nodeId).toList();
            CompletableFuture<List<DataValue>> values = ids.isEmpty()
                    ? CompletableFuture.completedFuture(List.of())
                    : current.nodes().read(ids, AttributeId.Value);
            return values.thenApply(read -> {
                Map<String, SignalSample> samples = new LinkedHashMap<>();
                for (String name : wanted) {
                    SignalConfig signal = signals.get(name);
                    samples.put(
                            name,
                            signal == null
                                    ? SignalSample.bad(
                                            "device '" + deviceId + "' has no signal '" + name + "'", Instant.now())
                                    : Samples.of(signal, read.get(known.indexOf(signal))));
                }
                return samples;
            });
        });
    }

    @Override
    public CompletionStage<Void> write(String name, Object value) {
        SignalConfig signal = signals.get(name);
        if (signal == null || !signal.access().writable()) {
            return CompletableFuture.failedFuture(
                    new InvalidConfigException("device '" + deviceId + "' has no writable signal '" + name + "'"));
        }
        return over(
                "could not write " + signal.describe(),
                current -> current.nodes().write(signal.nodeId(), value, signal.describe()));
    }

    @Override
    public CompletionStage<List<BrowseEntry>> browse(String address) {
        NodeId node = null;
        if (address != null && !address.isBlank()) {
            node = NodeIds.parseOrNull(address);
            if (node == null) {
                return CompletableFuture.failedFuture(new InvalidConfigException(
                        "device '" + deviceId + "': '" + address + "' is not " + NodeIds.FORM));
            }
        }
        NodeId start = node;
        return over(
                "could not browse " + (start == null ? "the Objects folder" : address),
                current -> current.browser().browse(start));
    }

    /**
     * @param id a variable
     * @return completes with its value, as {@code opcua.read} outputs it
     */
    CompletionStage<DataValue> readNode(NodeId id) {
        return over(
                "could not read " + NodeIds.text(id), current -> current.nodes().readValue(id));
    }

    /**
     * @param id    a variable
     * @param value the value, converted to the node's DataType
     * @return completes when the server took it
     */
    CompletionStage<Void> writeNode(NodeId id, Object value) {
        return over(
                "could not write " + NodeIds.text(id),
                current -> current.nodes().write(id, value, NodeIds.text(id)));
    }

    /**
     * @param objectId the object the method is called on
     * @param methodId the method
     * @param inputs   its inputs: a map by argument name, a list, or null
     * @return completes with the outputs by name
     */
    CompletionStage<Map<String, Object>> call(NodeId objectId, NodeId methodId, Object inputs) {
        return over(
                "could not call " + NodeIds.text(methodId),
                current -> current.methods().call(objectId, methodId, inputs));
    }

    /** Runs a request over the current session, its failure in the controller's exceptions. */
    private <T> CompletionStage<T> over(String what, Function<Session, CompletableFuture<T>> request) {
        Session current = session;
        if (current == null) {
            return CompletableFuture.failedFuture(notConnected(what.replace("could not ", "")));
        }
        CompletableFuture<T> started;
        try {
            started = request.apply(current);
        } catch (RuntimeException e) {
            started = CompletableFuture.failedFuture(e);
        }
        return started.handle((value, failure) -> {
            if (failure != null) {
                throw Failures.of(deviceId, what, failure);
            }
            return value;
        });
    }

    private DeviceNotConnectedException notConnected(String what) {
        return new DeviceNotConnectedException(
                deviceId,
                "device '" + deviceId + "' is " + (closed ? "closed" : "not connected") + ": no " + what + " possible");
    }
}
