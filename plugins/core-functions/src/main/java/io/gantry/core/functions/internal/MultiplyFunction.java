package io.gantry.core.functions.internal;

import io.gantry.engine.api.function.PipelineFunction;
import org.osgi.service.component.annotations.Component;

/** {@code core.multiply}: {@code result = a * b}. */
@Component(service = PipelineFunction.class)
public final class MultiplyFunction extends ArithmeticFunction {

    /** Describes the function; it has no state of its own. */
    public MultiplyFunction() {
        super("core.multiply", "Multiply", Math::multiplyExact, (a, b) -> a * b);
    }
}
