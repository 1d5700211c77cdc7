package io.gantry.engine.api.error;

import java.util.List;
import java.util.stream.Collectors;

/** A pipeline (or another submitted document) is invalid; {@link #problems()} lists every problem found. */
public class PipelineValidationException extends GantryException {
    private static final long serialVersionUID = 1L;
    private final List<Problem> problems;

    /**
     * @param problems every problem found, at least one
     */
    public PipelineValidationException(List<Problem> problems) {
        this(summarize(problems), problems);
    }

    /**
     * @param message  a summary
     * @param problems every problem found, at least one
     */
    protected PipelineValidationException(String message, List<Problem> problems) {
        super(message);
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a validation exception needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    /** @return every problem found, in document order */
    public List<Problem> problems() {
        return problems;
    }

    @Override
    public String code() {
        return "validation";
    }

    private static String summarize(List<Problem> problems) {
        return problems.stream().map(p -> p.path() + ": " + p.message()).collect(Collectors.joining("; "));
    }
}
