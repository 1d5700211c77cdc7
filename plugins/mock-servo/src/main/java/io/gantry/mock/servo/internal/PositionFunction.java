package io.gantry.mock.servo.internal;

import io.gantry.engine.api.function.FunctionDescriptor;
import java.util.List;
import java.util.Map;

/** A servo function without inputs or params whose only output is the axis position. */
abstract class PositionFunction extends ServoFunction<Double> {

    /**
     * @param id   the function id
     * @param name its human-readable name
     */
    PositionFunction(String id, String name) {
        super(id, name, List.of(), List.of(POSITION_OUTPUT), FunctionDescriptor.NO_PARAMS);
    }

    @Override
    final Map<String, Object> outputs(Double position) {
        return Map.of(POSITION_OUTPUT.name(), position);
    }
}
