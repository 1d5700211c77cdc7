package io.gantry.bench.e2e;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The pipelines the REST benchmarks store, as the JSON of docs/API.md, over the core-functions plugin. */
final class PipelineJson {
    private PipelineJson() {}

    /** {@code core.constant} (value 1) → 9 × {@code core.add} with {@code b = 1}: 10 nodes, one after another. */
    static String constantThenAdds(String name) {
        List<Map<String, Object>> nodes = new ArrayList<>();
        List<Map<String, Object>> edges = new ArrayList<>();
        nodes.add(node("n0", "core.constant", Map.of("value", 1)));
        for (int i = 1; i < 10; i++) {
            nodes.add(node("n" + i, "core.add", Map.of("b", 1)));
            edges.add(edge("n" + (i - 1) + (i == 1 ? ".value" : ".result"), "n" + i + ".a"));
        }
        return pipeline(name, nodes, edges);
    }

    /**
     * 10 × {@code core.add}, the first with both inputs as constants. The fallback for a controller
     * that will not feed the constant's {@code json} output into the {@code number} input {@code a}
     * (engine-api's {@code PortType} rule: json feeds only json).
     */
    static String addsOnly(String name) {
        List<Map<String, Object>> nodes = new ArrayList<>();
        List<Map<String, Object>> edges = new ArrayList<>();
        nodes.add(node("n0", "core.add", Map.of("a", 1, "b", 1)));
        for (int i = 1; i < 10; i++) {
            nodes.add(node("n" + i, "core.add", Map.of("b", 1)));
            edges.add(edge("n" + (i - 1) + ".result", "n" + i + ".a"));
        }
        return pipeline(name, nodes, edges);
    }

    /** A single {@code core.constant}: the cost of one execution over REST with (next to) no work. */
    static String oneNode(String name) {
        return pipeline(name, List.of(node("n0", "core.constant", Map.of("value", 1))), List.of());
    }

    /** {@code core.constant} → {@code branches} × {@code core.delay} of {@code ms} each, side by side. */
    static String delayBranches(String name, int branches, long ms) {
        List<Map<String, Object>> nodes = new ArrayList<>();
        List<Map<String, Object>> edges = new ArrayList<>();
        nodes.add(node("source", "core.constant", Map.of("value", 1)));
        for (int i = 0; i < branches; i++) {
            nodes.add(node("delay" + i, "core.delay", Map.of("ms", ms)));
            edges.add(edge("source.value", "delay" + i + ".value"));
        }
        return pipeline(name, nodes, edges);
    }

    private static Map<String, Object> node(String id, String function, Map<String, Object> params) {
        return Map.of("id", id, "function", function, "params", params);
    }

    private static Map<String, Object> edge(String from, String to) {
        return Map.of("from", from, "to", to);
    }

    private static String pipeline(String name, List<Map<String, Object>> nodes, List<Map<String, Object>> edges) {
        try {
            return Api.JSON.writeValueAsString(Map.of("name", name, "nodes", nodes, "edges", edges));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
