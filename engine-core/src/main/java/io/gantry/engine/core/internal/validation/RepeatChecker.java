package io.gantry.engine.core.internal.validation;

import static io.gantry.engine.core.internal.validation.NodeTable.path;

import io.gantry.engine.api.error.Problem;
import io.gantry.engine.api.function.FunctionDescriptor;
import io.gantry.engine.api.function.PortDescriptor;
import io.gantry.engine.api.function.PortType;
import io.gantry.engine.api.pipeline.NodeDefinition;
import io.gantry.engine.api.pipeline.RepeatSpec;
import java.util.List;

/**
 * Checks a node's {@code repeat}: a loop must be bounded ({@code times}, or {@code until} with
 * {@code maxIterations}, not both), its numbers in range, and its {@code until} a boolean output of
 * the node itself. Every problem is reported, each at its field.
 */
final class RepeatChecker {
    private RepeatChecker() {}

    /** @param function the node's function, null when it is unknown (then {@code until} is not checked) */
    static void check(int i, NodeDefinition node, FunctionDescriptor function, List<Problem> problems) {
        RepeatSpec repeat = node.repeat();
        if (repeat == null) {
            return;
        }
        String path = path(i) + ".repeat";
        boolean counted = repeat.times() != null;
        boolean polled = repeat.until() != null || repeat.maxIterations() != null;
        if (counted && polled) {
            problems.add(new Problem(
                    path,
                    ProblemCodes.INVALID_REPEAT,
                    "repeat takes either 'times' or 'until' with 'maxIterations', not both"));
        } else if (!counted && !polled) {
            problems.add(new Problem(
                    path,
                    ProblemCodes.UNBOUNDED_REPEAT,
                    "repeat needs a bound: 'times', or 'until' with 'maxIterations'"));
        }
        if (counted) {
            checkCount(path + ".times", "times", repeat.times(), problems);
        }
        if (repeat.until() != null && repeat.maxIterations() == null) {
            problems.add(new Problem(
                    path + ".maxIterations",
                    ProblemCodes.UNBOUNDED_REPEAT,
                    "'until' needs 'maxIterations' (at most " + RepeatSpec.MAX_ITERATIONS + "): no loop may be"
                            + " unbounded"));
        }
        if (repeat.maxIterations() != null) {
            checkCount(path + ".maxIterations", "maxIterations", repeat.maxIterations(), problems);
            if (repeat.until() == null && !counted) {
                problems.add(new Problem(
                        path + ".until",
                        ProblemCodes.INVALID_REPEAT,
                        "'maxIterations' bounds an 'until' loop, and 'until' is missing"));
            }
        }
        Long interval = repeat.intervalMs();
        if (interval != null && (interval < 0 || interval > RepeatSpec.MAX_INTERVAL_MS)) {
            problems.add(new Problem(
                    path + ".intervalMs",
                    ProblemCodes.INVALID_REPEAT,
                    "intervalMs must be between 0 and " + RepeatSpec.MAX_INTERVAL_MS + ", was " + interval));
        }
        if (repeat.until() != null) {
            checkUntil(path + ".until", repeat.until(), function, problems);
        }
    }

    private static void checkCount(String path, String name, int value, List<Problem> problems) {
        if (value < 1 || value > RepeatSpec.MAX_ITERATIONS) {
            problems.add(new Problem(
                    path,
                    ProblemCodes.INVALID_REPEAT,
                    name + " must be between 1 and " + RepeatSpec.MAX_ITERATIONS + ", was " + value));
        }
    }

    private static void checkUntil(String path, String until, FunctionDescriptor function, List<Problem> problems) {
        if (until.isBlank()) {
            problems.add(new Problem(
                    path, ProblemCodes.INVALID_REPEAT, "'until' must name a boolean output port of the node"));
            return;
        }
        if (function == null) {
            return; // the unknown function is reported already
        }
        PortDescriptor out = function.output(until);
        if (out == null) {
            problems.add(new Problem(
                    path,
                    ProblemCodes.UNKNOWN_PORT,
                    "'until' names '" + until + "', which is not an output of function '" + function.id()
                            + "' (a loop polls an output of its own node)"));
        } else if (out.type() != PortType.BOOLEAN) {
            problems.add(new Problem(
                    path,
                    ProblemCodes.CONDITION_NOT_BOOLEAN,
                    "'until' needs a boolean output; '" + until + "' is of type "
                            + out.type().id()));
        }
    }
}
