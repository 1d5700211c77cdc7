package io.gantry.engine.core.internal.execution;

import static io.gantry.engine.api.event.EventProperties.ATTEMPT;
import static io.gantry.engine.api.event.EventProperties.BRANCH;
import static io.gantry.engine.api.event.EventProperties.CONDITION_VALUE;
import static io.gantry.engine.api.event.EventProperties.DELAY_MS;
import static io.gantry.engine.api.event.EventProperties.DEVICE_ID;
import static io.gantry.engine.api.event.EventProperties.DONE;
import static io.gantry.engine.api.event.EventProperties.DURATION_MS;
import static io.gantry.engine.api.event.EventProperties.ERROR;
import static io.gantry.engine.api.event.EventProperties.ERROR_CODE;
import static io.gantry.engine.api.event.EventProperties.EXECUTION_ID;
import static io.gantry.engine.api.event.EventProperties.FUNCTION_ID;
import static io.gantry.engine.api.event.EventProperties.ITERATION;
import static io.gantry.engine.api.event.EventProperties.NODE_ID;
import static io.gantry.engine.api.event.EventProperties.OUTPUTS;
import static io.gantry.engine.api.event.EventProperties.PIPELINE_ID;
import static io.gantry.engine.api.event.EventProperties.PIPELINE_VERSION;
import static io.gantry.engine.api.event.EventProperties.PLUGIN;
import static io.gantry.engine.api.event.EventProperties.PLUGIN_VERSION;
import static io.gantry.engine.api.event.EventProperties.REASON;
import static io.gantry.engine.api.event.EventProperties.STATUS;
import static io.gantry.engine.api.event.EventProperties.TOTAL;

import io.gantry.engine.api.event.EventProperties;
import io.gantry.engine.api.event.Topics;
import io.gantry.engine.api.execution.ExecutionError;
import io.gantry.engine.api.execution.ExecutionRecord;
import io.gantry.engine.api.execution.NodeStatus;
import io.gantry.engine.api.execution.SkipReasons;
import io.gantry.engine.core.internal.events.EventPublisher;
import io.gantry.engine.core.internal.plan.PlanNode;
import io.gantry.engine.core.internal.time.IsoInstants;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** Announces every step of every execution on the event bus, under the topics of the API. */
final class EventingListener implements ExecutionListener {
    private final EventPublisher events;

    EventingListener(EventPublisher events) {
        this.events = events;
    }

    @Override
    public void pipelineStarted(ExecutionRef run, Instant startedAt, int nodeCount) {
        Map<String, Object> properties = of(run);
        properties.put(TOTAL, nodeCount);
        properties.put("startedAt", IsoInstants.format(startedAt));
        if (run.parentExecutionId() != null) {
            properties.put(EventProperties.PARENT_EXECUTION_ID, run.parentExecutionId());
            properties.put(EventProperties.PARENT_NODE_ID, run.parentNodeId());
        }
        events.publish(Topics.PIPELINE_STARTED, properties);
    }

    @Override
    public void nodeExecuting(ExecutionRef run, PlanNode node, String plugin, String pluginVersion, Instant startedAt) {
        Map<String, Object> properties = of(run, node);
        properties.put(PLUGIN, plugin);
        properties.put(PLUGIN_VERSION, pluginVersion);
        properties.put("startedAt", IsoInstants.format(startedAt));
        if (node.when() != null) {
            properties.put(BRANCH, node.when()); // it runs, so its condition held: the branch taken
        }
        events.publish(Topics.NODE_EXECUTING, properties);
    }

    @Override
    public void nodeCompleted(
            ExecutionRef run, PlanNode node, Map<String, Object> outputs, long durationMs, int attempts) {
        Map<String, Object> properties = of(run, node);
        properties.put(OUTPUTS, outputs);
        properties.put(DURATION_MS, durationMs);
        properties.put(ATTEMPT, attempts);
        events.publish(Topics.NODE_COMPLETED, properties);
    }

    @Override
    public void nodeIterated(
            ExecutionRef run, PlanNode node, int iteration, Map<String, Object> outputs, Boolean conditionValue) {
        Map<String, Object> properties = of(run, node);
        properties.put(ITERATION, iteration);
        properties.put(OUTPUTS, outputs);
        if (conditionValue != null) {
            properties.put(CONDITION_VALUE, conditionValue);
        }
        events.publish(Topics.NODE_ITERATION, properties);
    }

    @Override
    public void nodeRetrying(ExecutionRef run, PlanNode node, int nextAttempt, long delayMs, ExecutionError reason) {
        Map<String, Object> properties = of(run, node);
        properties.put(ATTEMPT, nextAttempt);
        properties.put(DELAY_MS, delayMs);
        putError(properties, reason);
        events.publish(Topics.NODE_RETRYING, properties);
    }

    @Override
    public void nodeFailed(
            ExecutionRef run, PlanNode node, NodeStatus status, ExecutionError error, long durationMs, int attempts) {
        Map<String, Object> properties = of(run, node);
        properties.put(STATUS, status.name());
        properties.put(DURATION_MS, durationMs);
        properties.put(ATTEMPT, attempts);
        putError(properties, error);
        events.publish(Topics.NODE_FAILED, properties);
    }

    @Override
    public void nodeSkipped(ExecutionRef run, PlanNode node, NodeStatus status, String reason) {
        Map<String, Object> properties = of(run, node);
        properties.put(STATUS, status.name());
        if (reason != null) {
            properties.put(REASON, reason);
        }
        if (SkipReasons.CONDITION_FALSE.equals(reason)) {
            properties.put(BRANCH, node.when()); // the branch not taken
        }
        events.publish(Topics.NODE_SKIPPED, properties);
    }

    @Override
    public void pipelineEnded(ExecutionRef run, ExecutionRecord record) {
        Map<String, Object> properties = of(run);
        properties.put(STATUS, record.status().name());
        properties.put(DURATION_MS, record.durationMs());
        properties.put(DONE, record.done());
        properties.put(TOTAL, record.total());
        putError(properties, record.error());
        String topic = switch (record.status()) {
            case SUCCEEDED -> Topics.PIPELINE_COMPLETED;
            case CANCELLED -> Topics.PIPELINE_CANCELLED;
            default -> Topics.PIPELINE_FAILED;
        };
        events.publish(topic, properties);
    }

    private static Map<String, Object> of(ExecutionRef run) {
        Map<String, Object> properties = new HashMap<>();
        properties.put(EXECUTION_ID, run.executionId());
        properties.put(PIPELINE_ID, run.pipelineId());
        properties.put(PIPELINE_VERSION, run.pipelineVersion());
        return properties;
    }

    private static Map<String, Object> of(ExecutionRef run, PlanNode node) {
        Map<String, Object> properties = of(run);
        properties.put(NODE_ID, node.id());
        properties.put(FUNCTION_ID, node.functionId());
        properties.put(DEVICE_ID, node.deviceId());
        return properties;
    }

    private static void putError(Map<String, Object> properties, ExecutionError error) {
        if (error != null) {
            properties.put(ERROR, error.message());
            properties.put(ERROR_CODE, error.code());
            if (error.deviceId() != null) {
                properties.putIfAbsent(DEVICE_ID, error.deviceId());
            }
        }
    }
}
