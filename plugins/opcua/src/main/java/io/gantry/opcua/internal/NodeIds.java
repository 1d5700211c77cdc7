package io.gantry.opcua.internal;

import org.eclipse.milo.opcua.stack.core.NamespaceTable;
import org.eclipse.milo.opcua.stack.core.types.builtin.ExpandedNodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;

/** Node ids in their standard string form ({@code ns=1;s=Counter}, {@code ns=2;i=42}, {@code i=2258}). */
final class NodeIds {
    /** What a node id looks like, for messages. */
    static final String FORM = "a node id such as ns=1;s=Counter, ns=2;i=42 or i=2258";

    private NodeIds() {}

    /**
     * @param text a node id's string form
     * @return the node id, or null when the text is not one
     */
    static NodeId parseOrNull(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        // Milo also takes "ns=1;s=" with an empty identifier; no server has such a node
        NodeId id = NodeId.parseOrNull(text.trim());
        return id == null || id.getIdentifier().toString().isEmpty() ? null : id;
    }

    /**
     * @param reader the config object
     * @param key    the key of a required node id
     * @return the node id
     */
    static NodeId parse(ConfigReader reader, String key) {
        String text = reader.string(key);
        NodeId id = parseOrNull(text);
        if (id == null) {
            throw reader.invalid(key, "'" + text + "' is not " + FORM);
        }
        return id;
    }

    /**
     * @param id         a node id as a reference names it
     * @param namespaces the server's namespace table, for an id that names its namespace by URI
     * @return the local node id, or null when it is on another server
     */
    static NodeId local(ExpandedNodeId id, NamespaceTable namespaces) {
        return id.toNodeId(namespaces).orElse(null);
    }

    /** @return its string form */
    static String text(NodeId id) {
        return id.toParseableString();
    }
}
