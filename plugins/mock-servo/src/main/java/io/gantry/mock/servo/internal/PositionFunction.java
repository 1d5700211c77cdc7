package io.gantry.mock.servo.internal;

import io.gantry.engine.api.function.FunctionDescriptor;
import io.gantry.engine.api.function.Invocation;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/** A servo function without inputs or params whose only output is the axis position. */
abstract class PositionFunction extends ServoFunction<Double> {

    private final Function<MockServo, CompletionStage<Double>> command;

    /**
     * @param id      the function id
     * @param name    its human-readable name
     * @param command the servo command, completing with the position
     */
    PositionFunction(String id, String name, Function<MockServo, CompletionStage<Double>> command) {
        super(id, name, List.of(), List.of(POSITION_OUTPUT), FunctionDescriptor.NO_PARAMS);
        this.command = command;
    }

    @Override
    final CompletionStage<Double> start(MockServo servo, Invocation invocation) {
        return command.apply(servo);
    }

    @Override
    final Map<String, Object> outputs(Double position) {
        return Map.of(POSITION_OUTPUT.name(), position);
    }
}
