package io.gantry.engine.core.internal.execution;

import io.gantry.engine.api.function.PipelineFunction;
import io.gantry.engine.core.internal.plan.PlanNode;
import java.util.Map;

/**
 * Resolves the controller's own functions ({@code core.call}) before asking the live plugins: they
 * come with the engine, so no plugin can take them over or take them away.
 */
final class BuiltinNodeResolver implements NodeResolver {
    /** What a node record names as the plugin of a built-in function. */
    static final String BUILT_IN = "built-in";

    private final NodeResolver plugins;
    private final Map<String, PipelineFunction> builtins;

    BuiltinNodeResolver(NodeResolver plugins, Map<String, PipelineFunction> builtins) {
        this.plugins = plugins;
        this.builtins = Map.copyOf(builtins);
    }

    @Override
    public ResolvedNode resolve(PlanNode node) {
        PipelineFunction builtin = builtins.get(node.functionId());
        return builtin == null ? plugins.resolve(node) : new ResolvedNode(builtin, BUILT_IN, "", null);
    }

    @Override
    public Throwable explain(PlanNode node, ResolvedNode resolved, Throwable failure) {
        return builtins.containsKey(node.functionId()) ? failure : plugins.explain(node, resolved, failure);
    }
}
