package io.gantry.mqtt.bridge.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.gantry.engine.api.error.DeviceException;
import io.gantry.engine.api.error.GantryException;
import io.gantry.engine.api.execution.ExecutionRecord;
import io.gantry.engine.api.metrics.ControllerMetrics;
import io.gantry.engine.api.security.AuditEntry;
import io.gantry.engine.api.security.AuditTrail;
import io.gantry.engine.api.security.Role;
import io.gantry.engine.api.service.DeviceService;
import io.gantry.engine.api.service.ExecutionService;
import io.gantry.engine.api.service.SignalInfo;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.eclipse.tahu.message.model.Metric;
import org.eclipse.tahu.message.model.SparkplugBPayload;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Commands from the broker: NCMD {@code Node Control/Rebirth} (always taken: it changes nothing),
 * NCMD {@code Gantry/Run} (runs a stored pipeline) and DCMD (writes device signals). Runs on the
 * bridge's command thread, never on the MQTT client's. Every command that reaches here is audited
 * with its outcome — ok, refused (a wrong command), denied (commands off, or a role too low) or failed
 * (the device or engine failed) — except rebirths.
 */
final class CommandHandler {
    private static final Logger LOG = LoggerFactory.getLogger(CommandHandler.class);
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final CommandPolicy policy;
    private final DeviceService devices;
    private final ExecutionService executions;
    private final AuditTrail audit;
    private final Supplier<ControllerMetrics> metrics;
    private final Runnable rebirth;
    private final String source;

    /**
     * @param settings   the bridge's settings (broker, for the audit's source)
     * @param policy     who commands act as
     * @param devices    signals are written here
     * @param executions pipelines are run here
     * @param audit      every command is recorded here
     * @param metrics    the controller's metrics, or null while there are none
     * @param rebirth    asks the publisher for a new NBIRTH and DBIRTHs
     */
    CommandHandler(
            BridgeSettings settings,
            CommandPolicy policy,
            DeviceService devices,
            ExecutionService executions,
            AuditTrail audit,
            Supplier<ControllerMetrics> metrics,
            Runnable rebirth) {
        this.policy = policy;
        this.devices = devices;
        this.executions = executions;
        this.audit = audit;
        this.metrics = metrics;
        this.rebirth = rebirth;
        this.source = "mqtt " + settings.brokerUrl();
    }

    /** @param payload an NCMD's payload */
    void nodeCommand(SparkplugBPayload payload) {
        for (Metric metric : metrics(payload)) {
            String name = metric.getName();
            if (SparkplugPayloads.REBIRTH.equals(name)) {
                if (Boolean.TRUE.equals(metric.getValue())) {
                    LOG.info("MQTT: a host asked for a rebirth");
                    rebirth.run();
                    count("rebirth", "ok");
                } else {
                    LOG.warn("MQTT: NCMD {} refused: it takes the Boolean true, was {}", name, metric.getValue());
                    count("rebirth", "refused");
                }
            } else if (SparkplugPayloads.RUN.equals(name)) {
                run(metric);
            } else {
                refusedUnknown("mqtt NCMD", "node", name);
            }
        }
    }

    /**
     * @param deviceId the device the DCMD names
     * @param payload  its payload
     */
    void deviceCommand(String deviceId, SparkplugBPayload payload) {
        for (Metric metric : metrics(payload)) {
            write(deviceId, metric);
        }
    }

    private static List<Metric> metrics(SparkplugBPayload payload) {
        return payload.getMetrics() == null ? List.of() : payload.getMetrics();
    }

    private void write(String deviceId, Metric metric) {
        String action = "mqtt DCMD";
        String target = "devices/" + deviceId + "/signals/" + metric.getName();
        CommandPolicy.Decision decision = policy.authorize(Role.OPERATOR, "write a signal");
        if (!decision.allowed()) {
            record(action, target, "denied", decision.refusal(), "write");
            return;
        }
        Object value;
        try {
            SignalInfo signal = devices.signal(deviceId, metric.getName());
            if (!signal.access().writable()) {
                record(action, target, "refused", "signal '" + signal.name() + "' is read-only", "write");
                return;
            }
            value = MetricTypes.fromMetric(signal.type(), metric);
        } catch (IllegalArgumentException e) {
            record(action, target, "refused", e.getMessage(), "write");
            return;
        } catch (GantryException e) {
            record(action, target, "refused", e.getMessage(), "write");
            return;
        }
        try {
            devices.writeSignal(deviceId, metric.getName(), value);
            record(action, target, "ok", "value " + value, "write");
        } catch (DeviceException e) {
            boolean notConnected = "device-not-connected".equals(e.code());
            record(action, target, notConnected ? "refused" : "failed", e.getMessage(), "write");
        } catch (GantryException e) {
            record(action, target, "refused", e.getMessage(), "write");
        } catch (RuntimeException e) {
            LOG.error("MQTT: writing {} failed", target, e);
            record(action, target, "failed", e.toString(), "write");
        }
    }

    private void run(Metric metric) {
        String action = "mqtt NCMD " + SparkplugPayloads.RUN;
        JsonNode request;
        String pipelineId;
        Integer version = null;
        Map<String, Object> inputs = new LinkedHashMap<>();
        try {
            if (!(metric.getValue() instanceof String text)) {
                throw new IllegalArgumentException("it takes a String of JSON, was " + metric.getValue());
            }
            request = JSON.readTree(text);
            if (request == null
                    || !request.isObject()
                    || !request.path("pipelineId").isTextual()) {
                throw new IllegalArgumentException("it takes {\"pipelineId\":…,\"version\"?:…,\"inputs\"?:{…}}");
            }
            pipelineId = request.get("pipelineId").asText();
            JsonNode v = request.get("version");
            if (v != null && !v.isNull()) {
                if (!v.canConvertToInt() || !v.isIntegralNumber()) {
                    throw new IllegalArgumentException("version must be a whole number, was " + v);
                }
                version = v.asInt();
            }
            JsonNode in = request.get("inputs");
            if (in != null && !in.isNull()) {
                if (!in.isObject()) {
                    throw new IllegalArgumentException("inputs must be an object, was " + in);
                }
                inputs.putAll(JSON.convertValue(in, Map.class));
            }
        } catch (IllegalArgumentException | java.io.IOException e) {
            record(action, "pipelines", "refused", SparkplugPayloads.RUN + ": " + e.getMessage(), "run");
            return;
        }
        String target = "pipelines/" + pipelineId;
        CommandPolicy.Decision decision = policy.authorize(Role.OPERATOR, "run a pipeline");
        if (!decision.allowed()) {
            record(action, target, "denied", decision.refusal(), "run");
            return;
        }
        try {
            ExecutionRecord started = executions.start(
                    pipelineId, version, inputs, decision.identity().who());
            record(action, target, "ok", "execution " + started.id(), "run");
        } catch (GantryException e) {
            record(action, target, "refused", e.getMessage(), "run");
        } catch (RuntimeException e) {
            LOG.error("MQTT: running {} failed", pipelineId, e);
            record(action, target, "failed", e.toString(), "run");
        }
    }

    private void refusedUnknown(String action, String target, String name) {
        record(action, target, "refused", "unknown metric '" + name + "'", "unknown");
    }

    private void record(String action, String target, String outcome, String detail, String kind) {
        if (outcome.equals("ok")) {
            LOG.info("MQTT: {} {}: {}", action, target, detail);
        } else {
            LOG.warn("MQTT: {} {} {}: {}", action, target, outcome, detail);
        }
        try {
            audit.record(new AuditEntry(0, null, policy.who(), action, target, outcome, 0, source, detail));
        } catch (RuntimeException e) {
            LOG.error("MQTT: cannot audit {} {}", action, target, e);
        }
        count(kind, outcome);
    }

    private void count(String kind, String outcome) {
        ControllerMetrics m = metrics.get();
        if (m != null) {
            m.mqttCommand(kind, outcome);
        }
    }
}
