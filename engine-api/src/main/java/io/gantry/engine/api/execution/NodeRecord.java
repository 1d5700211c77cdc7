package io.gantry.engine.api.execution;

import java.time.Instant;
import java.util.Map;

/**
 * What happened to one node of an execution: the per-run provenance an operator can audit.
 *
 * @param status        its state
 * @param functionId    the function it called
 * @param plugin        symbolic name of the plugin bundle that ran it; null before it ran
 * @param pluginVersion version of that bundle; null before it ran
 * @param startedAt     when its first attempt started; null before
 * @param durationMs    from first attempt to end, in ms; null while not ended
 * @param attempts      attempts made so far
 * @param inputs        the inputs it was called with
 * @param outputs       its outputs, once succeeded
 * @param error         why it failed, when it did
 * @param reason        why it was {@link NodeStatus#SKIPPED}, one of {@link SkipReasons}; null otherwise
 * @param branch        for a node with a {@code when} condition, once decided: the condition as written
 *                      ({@code weigh.ok} or {@code !weigh.ok}); the node ran when its status is not
 *                      SKIPPED with reason {@link SkipReasons#CONDITION_FALSE}; null otherwise
 * @param iterations    for a node with {@code repeat}: iterations started so far (the last one may be
 *                      running or have failed); 0 for a node without {@code repeat} or not started.
 *                      {@code attempts} then counts the attempts of all iterations together
 * @since 1.1 ({@code reason}, {@code branch} and {@code iterations})
 */
public record NodeRecord(
        NodeStatus status,
        String functionId,
        String plugin,
        String pluginVersion,
        Instant startedAt,
        Long durationMs,
        int attempts,
        Map<String, Object> inputs,
        Map<String, Object> outputs,
        ExecutionError error,
        String reason,
        String branch,
        int iterations) {

    /**
     * A record without skip reason or branch.
     *
     * @param status        its state
     * @param functionId    the function it called
     * @param plugin        plugin bundle that ran it
     * @param pluginVersion version of that bundle
     * @param startedAt     when its first attempt started
     * @param durationMs    from first attempt to end, in ms
     * @param attempts      attempts made so far
     * @param inputs        the inputs it was called with
     * @param outputs       its outputs
     * @param error         why it failed
     */
    public NodeRecord(
            NodeStatus status,
            String functionId,
            String plugin,
            String pluginVersion,
            Instant startedAt,
            Long durationMs,
            int attempts,
            Map<String, Object> inputs,
            Map<String, Object> outputs,
            ExecutionError error) {
        this(
                status,
                functionId,
                plugin,
                pluginVersion,
                startedAt,
                durationMs,
                attempts,
                inputs,
                outputs,
                error,
                null,
                null,
                0);
    }

    /**
     * @param functionId the function the node calls
     * @return a node that has not started
     */
    public static NodeRecord pending(String functionId) {
        return new NodeRecord(NodeStatus.PENDING, functionId, null, null, null, null, 0, Map.of(), Map.of(), null);
    }

    /**
     * @param newBranch the condition decided for this node
     * @return this record with that branch
     * @since 1.1
     */
    public NodeRecord withBranch(String newBranch) {
        return new NodeRecord(
                status,
                functionId,
                plugin,
                pluginVersion,
                startedAt,
                durationMs,
                attempts,
                inputs,
                outputs,
                error,
                reason,
                newBranch,
                iterations);
    }
}
