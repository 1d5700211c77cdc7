package io.gantry.engine.core.internal.registry;

import io.gantry.engine.api.function.FunctionDescriptor;
import io.gantry.engine.api.function.Invocation;
import io.gantry.engine.api.function.PipelineFunction;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.osgi.service.component.annotations.Component;

/**
 * Counts the function calls in flight per plugin bundle, so that an update can let them finish
 * before it swaps the bundle.
 */
@Component(service = InFlightCalls.class)
public final class InFlightCalls {
    private final Map<Long, AtomicInteger> byBundle = new ConcurrentHashMap<>();

    /**
     * @param provided a live function
     * @return the same function, counting its calls until each one's stage completes
     */
    public PipelineFunction counting(Provided<PipelineFunction, FunctionDescriptor> provided) {
        AtomicInteger counter = byBundle.computeIfAbsent(provided.bundle().getBundleId(), id -> new AtomicInteger());
        PipelineFunction function = provided.service();
        return new PipelineFunction() {
            @Override
            public FunctionDescriptor descriptor() {
                return provided.descriptor();
            }

            @Override
            public CompletionStage<Map<String, Object>> invoke(Invocation invocation) {
                counter.incrementAndGet();
                try {
                    return function.invoke(invocation).whenComplete((result, failure) -> counter.decrementAndGet());
                } catch (RuntimeException | Error e) {
                    counter.decrementAndGet();
                    throw e;
                }
            }
        };
    }

    /**
     * @param bundleId a plugin bundle
     * @return calls of its functions still running
     */
    public int of(long bundleId) {
        AtomicInteger counter = byBundle.get(bundleId);
        return counter == null ? 0 : counter.get();
    }
}
