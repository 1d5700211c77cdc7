package io.gantry.core.functions.internal;

import io.gantry.engine.api.function.Invocation;
import io.gantry.engine.api.function.PipelineFunction;
import io.gantry.engine.api.function.PortDescriptor;
import io.gantry.engine.api.function.PortType;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code core.log}: writes {@code value} to the controller log at INFO and passes it on. */
@Component(service = PipelineFunction.class)
public final class LogFunction extends CoreFunction {
    private static final Logger LOG = LoggerFactory.getLogger(LogFunction.class);
    private static final String PARAMS_SCHEMA = ParamsSchema.of("""
                "value": {"description": "The value to log, when no edge feeds it"}
                """);

    /** Describes the function; it has no state of its own. */
    public LogFunction() {
        super(
                "core.log",
                "Log",
                List.of(PortDescriptor.required("value", PortType.JSON)),
                List.of(PortDescriptor.output("value", PortType.JSON)),
                PARAMS_SCHEMA);
    }

    @Override
    CompletionStage<Map<String, Object>> call(Invocation invocation) {
        Object value = invocation.inputs().get("value");
        LOG.info("execution {} node {}: {}", invocation.executionId(), invocation.nodeId(), value);
        return output("value", value);
    }
}
