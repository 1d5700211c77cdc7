package io.gantry.mqtt.bridge.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.gantry.engine.api.error.NotFoundException;
import io.gantry.engine.api.execution.ExecutionRecord;
import io.gantry.engine.api.function.PortType;
import io.gantry.engine.api.security.AuditEntry;
import io.gantry.engine.api.security.AuditQuery;
import io.gantry.engine.api.security.AuditTrail;
import io.gantry.engine.api.security.Role;
import io.gantry.engine.api.service.DeviceService;
import io.gantry.engine.api.service.ExecutionService;
import io.gantry.engine.api.service.SignalInfo;
import io.gantry.engine.api.signal.SignalAccess;
import io.gantry.engine.api.signal.SignalQuality;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.tahu.message.model.Metric.MetricBuilder;
import org.eclipse.tahu.message.model.MetricDataType;
import org.eclipse.tahu.message.model.SparkplugBPayload;
import org.junit.jupiter.api.Test;

class CommandHandlerTest {
    private final List<AuditEntry> audited = new ArrayList<>();
    private final List<String> writes = new ArrayList<>();
    private final List<String> runs = new ArrayList<>();
    private final AtomicInteger rebirths = new AtomicInteger();
    private final Map<String, Role> users = new HashMap<>(Map.of("line-host", Role.OPERATOR, "watcher", Role.VIEWER));

    @Test
    void commandsAreOffByDefaultAndEachRefusalIsAudited() throws Exception {
        CommandHandler handler = handler(Map.of());

        handler.deviceCommand("part-sensor", payload("value", MetricDataType.Boolean, true));

        assertThat(writes).isEmpty();
        assertThat(audited).singleElement().satisfies(entry -> {
            assertThat(entry.action()).isEqualTo("mqtt DCMD");
            assertThat(entry.target()).isEqualTo("devices/part-sensor/signals/value");
            assertThat(entry.outcome()).isEqualTo("denied");
            assertThat(entry.detail()).contains("commands are off");
            assertThat(entry.source()).isEqualTo("mqtt tcp://127.0.0.1:1883");
        });
    }

    @Test
    void anOperatorWritesAWritableSignalAsTheConfiguredUser() throws Exception {
        CommandHandler handler = handler(Map.of("commandsEnabled", true, "commandUser", "line-host"));

        handler.deviceCommand("part-sensor", payload("value", MetricDataType.Boolean, true));

        assertThat(writes).containsExactly("part-sensor/value=true");
        assertThat(audited).singleElement().satisfies(entry -> {
            assertThat(entry.who()).isEqualTo("line-host");
            assertThat(entry.outcome()).isEqualTo("ok");
        });
    }

    @Test
    void aUserBelowOperatorIsDeniedEvenWhenTheConfiguredRoleIsHigher() throws Exception {
        CommandHandler handler =
                handler(Map.of("commandsEnabled", true, "commandUser", "watcher", "commandRole", "admin"));

        handler.deviceCommand("part-sensor", payload("value", MetricDataType.Boolean, true));
        handler.nodeCommand(payload("Gantry/Run", MetricDataType.String, "{\"pipelineId\":\"cycle\"}"));

        assertThat(writes).isEmpty();
        assertThat(runs).isEmpty();
        assertThat(audited).extracting(AuditEntry::outcome).containsExactly("denied", "denied");
        assertThat(audited.get(0).detail()).contains("'watcher' as viewer may not write a signal (needs operator)");
    }

    @Test
    void aConfiguredRoleBelowOperatorIsDenied() throws Exception {
        CommandHandler handler =
                handler(Map.of("commandsEnabled", true, "commandUser", "line-host", "commandRole", "viewer"));

        handler.nodeCommand(payload("Gantry/Run", MetricDataType.String, "{\"pipelineId\":\"cycle\"}"));

        assertThat(runs).isEmpty();
        assertThat(audited).singleElement().extracting(AuditEntry::outcome).isEqualTo("denied");
    }

    @Test
    void anUnknownUserIsDenied() throws Exception {
        CommandHandler handler = handler(Map.of("commandsEnabled", true, "commandUser", "nobody"));

        handler.deviceCommand("part-sensor", payload("value", MetricDataType.Boolean, true));

        assertThat(audited)
                .singleElement()
                .satisfies(entry -> assertThat(entry.detail()).contains("the command user 'nobody' does not exist"));
    }

    @Test
    void runsAStoredPipelineStartedByTheUser() throws Exception {
        CommandHandler handler = handler(Map.of("commandsEnabled", true, "commandUser", "line-host"));

        handler.nodeCommand(payload(
                "Gantry/Run", MetricDataType.String, "{\"pipelineId\":\"cycle\",\"version\":2,\"inputs\":{\"n\":3}}"));

        assertThat(runs).containsExactly("cycle v2 {n=3} by line-host");
        assertThat(audited).singleElement().satisfies(entry -> {
            assertThat(entry.action()).isEqualTo("mqtt NCMD Gantry/Run");
            assertThat(entry.target()).isEqualTo("pipelines/cycle");
            assertThat(entry.outcome()).isEqualTo("ok");
            assertThat(entry.detail()).isEqualTo("execution exec-1");
        });
    }

    @Test
    void refusesBadValuesReadOnlySignalsUnknownPipelinesAndUnknownMetrics() throws Exception {
        CommandHandler handler = handler(Map.of("commandsEnabled", true, "commandUser", "line-host"));

        handler.deviceCommand("part-sensor", payload("value", MetricDataType.String, "yes"));
        handler.deviceCommand("axis-1", payload("position", MetricDataType.Double, 3.0));
        handler.nodeCommand(payload("Gantry/Run", MetricDataType.String, "{\"pipelineId\":\"missing\"}"));
        handler.nodeCommand(payload("Gantry/Run", MetricDataType.String, "not json"));
        handler.nodeCommand(payload("Gantry/Shutdown", MetricDataType.Boolean, true));

        assertThat(writes).isEmpty();
        assertThat(runs).isEmpty();
        assertThat(audited)
                .extracting(AuditEntry::outcome)
                .containsOnly("refused")
                .hasSize(5);
        assertThat(audited.get(1).detail()).contains("read-only");
        assertThat(audited.get(4).detail()).contains("unknown metric 'Gantry/Shutdown'");
    }

    @Test
    void aRebirthIsTakenEvenWithCommandsOffAndNotAudited() throws Exception {
        CommandHandler handler = handler(Map.of());

        handler.nodeCommand(payload("Node Control/Rebirth", MetricDataType.Boolean, true));
        handler.nodeCommand(payload("Node Control/Rebirth", MetricDataType.Boolean, false));

        assertThat(rebirths).hasValue(1);
        assertThat(audited).isEmpty();
    }

    private CommandHandler handler(Map<String, Object> config) {
        BridgeSettings settings = Configs.settings(config);
        return new CommandHandler(
                settings,
                new CommandPolicy(settings, user -> Optional.ofNullable(users.get(user))),
                devices(),
                executions(),
                new AuditTrail() {
                    @Override
                    public AuditEntry record(AuditEntry entry) {
                        audited.add(entry);
                        return entry;
                    }

                    @Override
                    public List<AuditEntry> find(AuditQuery query) {
                        return audited;
                    }
                },
                () -> null,
                rebirths::incrementAndGet);
    }

    private DeviceService devices() {
        return (DeviceService) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {DeviceService.class}, (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "signal" -> {
                            String device = (String) args[0];
                            if (device.equals("part-sensor")) {
                                return new SignalInfo(
                                        "value",
                                        PortType.BOOLEAN,
                                        null,
                                        SignalAccess.READ_WRITE,
                                        100,
                                        false,
                                        SignalQuality.GOOD,
                                        null,
                                        null);
                            }
                            return new SignalInfo(
                                    "position",
                                    PortType.NUMBER,
                                    "mm",
                                    SignalAccess.READ,
                                    0,
                                    0.0,
                                    SignalQuality.GOOD,
                                    null,
                                    null);
                        }
                        case "writeSignal" -> {
                            writes.add(args[0] + "/" + args[1] + "=" + args[2]);
                            return null;
                        }
                        default -> throw new UnsupportedOperationException(method.getName());
                    }
                });
    }

    private ExecutionService executions() {
        return (ExecutionService) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {ExecutionService.class}, (proxy, method, args) -> {
                    if (method.getName().equals("start") && args.length == 4) {
                        if (args[0].equals("missing")) {
                            throw new NotFoundException("pipeline 'missing' does not exist");
                        }
                        runs.add(args[0] + " v" + args[1] + " " + args[2] + " by " + args[3]);
                        return new ExecutionRecord(
                                "exec-1", (String) args[0], 2, null, null, null, null, 0, 0, Map.of(), null);
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    private static SparkplugBPayload payload(String name, MetricDataType type, Object value) throws Exception {
        SparkplugBPayload payload = new SparkplugBPayload(new java.util.Date(), new ArrayList<>());
        payload.addMetric(new MetricBuilder(name, type, value).createMetric());
        return payload;
    }
}
