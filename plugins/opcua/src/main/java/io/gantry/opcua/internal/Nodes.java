package io.gantry.opcua.internal;

import io.gantry.engine.api.error.InvalidConfigException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.stack.core.AttributeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.QualifiedName;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.enumerated.TimestampsToReturn;
import org.eclipse.milo.opcua.stack.core.types.structured.ReadValueId;
import org.eclipse.milo.opcua.stack.core.types.structured.WriteValue;

/**
 * Reads and writes of variables over one session. A write is converted to exactly the node's DataType
 * (read from the server once per node and session) before it is sent, so a value of the wrong type is
 * refused here, naming the type, and nothing reaches the server.
 */
final class Nodes {
    private final String deviceId;
    private final OpcUaClient client;
    private final Map<NodeId, NodeId> dataTypes = new ConcurrentHashMap<>();

    /**
     * @param deviceId the device, for messages
     * @param client   its connected client
     */
    Nodes(String deviceId, OpcUaClient client) {
        this.deviceId = deviceId;
        this.client = client;
    }

    /**
     * @param ids        nodes
     * @param attribute  the attribute of each to read
     * @return completes with one DataValue per node, in order, whatever their status
     */
    CompletableFuture<List<DataValue>> read(List<NodeId> ids, AttributeId attribute) {
        List<ReadValueId> reads = new ArrayList<>(ids.size());
        for (NodeId id : ids) {
            reads.add(new ReadValueId(id, attribute.uid(), null, QualifiedName.NULL_VALUE));
        }
        return client.read(0.0, TimestampsToReturn.Both, reads)
                .thenApply(response -> Arrays.asList(response.getResults()));
    }

    /**
     * @param id a variable
     * @return completes with its value; exceptionally with an {@link OpcUaStatusException} when the server
     *     answered Bad (an unknown node: Bad_NodeIdUnknown)
     */
    CompletableFuture<DataValue> readValue(NodeId id) {
        return read(List.of(id), AttributeId.Value).thenApply(values -> {
            DataValue value = values.get(0);
            StatusCode status = value.getStatusCode();
            if (status != null && status.isBad()) {
                throw OpcUaStatusException.of(deviceId, "could not read " + NodeIds.text(id), status);
            }
            return value;
        });
    }

    /**
     * @param id a variable
     * @return completes with its DataType
     */
    CompletableFuture<NodeId> dataType(NodeId id) {
        NodeId known = dataTypes.get(id);
        if (known != null) {
            return CompletableFuture.completedFuture(known);
        }
        return read(List.of(id), AttributeId.DataType).thenApply(values -> {
            DataValue value = values.get(0);
            StatusCode status = value.getStatusCode();
            if ((status != null && status.isBad()) || !(value.getValue().getValue() instanceof NodeId type)) {
                throw OpcUaStatusException.of(
                        deviceId,
                        "could not read the DataType of " + NodeIds.text(id),
                        status == null || status.isGood() ? StatusCode.BAD : status);
            }
            dataTypes.put(id, type);
            return type;
        });
    }

    /**
     * @param id    a variable
     * @param value a JSON-like value
     * @param what  how messages name the target: {@code signal 'setpoint' (ns=1;s=Setpoint)}, or the node id
     * @return completes when the server took the value; exceptionally with an {@link InvalidConfigException}
     *     naming the expected type when the value does not fit the node's DataType (nothing is sent), or an
     *     {@link OpcUaStatusException} when the server refused it
     */
    CompletableFuture<Void> write(NodeId id, Object value, String what) {
        return dataType(id).thenCompose(type -> {
            Variant variant;
            try {
                variant = Values.toVariant(type, value);
            } catch (IllegalArgumentException e) {
                throw new InvalidConfigException(
                        "device '" + deviceId + "': " + what + " " + e.getMessage() + "; nothing was written");
            }
            WriteValue write = new WriteValue(id, AttributeId.Value.uid(), null, DataValue.valueOnly(variant));
            return client.write(List.of(write)).thenApply(response -> {
                StatusCode status = response.getResults()[0];
                if (status.isBad()) {
                    throw OpcUaStatusException.of(
                            deviceId, "could not write " + Values.describe(value) + " to " + what, status);
                }
                return null;
            });
        });
    }
}
