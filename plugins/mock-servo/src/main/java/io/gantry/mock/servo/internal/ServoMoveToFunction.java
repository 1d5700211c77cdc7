package io.gantry.mock.servo.internal;

import io.gantry.engine.api.function.Invocation;
import io.gantry.engine.api.function.PipelineFunction;
import io.gantry.engine.api.function.PortDescriptor;
import io.gantry.engine.api.function.PortType;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import org.osgi.service.component.annotations.Component;

/**
 * {@code servo.move_to}: moves the axis to {@code position} at {@code speed} (default: the device's
 * {@code maxSpeed}); takes |Δposition| / speed seconds of simulated time.
 */
@Component(service = PipelineFunction.class)
public final class ServoMoveToFunction extends ServoFunction<MoveResult> {
    // Both inputs may be given as constants in params, so the params schema lists them.
    private static final String PARAMS_SCHEMA = """
            {
              "$schema": "https://json-schema.org/draft/2020-12/schema",
              "type": "object",
              "properties": {
                "position": {"type": "number", "description": "Target position, within the device's limits"},
                "speed": {"type": "number", "exclusiveMinimum": 0,
                          "description": "Position units per second, at most maxSpeed; default maxSpeed"}
              },
              "additionalProperties": false
            }
            """;

    /** Describes the function; it has no state of its own. */
    public ServoMoveToFunction() {
        super(
                "servo.move_to",
                "Move the servo axis",
                List.of(
                        PortDescriptor.required("position", PortType.NUMBER),
                        PortDescriptor.optional("speed", PortType.NUMBER)),
                List.of(POSITION_OUTPUT, PortDescriptor.output("elapsedMs", PortType.NUMBER)),
                PARAMS_SCHEMA);
    }

    @Override
    CompletionStage<MoveResult> start(MockServo servo, Invocation invocation) {
        double speed =
                invocation.inputs().get("speed") == null ? servo.config().maxSpeed() : invocation.number("speed");
        return servo.moveTo(invocation.number("position"), speed);
    }

    @Override
    Map<String, Object> outputs(MoveResult result) {
        return Map.of("position", result.position(), "elapsedMs", result.elapsedMs());
    }
}
