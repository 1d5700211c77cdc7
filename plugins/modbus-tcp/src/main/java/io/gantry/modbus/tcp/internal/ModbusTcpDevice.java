package io.gantry.modbus.tcp.internal;

import com.ghgande.j2mod.modbus.msg.ModbusRequest;
import com.ghgande.j2mod.modbus.msg.ModbusResponse;
import io.gantry.engine.api.device.Device;
import io.gantry.engine.api.device.DeviceContext;
import io.gantry.engine.api.error.DeviceFaultException;
import io.gantry.engine.api.error.DeviceNotConnectedException;
import io.gantry.engine.api.error.DeviceTimeoutException;
import io.gantry.engine.api.signal.SignalDescriptor;
import io.gantry.engine.api.signal.SignalSample;
import io.gantry.engine.api.signal.SignalSource;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Modbus TCP server (a PLC, a gateway's unit) over one TCP connection. Every request runs on the
 * device's own worker thread, one at a time, and every blocking step there is bounded by the
 * connect or response timeout, so no caller's thread ever waits on the network.
 *
 * <p>A timeout closes the connection (a late answer would otherwise be taken for the next request's)
 * and the next request opens a new one; a dropped connection is reported to the controller
 * ({@link DeviceContext#reportDisconnected}), which reconnects through {@link #connect()}.
 */
final class ModbusTcpDevice implements Device, SignalSource {
    private static final Logger LOG = LoggerFactory.getLogger(ModbusTcpDevice.class);

    private final DeviceContext context;
    private final String deviceId;
    private final ModbusTcpConfig config;
    private final Map<String, SignalConfig> signals = new LinkedHashMap<>();
    private final List<SignalDescriptor> descriptors;
    private final ThreadPoolExecutor worker;
    private final Consumer<ModbusTcpDevice> onClose;

    private volatile ModbusLink link; // the open connection; null before a connect and after a timeout
    private volatile boolean connected; // from a connect to a disconnect or a dropped connection
    private volatile boolean closed;

    /**
     * @param context its identity and the channel to report a dropped connection
     * @param config  its config
     * @param onClose called once when it is closed
     */
    ModbusTcpDevice(DeviceContext context, ModbusTcpConfig config, Consumer<ModbusTcpDevice> onClose) {
        this.context = context;
        this.deviceId = context.deviceId();
        this.config = config;
        this.onClose = onClose;
        config.signals().forEach(signal -> signals.put(signal.name(), signal));
        this.descriptors =
                config.signals().stream().map(SignalConfig::descriptor).toList();
        // One thread, gone after a minute without requests: devices that are idle hold none.
        this.worker = new ThreadPoolExecutor(1, 1, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), runnable -> {
            Thread thread = new Thread(runnable, "gantry-modbus-" + deviceId);
            thread.setDaemon(true);
            return thread;
        });
        worker.allowCoreThreadTimeOut(true);
    }

    /** @return its config */
    ModbusTcpConfig config() {
        return config;
    }

    @Override
    public CompletionStage<Void> connect() {
        return submit(() -> {
            if (link == null) {
                link = open();
                LOG.info("device '{}' connected to {}", deviceId, config.endpoint());
            }
            connected = true;
            return null;
        });
    }

    @Override
    public CompletionStage<Void> disconnect() {
        connected = false;
        ModbusLink current = link;
        link = null;
        drop(current);
        LOG.info("device '{}' disconnected from {}", deviceId, config.endpoint());
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        connected = false;
        ModbusLink current = link;
        link = null;
        drop(current); // ends a connect or read under way on the worker at once
        worker.shutdown(); // requests still queued run, and fail at once: closed
        onClose.accept(this);
    }

    @Override
    public List<SignalDescriptor> signals() {
        return descriptors;
    }

    @Override
    public CompletionStage<Map<String, SignalSample>> read(List<String> names) {
        List<String> wanted = List.copyOf(names);
        return submit(() -> {
            Map<String, SignalSample> samples = new LinkedHashMap<>();
            List<SignalConfig> readable = new ArrayList<>();
            for (String name : wanted) {
                SignalConfig signal = signals.get(name);
                if (signal != null && signal.access().readable()) {
                    readable.add(signal);
                } else {
                    samples.put(
                            name,
                            SignalSample.bad(
                                    "device '" + deviceId + "' has no readable signal '" + name + "'", Instant.now()));
                }
            }
            for (Batch batch : Batch.plan(readable, config.maxBatchRegisters())) {
                read(batch, samples);
            }
            return samples;
        });
    }

    private void read(Batch batch, Map<String, SignalSample> samples) {
        Table table = batch.table();
        ModbusRequest request = table.readRequest(batch.start(), batch.count());
        try {
            ModbusResponse response = exchange("read of " + batch.describe(), request);
            Instant now = Instant.now();
            if (table.bits()) {
                boolean[] bits = table.bits(response, batch.count());
                for (SignalConfig signal : batch.signals()) {
                    samples.put(signal.name(), SignalSample.good(bits[signal.address() - batch.start()], now));
                }
            } else {
                int[] words = table.registers(response, batch.count());
                for (SignalConfig signal : batch.signals()) {
                    Object value = signal.codec().decode(words, signal.address() - batch.start());
                    samples.put(signal.name(), SignalSample.good(value, now));
                }
            }
        } catch (ExceptionReply reply) {
            Instant now = Instant.now();
            String read = " (read of " + batch.start()
                    + (batch.count() == 1 ? "" : "-" + (batch.start() + batch.count() - 1)) + "): ";
            for (SignalConfig signal : batch.signals()) {
                samples.put(
                        signal.name(),
                        SignalSample.bad(table.describe(signal.address()) + read + reply.getMessage(), now));
            }
        }
    }

    @Override
    public CompletionStage<Void> write(String name, Object value) {
        SignalConfig signal = signals.get(name);
        if (signal == null || !signal.access().writable()) {
            return CompletableFuture.failedFuture(
                    ModbusDeviceException.invalidValue(deviceId, "it has no writable signal '" + name + "'"));
        }
        return write(signal.table(), signal.address(), signal.codec(), List.of(value), signal.describe())
                .thenApply(written -> null);
    }

    /**
     * Reads values as the {@code modbus.read} function does: no scaling.
     *
     * @param table   the table
     * @param address the first address
     * @param count   how many values
     * @param codec   their type and word order
     * @return completes with the values; exceptionally with a {@link ModbusDeviceException} when the device
     *     refused, as {@link #read(List)} for the rest
     */
    CompletionStage<List<Object>> readValues(Table table, int address, int count, Codec codec) {
        int width = codec.type().width();
        ModbusRequest request = table.readRequest(address, count * width);
        String what = "read of " + table.describe(address, count * width);
        return submit(() -> {
            List<Object> values = new ArrayList<>(count);
            try {
                ModbusResponse response = exchange(what, request);
                if (table.bits()) {
                    for (boolean bit : table.bits(response, count)) {
                        values.add(bit);
                    }
                } else {
                    int[] words = table.registers(response, count * width);
                    for (int i = 0; i < count; i++) {
                        values.add(codec.decode(words, i * width));
                    }
                }
            } catch (ExceptionReply reply) {
                throw ModbusDeviceException.refused(deviceId, what, reply);
            }
            return values;
        });
    }

    /**
     * Writes values from an address on, as the {@code modbus.write} function and signal writes do.
     *
     * @param table   a writable table
     * @param address the first address
     * @param codec   how each value is encoded
     * @param values  the values
     * @param target  how messages name what is written
     * @return completes with the number of values written; exceptionally with a
     *     {@link ModbusDeviceException} when a value does not fit or the device refused
     */
    CompletionStage<Integer> write(Table table, int address, Codec codec, List<?> values, String target) {
        ModbusRequest request;
        try {
            request = table.writeRequest(address, codec, values);
        } catch (IllegalArgumentException | IllegalStateException e) {
            return CompletableFuture.failedFuture(
                    ModbusDeviceException.invalidValue(deviceId, target + ": " + e.getMessage()));
        }
        String what = "write of "
                + table.describe(address, values.size() * codec.type().width());
        return submit(() -> {
            try {
                exchange(what, request);
            } catch (ExceptionReply reply) {
                throw ModbusDeviceException.refused(deviceId, what, reply);
            }
            return values.size();
        });
    }

    /** One request and its answer, with a timeout or a failed link turned into the controller's exceptions. */
    private ModbusResponse exchange(String what, ModbusRequest request) throws ExceptionReply {
        ModbusLink current = requireLink(what);
        try {
            return current.execute(request);
        } catch (SocketTimeoutException e) {
            // A late answer would be read as the next request's: start the next one on a new connection.
            if (link == current) {
                link = null;
            }
            drop(current);
            throw new DeviceTimeoutException(
                    deviceId,
                    "device '" + deviceId + "': no answer from " + config.endpoint() + " to the " + what + " within "
                            + config.responseTimeoutMs() + " ms",
                    e);
        } catch (IOException e) {
            throw lost(current, what, e);
        }
    }

    private ModbusLink requireLink(String what) {
        if (closed || !connected) {
            throw notConnected(what);
        }
        ModbusLink current = link;
        if (current != null) {
            return current;
        }
        try {
            current = open(); // after a timeout
        } catch (DeviceFaultException e) {
            if (connected && !closed) {
                connected = false;
                context.reportDisconnected(e.getMessage());
            }
            throw e;
        }
        link = current;
        return current;
    }

    private ModbusLink open() {
        ModbusLink opening = ModbusLink.unconnected(config.unitId(), config.responseTimeoutMs());
        link = opening; // so that a close() from another thread ends the connect
        if (closed) {
            opening.close();
            throw notConnected("connect");
        }
        try {
            opening.open(config.host(), config.port(), config.connectTimeoutMs());
            return opening;
        } catch (IOException e) {
            link = null;
            if (closed) {
                throw notConnected("connect");
            }
            throw new DeviceFaultException(
                    deviceId,
                    "device '" + deviceId + "': cannot connect to " + config.endpoint() + " within "
                            + config.connectTimeoutMs() + " ms: " + e.getMessage(),
                    e);
        }
    }

    private RuntimeException lost(ModbusLink current, String what, IOException cause) {
        drop(current);
        boolean ours = link == current;
        if (ours) {
            link = null;
        }
        if (closed || !connected || !ours) {
            // closed or disconnected on request while the request was under way: nothing dropped by itself
            return notConnected(what);
        }
        connected = false;
        String reason = "connection to " + config.endpoint() + " lost during the " + what + ": " + cause.getMessage();
        LOG.warn("device '{}': {}", deviceId, reason);
        context.reportDisconnected(reason);
        return new DeviceFaultException(deviceId, "device '" + deviceId + "': " + reason, cause);
    }

    private DeviceNotConnectedException notConnected(String what) {
        return new DeviceNotConnectedException(
                deviceId,
                "device '" + deviceId + "' is " + (closed ? "closed" : "not connected") + ": no " + what + " possible");
    }

    private static void drop(ModbusLink current) {
        if (current != null) {
            current.close();
        }
    }

    /** Runs a step on the worker thread; its stage completes when the step ends. */
    private <T> CompletableFuture<T> submit(Step<T> step) {
        CompletableFuture<T> result = new CompletableFuture<>();
        try {
            worker.execute(() -> {
                try {
                    result.complete(step.run());
                } catch (RuntimeException e) {
                    result.completeExceptionally(e);
                }
            });
        } catch (RejectedExecutionException e) {
            result.completeExceptionally(notConnected("request"));
        }
        return result;
    }

    /** A request's work on the worker thread. */
    @FunctionalInterface
    private interface Step<T> {
        T run();
    }
}
