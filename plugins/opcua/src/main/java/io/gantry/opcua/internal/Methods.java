package io.gantry.opcua.internal;

import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.uint;

import io.gantry.engine.api.error.InvalidConfigException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.stack.core.AttributeId;
import org.eclipse.milo.opcua.stack.core.Identifiers;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.ExtensionObject;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.enumerated.BrowseDirection;
import org.eclipse.milo.opcua.stack.core.types.enumerated.BrowseResultMask;
import org.eclipse.milo.opcua.stack.core.types.enumerated.NodeClass;
import org.eclipse.milo.opcua.stack.core.types.structured.Argument;
import org.eclipse.milo.opcua.stack.core.types.structured.BrowseDescription;
import org.eclipse.milo.opcua.stack.core.types.structured.CallMethodRequest;
import org.eclipse.milo.opcua.stack.core.types.structured.CallMethodResult;
import org.eclipse.milo.opcua.stack.core.types.structured.ReferenceDescription;

/**
 * Method calls over one session. The method's {@code InputArguments} and {@code OutputArguments}
 * properties are read first: they type each input's Variant (as a write is typed by the DataType) and name
 * the outputs.
 */
final class Methods {
    private final String deviceId;
    private final OpcUaClient client;
    private final Nodes nodes;

    /**
     * @param deviceId the device, for messages
     * @param client   its connected client
     * @param nodes    reads over the same session
     */
    Methods(String deviceId, OpcUaClient client, Nodes nodes) {
        this.deviceId = deviceId;
        this.client = client;
        this.nodes = nodes;
    }

    /** A method's arguments, as its properties declare them. */
    private record Signature(List<Argument> inputs, List<Argument> outputs) {}

    /**
     * @param objectId the object (or object type) the method is called on
     * @param methodId the method
     * @param inputs   the input arguments: a map by argument name, a list in order, or null for none
     * @return completes with the outputs by output argument name; exceptionally with an
     *     {@link InvalidConfigException} when an input does not fit (nothing is called), or an
     *     {@link OpcUaStatusException} when the server refused the call
     */
    CompletableFuture<Map<String, Object>> call(NodeId objectId, NodeId methodId, Object inputs) {
        String what = "method " + NodeIds.text(methodId) + " on " + NodeIds.text(objectId);
        return signature(methodId).thenCompose(signature -> {
            Variant[] arguments = arguments(signature.inputs(), inputs, what);
            return client.call(new CallMethodRequest(objectId, methodId, arguments))
                    .thenApply(result -> outputs(result, signature, what));
        });
    }

    private CompletableFuture<Signature> signature(NodeId methodId) {
        BrowseDescription properties = new BrowseDescription(
                methodId,
                BrowseDirection.Forward,
                Identifiers.HasProperty,
                false,
                uint(NodeClass.Variable.getValue()),
                uint(BrowseResultMask.All.getValue()));
        return client.browse(properties).thenCompose(result -> {
            if (result.getStatusCode().isBad()) {
                throw OpcUaStatusException.of(
                        deviceId,
                        "could not read the arguments of method " + NodeIds.text(methodId),
                        result.getStatusCode());
            }
            NodeId in = null;
            NodeId out = null;
            ReferenceDescription[] references =
                    result.getReferences() == null ? new ReferenceDescription[0] : result.getReferences();
            for (ReferenceDescription reference : references) {
                String name = reference.getBrowseName().getName();
                NodeId id = NodeIds.local(reference.getNodeId(), client.getNamespaceTable());
                if ("InputArguments".equals(name)) {
                    in = id;
                } else if ("OutputArguments".equals(name)) {
                    out = id;
                }
            }
            CompletableFuture<List<Argument>> inputs = arguments(in);
            CompletableFuture<List<Argument>> outputs = arguments(out);
            return inputs.thenCombine(outputs, Signature::new);
        });
    }

    private CompletableFuture<List<Argument>> arguments(NodeId property) {
        if (property == null) {
            return CompletableFuture.completedFuture(List.of()); // a method without that property has none
        }
        return nodes.read(List.of(property), AttributeId.Value).thenApply(values -> {
            DataValue value = values.get(0);
            List<Argument> arguments = new ArrayList<>();
            if (value.getValue().getValue() instanceof ExtensionObject[] encoded) {
                for (ExtensionObject argument : encoded) {
                    arguments.add((Argument) argument.decode(client.getStaticSerializationContext()));
                }
            }
            return arguments;
        });
    }

    private Variant[] arguments(List<Argument> declared, Object inputs, String what) {
        List<Object> values = new ArrayList<>();
        String prefix = "device '" + deviceId + "': " + what + ": ";
        if (inputs == null) {
            values = List.of();
        } else if (inputs instanceof List<?> list) {
            values.addAll(list);
        } else if (inputs instanceof Map<?, ?> byName) {
            for (Object key : byName.keySet()) {
                if (declared.stream().noneMatch(argument -> argument.getName().equals(key))) {
                    throw new InvalidConfigException(prefix + "inputs." + key + ": the method has no such argument; its"
                            + " arguments are " + names(declared));
                }
            }
            for (Argument argument : declared) {
                if (!byName.containsKey(argument.getName())) {
                    throw new InvalidConfigException(prefix + "inputs." + argument.getName() + ": is required ("
                            + Values.typeName(argument.getDataType()) + ")");
                }
                values.add(byName.get(argument.getName()));
            }
        } else {
            throw new InvalidConfigException(
                    prefix + "inputs must be a map by argument name or a list, was " + Values.describe(inputs));
        }
        if (values.size() != declared.size()) {
            throw new InvalidConfigException(
                    prefix + "takes " + declared.size() + " arguments (" + names(declared) + "), not " + values.size());
        }
        Variant[] variants = new Variant[values.size()];
        for (int i = 0; i < variants.length; i++) {
            Argument argument = declared.get(i);
            try {
                variants[i] = Values.toVariant(argument.getDataType(), values.get(i));
            } catch (IllegalArgumentException e) {
                throw new InvalidConfigException(
                        prefix + "inputs." + argument.getName() + " " + e.getMessage() + "; nothing was called");
            }
        }
        return variants;
    }

    private Map<String, Object> outputs(CallMethodResult result, Signature signature, String what) {
        StatusCode status = result.getStatusCode();
        if (status.isBad()) {
            StatusCode[] inputResults = result.getInputArgumentResults();
            String which = "";
            if (inputResults != null) {
                for (int i = 0;
                        i < inputResults.length && i < signature.inputs().size();
                        i++) {
                    if (inputResults[i] != null && inputResults[i].isBad()) {
                        which = " (input " + signature.inputs().get(i).getName() + ": "
                                + Status.describe(inputResults[i]) + ")";
                        break;
                    }
                }
            }
            throw new OpcUaStatusException(
                    deviceId,
                    "device '" + deviceId + "': the call of " + what + " failed: " + Status.describe(status) + which,
                    status,
                    null);
        }
        Map<String, Object> outputs = new LinkedHashMap<>();
        Variant[] values = result.getOutputArguments() == null ? new Variant[0] : result.getOutputArguments();
        for (int i = 0; i < values.length; i++) {
            String name =
                    i < signature.outputs().size() ? signature.outputs().get(i).getName() : "output" + i;
            outputs.put(name, Values.toJson(values[i].getValue()));
        }
        return outputs;
    }

    private static String names(List<Argument> arguments) {
        return arguments.isEmpty()
                ? "none"
                : arguments.stream()
                        .map(argument -> argument.getName() + " " + Values.typeName(argument.getDataType()))
                        .collect(Collectors.joining(", "));
    }
}
