package io.gantry.bench.jmh;

import io.gantry.engine.api.pipeline.EdgeDefinition;
import io.gantry.engine.api.pipeline.NodeDefinition;
import io.gantry.engine.api.pipeline.PipelineDefinition;
import io.gantry.engine.api.pipeline.RepeatSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The pipeline shapes the benchmarks run, built from {@link BenchFunctions}. */
final class PipelineShapes {
    private PipelineShapes() {}

    /** {@code n0 → n1 → … → n(length-1)}, every node a no-op; n0 gets its input as a constant. */
    static PipelineDefinition chain(int length) {
        List<NodeDefinition> nodes = new ArrayList<>(length);
        List<EdgeDefinition> edges = new ArrayList<>(length);
        nodes.add(NodeDefinition.of("n0", BenchFunctions.PASS, Map.of("in", 1)));
        for (int i = 1; i < length; i++) {
            nodes.add(NodeDefinition.of("n" + i, BenchFunctions.PASS, Map.of()));
            edges.add(new EdgeDefinition("n" + (i - 1) + ".out", "n" + i + ".in"));
        }
        return new PipelineDefinition("chain-" + length, "chain of " + length, null, nodes, edges);
    }

    /**
     * {@code source → width × middle → sink}: the middle nodes depend only on the source, so the
     * engine may run them all at once; the sink waits for every one of them.
     */
    static PipelineDefinition fan(int width, String middleFunction) {
        if (width > BenchFunctions.GATHER_WIDTH) {
            throw new IllegalArgumentException("the sink takes at most " + BenchFunctions.GATHER_WIDTH + " inputs");
        }
        List<NodeDefinition> nodes = new ArrayList<>(width + 2);
        List<EdgeDefinition> edges = new ArrayList<>(2 * width);
        nodes.add(NodeDefinition.of("source", BenchFunctions.PASS, Map.of("in", 1)));
        for (int i = 0; i < width; i++) {
            nodes.add(NodeDefinition.of("m" + i, middleFunction, Map.of()));
            edges.add(new EdgeDefinition("source.out", "m" + i + ".in"));
            edges.add(new EdgeDefinition("m" + i + ".out", "sink." + BenchFunctions.gatherPort(i)));
        }
        nodes.add(NodeDefinition.of("sink", BenchFunctions.GATHER, Map.of()));
        return new PipelineDefinition("fan-" + width, "fan-out/fan-in of " + width, null, nodes, edges);
    }

    /**
     * A chain of decisions: {@code d0}, then for each step {@code d(i)} runs when {@code d(i-1).ok}
     * (true) and its sibling {@code x(i)} when {@code !d(i-1).ok} (so it is skipped), and an order edge
     * from {@code x(i)} to {@code after(i)} skips that too: every step decides, runs one node and skips
     * two. {@code 1 + 3 × steps} nodes.
     */
    static PipelineDefinition decisions(int steps) {
        List<NodeDefinition> nodes = new ArrayList<>(1 + 3 * steps);
        List<EdgeDefinition> edges = new ArrayList<>(steps);
        nodes.add(NodeDefinition.of("d0", BenchFunctions.FLAG, Map.of("in", 1)));
        for (int i = 1; i <= steps; i++) {
            String previous = "d" + (i - 1) + ".ok";
            nodes.add(NodeDefinition.of("d" + i, BenchFunctions.FLAG, Map.of()).withWhen(previous));
            nodes.add(NodeDefinition.of("x" + i, BenchFunctions.PASS, Map.of()).withWhen("!" + previous));
            nodes.add(NodeDefinition.of("after" + i, BenchFunctions.PASS, Map.of()));
            edges.add(new EdgeDefinition("x" + i, "after" + i));
        }
        return new PipelineDefinition("decisions-" + steps, steps + " decisions", null, nodes, edges);
    }

    /**
     * One node looping {@code iterations} times with no wait between: {@code times} on a no-op, or
     * {@code until} the countdown's {@code done}. The until loop's bound is the count itself, so a
     * countdown that ended late would fail the run instead of timing more iterations.
     */
    static PipelineDefinition loop(boolean until, int iterations) {
        NodeDefinition node = until
                ? NodeDefinition.of("loop", BenchFunctions.COUNTDOWN, Map.of("in", 1))
                        .withRepeat(RepeatSpec.until(BenchFunctions.DONE, iterations, 0))
                : NodeDefinition.of("loop", BenchFunctions.PASS, Map.of("in", 1))
                        .withRepeat(RepeatSpec.times(iterations));
        String kind = until ? "until" : "times";
        return new PipelineDefinition(
                "loop-" + kind + "-" + iterations,
                iterations + " iterations (" + kind + ")",
                null,
                List.of(node),
                List.of());
    }
}
