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
        ExecutionError error) {

    /**
     * @param functionId the function the node calls
     * @return a node that has not started
     */
    public static NodeRecord pending(String functionId) {
        return new NodeRecord(NodeStatus.PENDING, functionId, null, null, null, null, 0, Map.of(), Map.of(), null);
    }
}
