package io.gantry.opcua.internal;

import io.gantry.engine.api.function.Invocation;
import io.gantry.engine.api.function.PipelineFunction;
import io.gantry.engine.api.function.PortDescriptor;
import io.gantry.engine.api.function.PortType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.osgi.service.component.annotations.Component;

/**
 * {@code opcua.read}: reads one variable's value now. Outputs the value (JSON-like, in the node's own type),
 * its quality ({@code GOOD} or {@code UNCERTAIN}; a Bad status fails the node with an
 * {@link OpcUaStatusException} naming it) and its source timestamp.
 */
@Component(service = PipelineFunction.class)
public final class OpcUaReadFunction extends OpcUaFunction {
    private static final String PARAMS_SCHEMA = """
            {
              "$schema": "https://json-schema.org/draft/2020-12/schema",
              "type": "object",
              "properties": {
                "nodeId": {"type": "string", "minLength": 1,
                           "description": "The variable to read: ns=1;s=Counter, ns=2;i=42, i=2258"}
              },
              "additionalProperties": false
            }
            """;

    /** Describes the function; it has no state of its own. */
    public OpcUaReadFunction() {
        super(
                "opcua.read",
                "Read an OPC UA value",
                List.of(PortDescriptor.required("nodeId", PortType.STRING)),
                List.of(
                        PortDescriptor.output("value", PortType.JSON),
                        PortDescriptor.output("quality", PortType.STRING),
                        PortDescriptor.output("sourceTime", PortType.STRING)),
                PARAMS_SCHEMA);
    }

    @Override
    CompletionStage<Map<String, Object>> start(OpcUaDevice device, Invocation invocation) {
        return device.readNode(nodeId(invocation, "nodeId", true)).thenApply(value -> {
            Map<String, Object> outputs = new HashMap<>();
            StatusCode status = value.getStatusCode() == null ? StatusCode.GOOD : value.getStatusCode();
            outputs.put("value", Values.toJson(value.getValue().getValue()));
            outputs.put("quality", Status.quality(status).name());
            outputs.put("sourceTime", Samples.time(value).toString());
            return outputs;
        });
    }
}
