package io.gantry.core.functions.internal;

import io.gantry.engine.api.function.PipelineFunction;
import org.osgi.service.component.annotations.Component;

/** {@code core.add}: {@code result = a + b}. */
@Component(service = PipelineFunction.class)
public final class AddFunction extends ArithmeticFunction {

    /** Describes the function; it has no state of its own. */
    public AddFunction() {
        super("core.add", "Add", Math::addExact, Double::sum);
    }
}
