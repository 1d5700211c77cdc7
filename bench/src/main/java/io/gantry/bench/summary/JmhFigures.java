package io.gantry.bench.summary;

import com.fasterxml.jackson.databind.JsonNode;
import io.gantry.bench.e2e.Figure;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;

/**
 * Turns JMH's JSON result into figures: every measurement iteration of every fork is one sample, so
 * min and max show the spread between iterations and forks. Per-node figures divide by the number of
 * nodes the pipeline has.
 */
final class JmhFigures {
    /**
     * Benchmark method → how the summary names it, and by how many nodes (or loop iterations, the
     * {@code each}) to divide for a per-node figure.
     */
    private record Shape(String name, int perNodeDivisor, String each) {
        Shape(String name, int perNodeDivisor) {
            this(name, perNodeDivisor, "node");
        }
    }

    private static final Map<String, Shape> SHAPES = Map.of(
            "ChainBenchmark.chainOf1000", new Shape("engine: 1,000-node chain of no-ops, per run", 1000),
            "FanOutBenchmark.fanOutOf1000", new Shape("engine: 1 → 1,000 no-ops → 1 fan-out/fan-in, per run", 1002),
            "DecisionsBenchmark.decisionsOf333",
                    new Shape("engine: 333 decisions (1,000 nodes, 2 of 3 skipped), per run", 1000),
            "SmallPipelineBenchmark.tenNodesBackToBack", new Shape("engine: 10-node pipeline back to back", 0),
            "ValidationBenchmark.validate1000Nodes", new Shape("engine: validate a 1,000-node pipeline into a plan", 0),
            "PlanCacheBenchmark.validate100Nodes",
                    new Shape("engine: plan of a stored 100-node pipeline, validated", 0),
            "PlanCacheBenchmark.cacheHit100Nodes",
                    new Shape("engine: plan of a stored 100-node pipeline, cache hit", 0),
            "ParallelBranchesBenchmark.branchesOf50ms", new Shape("engine: wall time of 50 ms branches", 0),
            "LoopBenchmark.loopOf1000", new Shape("engine: one node looping 1,000 times, per run", 1000, "iteration"));

    private JmhFigures() {}

    static List<Figure> of(JsonNode jmhResults) {
        List<Figure> figures = new ArrayList<>();
        for (JsonNode result : jmhResults) {
            String benchmark = result.path("benchmark").asText();
            String method = benchmark.substring(benchmark.lastIndexOf('.', benchmark.lastIndexOf('.') - 1) + 1);
            Shape shape = SHAPES.getOrDefault(method, new Shape(method, 0));
            String params = params(result.path("params"));
            String unit = result.path("primaryMetric").path("scoreUnit").asText();
            List<Double> samples = samples(result.path("primaryMetric").path("rawData"), x -> x);
            figures.add(new Figure(shape.name() + params, unit, samples, jmhNote(result)));
            if (shape.perNodeDivisor() > 0) {
                int nodes = shape.perNodeDivisor();
                String each = shape.each();
                figures.add(new Figure(
                        shape.name().replace("per run", "per " + each) + params,
                        unit.replace("/op", "/" + each),
                        samples(result.path("primaryMetric").path("rawData"), x -> x / nodes),
                        "per run ÷ " + nodes + " " + each + "s"));
            }
        }
        return figures;
    }

    /** @return e.g. {@code , branches=4}, or nothing for a benchmark without parameters */
    private static String params(JsonNode params) {
        StringBuilder text = new StringBuilder();
        params.fields()
                .forEachRemaining(param -> text.append(", ")
                        .append(param.getKey())
                        .append('=')
                        .append(param.getValue().asText()));
        return text.toString();
    }

    private static List<Double> samples(JsonNode rawData, DoubleUnaryOperator scale) {
        List<Double> samples = new ArrayList<>();
        for (JsonNode fork : rawData) {
            for (JsonNode iteration : fork) {
                samples.add(scale.applyAsDouble(iteration.asDouble()));
            }
        }
        return samples;
    }

    private static String jmhNote(JsonNode result) {
        return "JMH " + result.path("mode").asText() + ", "
                + result.path("forks").asInt() + " fork(s) × "
                + result.path("measurementIterations").asInt() + " iterations of "
                + result.path("measurementTime").asText() + " after "
                + result.path("warmupIterations").asInt()
                + " warm-up";
    }
}
