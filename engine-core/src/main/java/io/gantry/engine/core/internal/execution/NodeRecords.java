package io.gantry.engine.core.internal.execution;

import io.gantry.engine.api.execution.NodeRecord;
import io.gantry.engine.api.execution.NodeStatus;
import io.gantry.engine.core.internal.plan.PlanNode;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The live, thread-safe record of each node of one execution. A pending node may be claimed by its
 * start or by a skip, whichever wins the compare-and-set; once running, only its {@link NodeRun}
 * writes it.
 */
final class NodeRecords {
    private final List<PlanNode> nodes;
    private final AtomicReferenceArray<NodeRecord> records;

    NodeRecords(List<PlanNode> nodes) {
        this.nodes = nodes;
        this.records = new AtomicReferenceArray<>(nodes.size());
        for (PlanNode node : nodes) {
            records.set(node.index(), NodeRecord.pending(node.functionId()));
        }
    }

    NodeRecord get(int index) {
        return records.get(index);
    }

    /** Ends a running node; for its owner only. */
    void set(int index, NodeRecord record) {
        records.set(index, record);
    }

    /** Updates a running node unless it has already ended; for its owner only. */
    void replaceRunning(int index, NodeRecord record) {
        NodeRecord now = records.get(index);
        if (now.status() == NodeStatus.RUNNING) {
            records.compareAndSet(index, now, record);
        }
    }

    /** @return true when the node was pending and now runs */
    boolean start(int index, Instant startedAt, Map<String, Object> inputs) {
        NodeRecord pending = records.get(index);
        return pending.status() == NodeStatus.PENDING
                && records.compareAndSet(
                        index,
                        pending,
                        new NodeRecord(
                                NodeStatus.RUNNING,
                                pending.functionId(),
                                null,
                                null,
                                startedAt,
                                null,
                                0,
                                inputs,
                                Map.of(),
                                null,
                                null,
                                nodes.get(index).when(),
                                0));
    }

    /**
     * @param reason why it did not run, for {@link NodeStatus#SKIPPED}; may be null
     * @param branch the condition decided for it, when it was skipped because of it; else null
     * @return true when the node was pending and now has the given final status
     */
    boolean skip(int index, NodeStatus status, String reason, String branch) {
        NodeRecord pending = records.get(index);
        return pending.status() == NodeStatus.PENDING
                && records.compareAndSet(
                        index,
                        pending,
                        new NodeRecord(
                                status,
                                pending.functionId(),
                                null,
                                null,
                                null,
                                null,
                                0,
                                Map.of(),
                                Map.of(),
                                null,
                                reason,
                                branch,
                                0));
    }

    /** @return every node's record by node id, in plan order */
    Map<String, NodeRecord> snapshot() {
        Map<String, NodeRecord> copy = new LinkedHashMap<>();
        for (PlanNode node : nodes) {
            copy.put(node.id(), records.get(node.index()));
        }
        return Collections.unmodifiableMap(copy);
    }
}
