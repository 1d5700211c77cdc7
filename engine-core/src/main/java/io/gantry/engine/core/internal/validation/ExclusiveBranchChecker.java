package io.gantry.engine.core.internal.validation;

import static io.gantry.engine.core.internal.validation.NodeTable.path;

import io.gantry.engine.api.error.Problem;
import io.gantry.engine.api.pipeline.NodeDefinition;
import io.gantry.engine.core.internal.plan.PlanEdge;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds nodes that can never run because they need two branches that exclude each other: one runs
 * only when {@code x.ok} holds, the other only when {@code !x.ok} does, or one needs node {@code p}
 * to succeed and the other is on {@code p}'s failure path. Each node's guards are the conditions
 * that must hold for it to run: its own {@code when}, the outcome it needs of a node that has a
 * failure path, plus the guards of everything it needs (for {@code "join": "all"}, every
 * dependency; for {@code "join": "any"}, only what all its branches share). A node whose guards
 * contradict each other is reported once, where the contradiction arises, not again at each node
 * after it.
 *
 * <p>A guard is a condition as written ({@code x.ok}, {@code !x.ok}), or {@code #p} for "node p
 * succeeded" and {@code !#p} for "node p failed"; a leading {@code !} negates either.
 */
final class ExclusiveBranchChecker {

    /** One thing a node needs, with the conditions under which it runs. */
    private record Need(String label, Set<String> guards) {}

    private ExclusiveBranchChecker() {}

    /**
     * @param dependencies every resolved dependency, conditions included
     * @param order        node indexes in topological order (the graph is acyclic)
     */
    static void check(NodeTable table, List<ResolvedEdge> dependencies, List<Integer> order, List<Problem> problems) {
        int count = table.nodes().size();
        List<List<ResolvedEdge>> incoming = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            incoming.add(new ArrayList<>());
        }
        for (ResolvedEdge dependency : dependencies) {
            incoming.get(dependency.to()).add(dependency);
        }
        boolean[] hasFailurePath = new boolean[count];
        for (ResolvedEdge dependency : dependencies) {
            if (dependency.kind() == PlanEdge.Kind.AFTER_FAILURE) {
                hasFailurePath[dependency.from()] = true;
            }
        }
        @SuppressWarnings("unchecked")
        Set<String>[] guards = new Set[count];
        boolean[] impossible = new boolean[count];
        for (int n : order) {
            NodeDefinition node = table.nodes().get(n);
            List<Need> needs = new ArrayList<>();
            if (node.when() != null) {
                needs.add(new Need(null, Set.of(node.when())));
            }
            Set<String> shared = null; // for join any: the guards every live branch has
            boolean anyBranch = false;
            boolean liveBranch = false;
            for (ResolvedEdge dependency : incoming.get(n)) {
                int from = dependency.from();
                boolean branch = node.joinsAny() && dependency.kind() != PlanEdge.Kind.WHEN;
                Set<String> needed =
                        impossible[from] ? Set.of() : withOutcome(guards[from], dependency, table, hasFailurePath);
                if (branch) {
                    anyBranch = true;
                    if (!impossible[from]) {
                        liveBranch = true;
                        if (shared == null) {
                            shared = new LinkedHashSet<>(needed);
                        } else {
                            shared.retainAll(needed);
                        }
                    }
                } else if (impossible[from]) {
                    impossible[n] = true;
                } else {
                    needs.add(new Need(table.nodes().get(from).id(), needed));
                }
            }
            if (anyBranch && !liveBranch) {
                impossible[n] = true;
            }
            if (shared != null) {
                needs.add(new Need("its joined branches", shared));
            }
            if (impossible[n]) {
                guards[n] = Set.of();
                continue;
            }
            guards[n] = union(needs);
            String conflict = conflict(node.id(), needs);
            if (conflict != null) {
                impossible[n] = true;
                problems.add(new Problem(path(n), ProblemCodes.EXCLUSIVE_BRANCHES, conflict));
            }
        }
    }

    /** @return the guards of a dependency: its source's, plus the outcome it needs of a source with a failure path */
    private static Set<String> withOutcome(
            Set<String> sourceGuards, ResolvedEdge dependency, NodeTable table, boolean[] hasFailurePath) {
        if (!hasFailurePath[dependency.from()]) {
            return sourceGuards;
        }
        String succeeded = "#" + table.nodes().get(dependency.from()).id();
        Set<String> guards = new LinkedHashSet<>(sourceGuards);
        guards.add(dependency.kind() == PlanEdge.Kind.AFTER_FAILURE ? "!" + succeeded : succeeded);
        return guards;
    }

    private static Set<String> union(List<Need> needs) {
        if (needs.isEmpty()) {
            return Set.of();
        }
        if (needs.size() == 1) {
            return needs.get(0).guards(); // never changed once computed, so it may be shared
        }
        Set<String> all = new LinkedHashSet<>();
        for (Need need : needs) {
            all.addAll(need.guards());
        }
        return all;
    }

    /** @return the message naming two needs whose guards contradict each other, or null */
    private static String conflict(String nodeId, List<Need> needs) {
        for (int a = 0; a < needs.size(); a++) {
            for (String guard : needs.get(a).guards()) {
                String opposite = guard.startsWith("!") ? guard.substring(1) : "!" + guard;
                for (int b = a + 1; b < needs.size(); b++) {
                    if (needs.get(b).guards().contains(opposite)) {
                        return message(nodeId, needs.get(a), guard, needs.get(b), opposite);
                    }
                }
            }
        }
        return null;
    }

    private static String message(String nodeId, Need first, String firstGuard, Need second, String secondGuard) {
        String fix = "; they exclude each other, so it can never run (declare \"join\": \"any\" to take the branch"
                + " that ran)";
        if (first.label() == null) {
            return "node '" + nodeId + "' runs only when " + describe(firstGuard) + " but needs '" + second.label()
                    + "', which runs only when " + describe(secondGuard) + fix;
        }
        return "node '" + nodeId + "' needs both '" + first.label() + "' (runs only when " + describe(firstGuard)
                + ") and '" + second.label() + "' (runs only when " + describe(secondGuard) + ")" + fix;
    }

    private static String describe(String guard) {
        if (guard.startsWith("#")) {
            return "'" + guard.substring(1) + "' succeeded";
        }
        if (guard.startsWith("!#")) {
            return "'" + guard.substring(2) + "' failed";
        }
        return guard;
    }
}
