package io.gantry.modbus.tcp.internal;

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
 * {@code modbus.read}: reads {@code count} values of {@code type} from {@code address} of {@code table} in
 * one request; outputs them all ({@code values}) and the first ({@code value}).
 */
@Component(service = PipelineFunction.class)
public final class ModbusReadFunction extends ModbusFunction {
    private static final String PARAMS_SCHEMA = """
            {
              "$schema": "https://json-schema.org/draft/2020-12/schema",
              "type": "object",
              "properties": {
                "table": {"enum": ["coil", "discrete", "holding", "input"], "description": "The table to read"},
                "address": {"type": "integer", "minimum": 0, "maximum": 65535,
                            "description": "0-based address of the first value"},
                "count": {"type": "integer", "minimum": 1, "maximum": 125, "default": 1,
                          "description": "How many values; a 32-bit value takes two registers, and one read takes at most 125 registers"},
                "type": {"enum": ["bool", "int16", "uint16", "int32", "uint32", "float32"],
                         "description": "Type of each value; default uint16 (bool for coil and discrete, the only type they hold)"},
                "wordOrder": {"enum": ["big", "little"], "default": "big",
                              "description": "32-bit types only: big puts the high word at the lower address"}
              },
              "required": ["table", "address"],
              "additionalProperties": false
            }
            """;

    /** Describes the function; it has no state of its own. */
    public ModbusReadFunction() {
        super(
                "modbus.read",
                "Read Modbus values",
                List.of(),
                List.of(PortDescriptor.output("values", PortType.JSON), PortDescriptor.output("value", PortType.JSON)),
                PARAMS_SCHEMA);
    }

    @Override
    CompletionStage<Map<String, Object>> start(ModbusTcpDevice device, Target target, Invocation invocation) {
        Map<String, Object> params = invocation.params();
        int count = (int) whole(params, "count", 1L, 1, Table.MAX_REGISTERS_PER_READ);
        check(target, count, params.containsKey("wordOrder"));
        int size = count * target.codec().type().width();
        if (size > target.table().maxPerRead()) {
            throw new IllegalArgumentException("params.count: " + count + " x "
                    + target.codec().type().id() + " take " + size + " registers; one read takes at most "
                    + target.table().maxPerRead());
        }
        return device.readValues(target.table(), target.address(), count, target.codec())
                .thenApply(values -> {
                    Map<String, Object> outputs = new HashMap<>();
                    outputs.put("values", values);
                    outputs.put("value", values.get(0));
                    return outputs;
                });
    }
}
