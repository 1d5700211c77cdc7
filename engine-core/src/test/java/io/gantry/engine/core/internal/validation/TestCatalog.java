package io.gantry.engine.core.internal.validation;

import io.gantry.engine.api.error.Problem;
import io.gantry.engine.api.function.FunctionDescriptor;
import io.gantry.engine.api.function.PortDescriptor;
import io.gantry.engine.api.function.PortType;
import io.gantry.engine.core.internal.schema.ParamsSchemaChecker;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A fixed set of functions and devices for validator tests. */
final class TestCatalog {
    static final FunctionDescriptor ADD = new FunctionDescriptor(
            "core.add",
            "Add",
            null,
            List.of(PortDescriptor.required("a", PortType.NUMBER), PortDescriptor.required("b", PortType.NUMBER)),
            List.of(PortDescriptor.output("result", PortType.NUMBER)),
            null,
            0);
    static final FunctionDescriptor CONSTANT = new FunctionDescriptor(
            "core.constant",
            "Constant",
            null,
            List.of(),
            List.of(PortDescriptor.output("value", PortType.JSON)),
            null,
            0);
    static final FunctionDescriptor COUNT = new FunctionDescriptor(
            "test.count", "Count", null, List.of(), List.of(PortDescriptor.output("n", PortType.INTEGER)), null, 0);
    static final FunctionDescriptor COMPARE = new FunctionDescriptor(
            "core.compare",
            "Compare",
            null,
            List.of(PortDescriptor.required("a", PortType.NUMBER), PortDescriptor.required("b", PortType.NUMBER)),
            List.of(PortDescriptor.output("result", PortType.BOOLEAN)),
            "{\"type\":\"object\",\"required\":[\"op\"]}",
            0);
    static final FunctionDescriptor MOVE = new FunctionDescriptor(
            "servo.move_to",
            "Move",
            "mock-servo",
            List.of(
                    PortDescriptor.required("position", PortType.NUMBER),
                    PortDescriptor.optional("speed", PortType.NUMBER)),
            List.of(PortDescriptor.output("position", PortType.NUMBER)),
            null,
            5_000);
    static final FunctionDescriptor PASS = new FunctionDescriptor(
            "test.pass",
            "Pass",
            null,
            List.of(PortDescriptor.optional("in", PortType.JSON)),
            List.of(PortDescriptor.output("out", PortType.JSON)),
            null,
            0);

    private static final Map<String, FunctionDescriptor> FUNCTIONS = Map.of(
            ADD.id(),
            ADD,
            CONSTANT.id(),
            CONSTANT,
            COUNT.id(),
            COUNT,
            COMPARE.id(),
            COMPARE,
            MOVE.id(),
            MOVE,
            PASS.id(),
            PASS);
    private static final Map<String, String> DEVICES = Map.of("axis-1", "mock-servo", "camera-1", "camera");

    /** Reports {@code required} params named in the schema as missing, the way a real checker would. */
    static final ParamsSchemaChecker REQUIRED_CHECKER =
            (schema, params, path) -> schema.contains("\"op\"") && !params.containsKey("op")
                    ? List.of(new Problem(path + ".op", "schema", "op is required"))
                    : List.of();

    private TestCatalog() {}

    static Map<String, FunctionDescriptor> functions() {
        return FUNCTIONS;
    }

    static PipelineValidator validator() {
        return new PipelineValidator(
                id -> Optional.ofNullable(FUNCTIONS.get(id)),
                id -> Optional.ofNullable(DEVICES.get(id)),
                REQUIRED_CHECKER);
    }
}
