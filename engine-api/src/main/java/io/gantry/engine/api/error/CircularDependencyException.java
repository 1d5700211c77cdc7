package io.gantry.engine.api.error;

import java.util.List;

/** The pipeline's edges form a cycle; {@link #cycle()} names it node by node. */
public class CircularDependencyException extends PipelineValidationException {
    private static final long serialVersionUID = 1L;
    private final List<String> cycle;

    /**
     * @param cycle    the node ids along the cycle, the first repeated at the end ({@code a, b, c, a})
     * @param problems every problem found, the cycle among them
     */
    public CircularDependencyException(List<String> cycle, List<Problem> problems) {
        super("pipeline has a cycle: " + String.join(" -> ", cycle), problems);
        this.cycle = List.copyOf(cycle);
    }

    /** @return the node ids along the cycle, the first repeated at the end */
    public List<String> cycle() {
        return cycle;
    }

    @Override
    public String code() {
        return "cycle";
    }
}
