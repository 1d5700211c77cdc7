package io.gantry.bench.jmh;

import io.gantry.engine.api.pipeline.EdgeDefinition;
import io.gantry.engine.api.pipeline.NodeDefinition;
import io.gantry.engine.api.pipeline.PipelineDefinition;
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
}
