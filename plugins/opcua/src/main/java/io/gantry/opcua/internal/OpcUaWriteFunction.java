package io.gantry.opcua.internal;

import io.gantry.engine.api.function.Invocation;
import io.gantry.engine.api.function.PipelineFunction;
import io.gantry.engine.api.function.PortDescriptor;
import io.gantry.engine.api.function.PortType;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import org.osgi.service.component.annotations.Component;

/**
 * {@code opcua.write}: writes the input {@code value} to a variable, converted to exactly the node's DataType
 * (read from the server); a value that does not fit is refused naming the type, and nothing is written.
 */
@Component(service = PipelineFunction.class)
public final class OpcUaWriteFunction extends OpcUaFunction {
    // The inputs may be given as constants in params, so the params schema lists them.
    private static final String PARAMS_SCHEMA = """
            {
              "$schema": "https://json-schema.org/draft/2020-12/schema",
              "type": "object",
              "properties": {
                "nodeId": {"type": "string", "minLength": 1,
                           "description": "The variable to write: ns=1;s=Setpoint"},
                "value": {"description": "The value: a number, true/false or a string, as the node's DataType takes"}
              },
              "additionalProperties": false
            }
            """;

    /** Describes the function; it has no state of its own. */
    public OpcUaWriteFunction() {
        super(
                "opcua.write",
                "Write an OPC UA value",
                List.of(
                        PortDescriptor.required("nodeId", PortType.STRING),
                        PortDescriptor.required("value", PortType.JSON)),
                List.of(PortDescriptor.output("ok", PortType.BOOLEAN)),
                PARAMS_SCHEMA);
    }

    @Override
    CompletionStage<Map<String, Object>> start(OpcUaDevice device, Invocation invocation) {
        Object value = input(invocation, "value");
        if (value == null) {
            throw new IllegalArgumentException("input 'value' holds nothing to write");
        }
        return device.writeNode(nodeId(invocation, "nodeId", true), value).thenApply(written -> Map.of("ok", true));
    }
}
