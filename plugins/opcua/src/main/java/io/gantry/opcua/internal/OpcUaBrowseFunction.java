package io.gantry.opcua.internal;

import io.gantry.engine.api.function.Invocation;
import io.gantry.engine.api.function.PipelineFunction;
import io.gantry.engine.api.function.PortDescriptor;
import io.gantry.engine.api.function.PortType;
import io.gantry.engine.api.signal.BrowseEntry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import org.osgi.service.component.annotations.Component;

/**
 * {@code opcua.browse}: lists one level of the server's address space (the Objects folder when no node is
 * given), each entry as the device's browse answers it, JSON-like.
 */
@Component(service = PipelineFunction.class)
public final class OpcUaBrowseFunction extends OpcUaFunction {
    private static final String PARAMS_SCHEMA = """
            {
              "$schema": "https://json-schema.org/draft/2020-12/schema",
              "type": "object",
              "properties": {
                "nodeId": {"type": "string",
                           "description": "The node whose children to list; the Objects folder (i=85) when absent"}
              },
              "additionalProperties": false
            }
            """;

    /** Describes the function; it has no state of its own. */
    public OpcUaBrowseFunction() {
        super(
                "opcua.browse",
                "Browse an OPC UA server",
                List.of(PortDescriptor.optional("nodeId", PortType.STRING)),
                List.of(PortDescriptor.output("entries", PortType.JSON)),
                PARAMS_SCHEMA);
    }

    @Override
    CompletionStage<Map<String, Object>> start(OpcUaDevice device, Invocation invocation) {
        Object address = input(invocation, "nodeId");
        nodeId(invocation, "nodeId", false); // refuses a malformed id here, naming the input
        return device.browse(address == null ? null : address.toString()).thenApply(entries -> {
            List<Object> listed = new ArrayList<>(entries.size());
            for (BrowseEntry entry : entries) {
                listed.add(json(entry));
            }
            return Map.of("entries", listed);
        });
    }

    private static Map<String, Object> json(BrowseEntry entry) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("address", entry.address());
        json.put("name", entry.name());
        json.put("kind", entry.kind());
        if (entry.type() != null) {
            json.put("type", entry.type().id());
        }
        if (entry.access() != null) {
            json.put("access", entry.access().id());
        }
        json.put("hasChildren", entry.hasChildren());
        if (entry.signal() != null) {
            json.put("signal", entry.signal());
        }
        return json;
    }
}
