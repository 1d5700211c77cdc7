package io.gantry.opcua.internal;

import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.uint;

import io.gantry.engine.api.error.InvalidConfigException;
import io.gantry.engine.api.function.PortType;
import io.gantry.engine.api.signal.BrowseEntry;
import io.gantry.engine.api.signal.SignalAccess;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.stack.core.AttributeId;
import org.eclipse.milo.opcua.stack.core.Identifiers;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.types.builtin.ByteString;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UByte;
import org.eclipse.milo.opcua.stack.core.types.enumerated.BrowseDirection;
import org.eclipse.milo.opcua.stack.core.types.enumerated.BrowseResultMask;
import org.eclipse.milo.opcua.stack.core.types.enumerated.NodeClass;
import org.eclipse.milo.opcua.stack.core.types.structured.BrowseDescription;
import org.eclipse.milo.opcua.stack.core.types.structured.BrowseResult;
import org.eclipse.milo.opcua.stack.core.types.structured.ReferenceDescription;
import org.eclipse.milo.opcua.stack.core.types.structured.ViewDescription;

/**
 * One level of the server's address space: the objects, variables and methods a node references forward
 * by a hierarchical reference, each with what an engineer needs to pick it as a signal (its type and
 * access, read in one request for all variables) and whether it has children (one more request for all).
 */
final class Browser {
    private static final int CURRENT_READ = 1;
    private static final int CURRENT_WRITE = 2;
    private static final int NODE_CLASSES =
            NodeClass.Object.getValue() | NodeClass.Variable.getValue() | NodeClass.Method.getValue();

    private final String deviceId;
    private final OpcUaClient client;
    private final Nodes nodes;

    /**
     * @param deviceId the device, for messages
     * @param client   its connected client
     * @param nodes    reads over the same session
     */
    Browser(String deviceId, OpcUaClient client, Nodes nodes) {
        this.deviceId = deviceId;
        this.client = client;
        this.nodes = nodes;
    }

    /** A child as the server referenced it. */
    private record Child(NodeId id, ReferenceDescription reference) {}

    /**
     * @param node the node to list, or null for the Objects folder
     * @return completes with its children in the server's order; exceptionally with an
     *     {@link InvalidConfigException} when the server does not know the node (Bad_NodeIdUnknown), with an
     *     {@link OpcUaStatusException} when browsing it fails otherwise
     */
    CompletableFuture<List<BrowseEntry>> browse(NodeId node) {
        NodeId start = node == null ? Identifiers.ObjectsFolder : node;
        return references(start, new ArrayList<>(), null).thenCompose(children -> {
            List<NodeId> variables = children.stream()
                    .filter(child -> child.reference().getNodeClass() == NodeClass.Variable)
                    .map(Child::id)
                    .toList();
            CompletableFuture<Map<NodeId, VariableFacts>> facts = facts(variables);
            CompletableFuture<List<Boolean>> parents = hasChildren(children);
            return facts.thenCombine(parents, (known, more) -> {
                List<BrowseEntry> entries = new ArrayList<>(children.size());
                for (int i = 0; i < children.size(); i++) {
                    entries.add(entry(children.get(i), known, more.get(i)));
                }
                return entries;
            });
        });
    }

    /** All forward hierarchical references of a node, following continuation points; each child once. */
    private CompletableFuture<List<Child>> references(NodeId start, List<Child> found, ByteString continuation) {
        CompletableFuture<BrowseResult> page =
                continuation == null ? client.browse(description(start)) : client.browseNext(false, continuation);
        return page.thenCompose(result -> {
            long code = result.getStatusCode().getValue();
            if (code == StatusCodes.Bad_NodeIdUnknown || code == StatusCodes.Bad_NodeIdInvalid) {
                // an address the engineer gave that the server does not have: bad input, not a device fault
                throw new InvalidConfigException("device '" + deviceId + "': the server has no node "
                        + NodeIds.text(start) + " (" + Status.describe(result.getStatusCode()) + ")");
            }
            if (result.getStatusCode().isBad()) {
                throw OpcUaStatusException.of(
                        deviceId, "could not browse " + NodeIds.text(start), result.getStatusCode());
            }
            if (result.getReferences() != null) {
                for (ReferenceDescription reference : result.getReferences()) {
                    NodeId id = NodeIds.local(reference.getNodeId(), client.getNamespaceTable());
                    // a child referenced twice (Organizes and HasComponent) is listed once; remote ones not at all
                    if (id != null
                            && found.stream().noneMatch(child -> child.id().equals(id))) {
                        found.add(new Child(id, reference));
                    }
                }
            }
            ByteString next = result.getContinuationPoint();
            return next == null || next.isNull() || next.length() == 0
                    ? CompletableFuture.completedFuture(found)
                    : references(start, found, next);
        });
    }

    private static BrowseDescription description(NodeId node) {
        return new BrowseDescription(
                node,
                BrowseDirection.Forward,
                Identifiers.HierarchicalReferences,
                true,
                uint(NODE_CLASSES),
                uint(BrowseResultMask.All.getValue()));
    }

    /** What a variable is, for its entry. */
    private record VariableFacts(PortType type, SignalAccess access) {}

    private CompletableFuture<Map<NodeId, VariableFacts>> facts(List<NodeId> variables) {
        if (variables.isEmpty()) {
            return CompletableFuture.completedFuture(Map.of());
        }
        CompletableFuture<List<DataValue>> types = nodes.read(variables, AttributeId.DataType);
        CompletableFuture<List<DataValue>> ranks = nodes.read(variables, AttributeId.ValueRank);
        CompletableFuture<List<DataValue>> accesses = nodes.read(variables, AttributeId.UserAccessLevel);
        return CompletableFuture.allOf(types, ranks, accesses).thenApply(done -> {
            Map<NodeId, VariableFacts> facts = new LinkedHashMap<>();
            for (int i = 0; i < variables.size(); i++) {
                Object type = types.join().get(i).getValue().getValue();
                Object rank = ranks.join().get(i).getValue().getValue();
                Object access = accesses.join().get(i).getValue().getValue();
                PortType portType = type instanceof NodeId dataType
                        ? Values.portType(dataType, rank instanceof Integer valueRank ? valueRank : -1)
                        : PortType.JSON;
                int bits = access instanceof UByte level ? level.intValue() : CURRENT_READ;
                SignalAccess signalAccess = (bits & CURRENT_WRITE) == 0
                        ? SignalAccess.READ
                        : (bits & CURRENT_READ) == 0 ? SignalAccess.WRITE : SignalAccess.READ_WRITE;
                facts.put(variables.get(i), new VariableFacts(portType, signalAccess));
            }
            return facts;
        });
    }

    /** Whether each child has children of its own: one browse of them all, at most one reference each. */
    private CompletableFuture<List<Boolean>> hasChildren(List<Child> children) {
        if (children.isEmpty()) {
            return CompletableFuture.completedFuture(List.of());
        }
        List<BrowseDescription> descriptions =
                children.stream().map(child -> description(child.id())).toList();
        return client.browse(new ViewDescription(NodeId.NULL_VALUE, DateTime.MIN_VALUE, uint(0)), uint(1), descriptions)
                .thenApply(response -> {
                    List<Boolean> more = new ArrayList<>();
                    List<ByteString> held = new ArrayList<>();
                    for (BrowseResult result : response.getResults()) {
                        boolean any = result.getReferences() != null && result.getReferences().length > 0;
                        more.add(any);
                        ByteString next = result.getContinuationPoint();
                        if (next != null && !next.isNull() && next.length() > 0) {
                            held.add(next);
                        }
                    }
                    if (!held.isEmpty()) {
                        client.browseNext(true, held); // lets the server free what it kept for more
                    }
                    return more;
                });
    }

    private static BrowseEntry entry(Child child, Map<NodeId, VariableFacts> facts, boolean hasChildren) {
        ReferenceDescription reference = child.reference();
        String browseName = reference.getBrowseName() == null
                ? null
                : reference.getBrowseName().getName();
        String name = browseName != null && !browseName.isBlank()
                ? browseName
                : reference.getDisplayName() != null
                                && reference.getDisplayName().getText() != null
                        ? reference.getDisplayName().getText()
                        : NodeIds.text(child.id());
        String address = NodeIds.text(child.id());
        return switch (reference.getNodeClass()) {
            case Variable -> {
                VariableFacts known =
                        facts.getOrDefault(child.id(), new VariableFacts(PortType.JSON, SignalAccess.READ));
                Map<String, Object> signal = null;
                if (known.access().readable()) {
                    signal = new LinkedHashMap<>();
                    signal.put("name", SignalNames.of(name));
                    signal.put("nodeId", address);
                    signal.put("type", known.type().id());
                    signal.put("access", known.access().id());
                }
                yield new BrowseEntry(address, name, "variable", known.type(), known.access(), hasChildren, signal);
            }
            case Method -> new BrowseEntry(address, name, "method", null, null, hasChildren, null);
            default ->
                new BrowseEntry(
                        address, name, isFolder(reference) ? "folder" : "object", null, null, hasChildren, null);
        };
    }

    private static boolean isFolder(ReferenceDescription reference) {
        return reference.getTypeDefinition() != null
                && reference.getTypeDefinition().equalTo(Identifiers.FolderType);
    }
}
