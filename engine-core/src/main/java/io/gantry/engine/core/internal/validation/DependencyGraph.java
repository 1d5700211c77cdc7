package io.gantry.engine.core.internal.validation;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jgrapht.Graph;
import org.jgrapht.alg.connectivity.KosarajuStrongConnectivityInspector;
import org.jgrapht.graph.DirectedPseudograph;
import org.jgrapht.traverse.TopologicalOrderIterator;

/**
 * The nodes (by index) and edges (by index) of a pipeline as a JGraphT graph; finds one concrete
 * cycle per strongly connected component and orders an acyclic graph topologically.
 */
final class DependencyGraph {
    // a pseudograph keeps self-loops and parallel edges, both of which a pipeline may (wrongly) contain
    private final Graph<Integer, Integer> graph = new DirectedPseudograph<>(null, null, false);

    DependencyGraph(int nodeCount, List<ResolvedEdge> edges) {
        for (int i = 0; i < nodeCount; i++) {
            graph.addVertex(i);
        }
        for (ResolvedEdge edge : edges) {
            graph.addEdge(edge.from(), edge.to(), edge.index());
        }
    }

    /**
     * @return one cycle per strongly connected component that has one, each as node indexes from its
     *     lowest index round back to it (so {@code [0, 1, 2, 0]})
     */
    List<List<Integer>> cycles() {
        List<List<Integer>> cycles = new ArrayList<>();
        for (Set<Integer> component : new KosarajuStrongConnectivityInspector<>(graph).stronglyConnectedSets()) {
            int start = Collections.min(component);
            if (component.size() > 1 || graph.containsEdge(start, start)) {
                cycles.add(shortestCycleThrough(start, component));
            }
        }
        cycles.sort(Comparator.comparing(cycle -> cycle.get(0)));
        return cycles;
    }

    /** Breadth-first from start back to start, staying in its component, so the cycle is short. */
    private List<Integer> shortestCycleThrough(int start, Set<Integer> component) {
        Map<Integer, Integer> parent = new HashMap<>();
        Deque<Integer> queue = new ArrayDeque<>();
        queue.add(start);
        while (!queue.isEmpty()) {
            int current = queue.poll();
            for (Integer edge : sortedOutgoing(current)) {
                int next = graph.getEdgeTarget(edge);
                if (next == start) {
                    return pathBack(start, current, parent);
                }
                if (component.contains(next) && !parent.containsKey(next)) {
                    parent.put(next, current);
                    queue.add(next);
                }
            }
        }
        throw new IllegalStateException("node " + start + " is in a cycle but no path leads back to it");
    }

    private List<Integer> sortedOutgoing(int vertex) {
        List<Integer> edges = new ArrayList<>(graph.outgoingEdgesOf(vertex));
        Collections.sort(edges);
        return edges;
    }

    private static List<Integer> pathBack(int start, int last, Map<Integer, Integer> parent) {
        List<Integer> path = new ArrayList<>();
        path.add(start);
        for (Integer at = last; at != start; at = parent.get(at)) {
            path.add(at);
        }
        path.add(start);
        // collected backwards from the closing node; the head start stays first
        Collections.reverse(path.subList(1, path.size() - 1));
        return path;
    }

    /** @return node indexes in a topological order, ties broken by definition order; graph must be acyclic */
    List<Integer> topologicalOrder() {
        List<Integer> order = new ArrayList<>(graph.vertexSet().size());
        new TopologicalOrderIterator<>(graph, Comparator.<Integer>naturalOrder()).forEachRemaining(order::add);
        return order;
    }
}
