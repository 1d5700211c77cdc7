package io.gantry.modbus.tcp.internal;

import io.gantry.engine.api.error.ExecutionCancelledException;
import io.gantry.engine.api.error.GantryException;
import io.gantry.engine.api.error.InvalidConfigException;
import io.gantry.engine.api.function.FunctionDescriptor;
import io.gantry.engine.api.function.Invocation;
import io.gantry.engine.api.function.PipelineFunction;
import io.gantry.engine.api.function.PortDescriptor;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * What {@code modbus.read} and {@code modbus.write} share: the node's device, the params naming where
 * and what ({@code table}, {@code address}, {@code type}, {@code wordOrder}), their checks, and a call
 * that ends when the node is cancelled.
 */
abstract class ModbusFunction implements PipelineFunction {
    private final FunctionDescriptor descriptor;

    ModbusFunction(
            String id, String name, List<PortDescriptor> inputs, List<PortDescriptor> outputs, String paramsSchema) {
        this.descriptor = new FunctionDescriptor(id, name, ModbusTcpDriver.TYPE_ID, inputs, outputs, paramsSchema, 0);
    }

    /**
     * Where a call reads or writes.
     *
     * @param table   the table
     * @param address the first address
     * @param codec   the values' type and word order
     */
    record Target(Table table, int address, Codec codec) {}

    @Override
    public final FunctionDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public final CompletionStage<Map<String, Object>> invoke(Invocation invocation) {
        CompletableFuture<Map<String, Object>> call;
        try {
            ModbusTcpDevice device = invocation.device(ModbusTcpDevice.class);
            Map<String, Object> params = invocation.params();
            Table table = Table.fromId(string(params, "table", null));
            DataType type = DataType.fromId(string(params, "type", table.bits() ? "bool" : "uint16"));
            WordOrder order = WordOrder.fromId(string(params, "wordOrder", "big"));
            int address = (int) whole(params, "address", null, 0, Layout.MAX_ADDRESS);
            Target target = new Target(table, address, Codec.raw(type, order));
            call = start(device, target, invocation).toCompletableFuture();
        } catch (GantryException e) {
            return CompletableFuture.failedFuture(e);
        } catch (IllegalArgumentException | IllegalStateException e) {
            // a param or input the schema let through, or a node wired to a device of another type
            return CompletableFuture.failedFuture(new InvalidConfigException(
                    "node '" + invocation.nodeId() + "' (" + descriptor.id() + "): " + e.getMessage(), e));
        }
        // The request itself ends within the device's response timeout; the node need not wait for it.
        invocation.onCancel(() -> call.completeExceptionally(new ExecutionCancelledException(
                "node '" + invocation.nodeId() + "' (" + descriptor.id() + ") was cancelled")));
        return call;
    }

    /**
     * Starts the call. Must not block.
     *
     * @param device     the node's device
     * @param target     where it reads or writes, checked against the table
     * @param invocation the call's params and inputs
     * @return completes with the outputs
     * @throws IllegalArgumentException when a param or input does not fit
     */
    abstract CompletionStage<Map<String, Object>> start(ModbusTcpDevice device, Target target, Invocation invocation);

    /**
     * @param target    where
     * @param count     how many values
     * @param orderGiven whether the params named a word order
     * @throws IllegalArgumentException naming the param when they do not fit together
     */
    static void check(Target target, int count, boolean orderGiven) {
        Layout.check(target.table(), target.address(), count, target.codec().type(), orderGiven)
                .ifPresent(problem -> {
                    throw new IllegalArgumentException("params." + problem.field() + ": " + problem.message());
                });
    }

    static String string(Map<String, Object> params, String key, String fallback) {
        Object value = params.get(key);
        if (value == null && fallback != null) {
            return fallback;
        }
        if (value instanceof String text) {
            return text;
        }
        throw new IllegalArgumentException("params." + key + " must be a string, was " + value);
    }

    static long whole(Map<String, Object> params, String key, Long fallback, long min, long max) {
        Object value = params.get(key);
        if (value == null && fallback != null) {
            return fallback;
        }
        if (value instanceof Number number
                && number.doubleValue() == Math.rint(number.doubleValue())
                && number.doubleValue() >= min
                && number.doubleValue() <= max) {
            return number.longValue();
        }
        throw new IllegalArgumentException(
                "params." + key + " must be a whole number from " + min + " to " + max + ", was " + value);
    }
}
