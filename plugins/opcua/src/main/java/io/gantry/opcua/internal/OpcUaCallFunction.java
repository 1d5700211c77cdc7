package io.gantry.opcua.internal;

import io.gantry.engine.api.function.Invocation;
import io.gantry.engine.api.function.PipelineFunction;
import io.gantry.engine.api.function.PortDescriptor;
import io.gantry.engine.api.function.PortType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import org.osgi.service.component.annotations.Component;

/**
 * {@code opcua.call}: calls a method on an object. The method's InputArguments type the inputs (given by
 * argument name or in order); the outputs come back by the names of its OutputArguments.
 */
@Component(service = PipelineFunction.class)
public final class OpcUaCallFunction extends OpcUaFunction {
    private static final String PARAMS_SCHEMA = """
            {
              "$schema": "https://json-schema.org/draft/2020-12/schema",
              "type": "object",
              "properties": {
                "objectId": {"type": "string", "minLength": 1,
                             "description": "The object the method is called on: ns=1;s=Machine"},
                "methodId": {"type": "string", "minLength": 1,
                             "description": "The method: ns=1;s=Multiply"},
                "inputs": {"type": ["object", "array"],
                           "description": "The input arguments: an object by argument name, or an array in order"}
              },
              "additionalProperties": false
            }
            """;

    /** Describes the function; it has no state of its own. */
    public OpcUaCallFunction() {
        super(
                "opcua.call",
                "Call an OPC UA method",
                List.of(
                        PortDescriptor.required("objectId", PortType.STRING),
                        PortDescriptor.required("methodId", PortType.STRING),
                        PortDescriptor.optional("inputs", PortType.JSON)),
                List.of(PortDescriptor.output("outputs", PortType.JSON)),
                PARAMS_SCHEMA);
    }

    @Override
    CompletionStage<Map<String, Object>> start(OpcUaDevice device, Invocation invocation) {
        return device.call(
                        nodeId(invocation, "objectId", true),
                        nodeId(invocation, "methodId", true),
                        input(invocation, "inputs"))
                .thenApply(outputs -> {
                    Map<String, Object> result = new HashMap<>();
                    result.put("outputs", outputs);
                    return result;
                });
    }
}
