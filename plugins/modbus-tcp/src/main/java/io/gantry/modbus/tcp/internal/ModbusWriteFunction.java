package io.gantry.modbus.tcp.internal;

import io.gantry.engine.api.function.Invocation;
import io.gantry.engine.api.function.PipelineFunction;
import io.gantry.engine.api.function.PortDescriptor;
import io.gantry.engine.api.function.PortType;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import org.osgi.service.component.annotations.Component;

/**
 * {@code modbus.write}: writes the input {@code value} (one value, or an array of them) of {@code type}
 * from {@code address} on, in one request: FC 5 or 15 for coils, FC 6 for one holding register, FC 16
 * for more (a 32-bit value is two). Outputs how many values were written.
 */
@Component(service = PipelineFunction.class)
public final class ModbusWriteFunction extends ModbusFunction {
    // The input may be given as a constant in params, so the params schema lists it.
    private static final String PARAMS_SCHEMA = """
            {
              "$schema": "https://json-schema.org/draft/2020-12/schema",
              "type": "object",
              "properties": {
                "table": {"enum": ["coil", "holding"], "description": "The table to write (the others are read-only)"},
                "address": {"type": "integer", "minimum": 0, "maximum": 65535,
                            "description": "0-based address of the first value"},
                "type": {"enum": ["bool", "int16", "uint16", "int32", "uint32", "float32"],
                         "description": "Type of each value; default uint16 (bool for coil, the only type it holds)"},
                "wordOrder": {"enum": ["big", "little"], "default": "big",
                              "description": "32-bit types only: big puts the high word at the lower address"},
                "value": {"description": "The value (a number, or true/false for a coil), or an array of them for neighbouring addresses"}
              },
              "required": ["table", "address"],
              "additionalProperties": false
            }
            """;

    /** Describes the function; it has no state of its own. */
    public ModbusWriteFunction() {
        super(
                "modbus.write",
                "Write Modbus values",
                List.of(PortDescriptor.required("value", PortType.JSON)),
                List.of(PortDescriptor.output("written", PortType.INTEGER)),
                PARAMS_SCHEMA);
    }

    @Override
    CompletionStage<Map<String, Object>> start(ModbusTcpDevice device, Target target, Invocation invocation) {
        Object value = invocation.inputs().get("value");
        List<?> values = value instanceof List<?> list ? list : value == null ? List.of() : List.of(value);
        if (values.isEmpty()) {
            throw new IllegalArgumentException("input 'value' holds nothing to write");
        }
        check(target, values.size(), invocation.params().containsKey("wordOrder"));
        if (!target.table().writable()) {
            throw new IllegalArgumentException("params.table: " + target.table().describeWithArticle(target.address())
                    + " is read-only; write a coil or a holding register");
        }
        String where = target.table()
                .describe(
                        target.address(), values.size() * target.codec().type().width());
        return device.write(target.table(), target.address(), target.codec(), values, where)
                .thenApply(written -> Map.of("written", written));
    }
}
