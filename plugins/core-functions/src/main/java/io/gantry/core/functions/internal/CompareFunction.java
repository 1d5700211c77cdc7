package io.gantry.core.functions.internal;

import io.gantry.engine.api.function.PipelineFunction;
import io.gantry.engine.api.function.PortType;
import java.util.Map;
import org.osgi.service.component.annotations.Component;

/** {@code core.compare}: {@code result = a op b} for the operator in the {@code op} param. */
@Component(service = PipelineFunction.class)
public final class CompareFunction extends BinaryNumberFunction {
    private static final String PARAMS_SCHEMA = ParamsSchema.of("""
                "op": {"enum": ["<", "<=", "==", "!=", ">=", ">"]},
                "a": {"type": "number"},
                "b": {"type": "number"}
                """, "op");

    /** Describes the function; it has no state of its own. */
    public CompareFunction() {
        super("core.compare", "Compare", PortType.BOOLEAN, PARAMS_SCHEMA);
    }

    @Override
    Object apply(Number a, Number b, Map<String, Object> params) {
        return ComparisonOperator.of(params.get("op")).test(a.doubleValue(), b.doubleValue());
    }
}
