package ${package};

import io.gantry.engine.api.function.FunctionDescriptor;
import io.gantry.engine.api.function.Invocation;
import io.gantry.engine.api.function.PipelineFunction;
import io.gantry.engine.api.function.PortDescriptor;
import io.gantry.engine.api.function.PortType;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.osgi.service.component.annotations.Component;

/**
 * Function {@code ${deviceType}.pulse}: runs on a {@code ${deviceType}} device, takes a duration
 * (input {@code ms}, or the constant in params) and answers the device's host and the build that ran
 * it. It completes from a timer, never blocking a thread, and ends at once when cancelled.
 */
@Component(service = PipelineFunction.class)
public final class ExampleFunction implements PipelineFunction {
    /** The build of this plugin (build.properties, filled in by Maven), so a run shows which version served it. */
    private final String build = BuildInfo.version();

    @Override
    public FunctionDescriptor descriptor() {
        return new FunctionDescriptor("${deviceType}.pulse", "Pulse", "${deviceType}",
                List.of(PortDescriptor.optional("ms", PortType.INTEGER)),
                List.of(PortDescriptor.output("host", PortType.STRING), PortDescriptor.output("build", PortType.STRING)),
                "{\"type\":\"object\",\"properties\":{\"ms\":{\"type\":\"integer\",\"minimum\":0}}}", 5_000);
    }

    @Override
    public CompletionStage<Map<String, Object>> invoke(Invocation invocation) {
        ExampleDevice device = invocation.device(ExampleDevice.class);
        Object ms = invocation.inputs().getOrDefault("ms", 0);
        CompletableFuture<Map<String, Object>> done = new CompletableFuture<>();
        invocation.onCancel(() -> done.completeExceptionally(new IllegalStateException("cancelled")));
        CompletableFuture.delayedExecutor(((Number) ms).longValue(), TimeUnit.MILLISECONDS)
                .execute(() -> done.complete(Map.of("host", device.host(), "build", build)));
        return done;
    }
}
