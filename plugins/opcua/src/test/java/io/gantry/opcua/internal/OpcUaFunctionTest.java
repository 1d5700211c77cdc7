package io.gantry.opcua.internal;

import static io.gantry.opcua.internal.Stages.config;
import static io.gantry.opcua.internal.Stages.failure;
import static io.gantry.opcua.internal.Stages.value;
import static org.assertj.core.api.Assertions.assertThat;

import io.gantry.engine.api.error.InvalidConfigException;
import io.gantry.engine.api.function.PortDescriptor;
import io.gantry.engine.api.function.PortType;
import io.gantry.plugin.testkit.PluginChecks;
import io.gantry.plugin.testkit.TestInvocation;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** opcua.read, opcua.write, opcua.call and opcua.browse against node-opcua. */
class OpcUaFunctionTest extends SharedServerTest {
    private final OpcUaReadFunction read = new OpcUaReadFunction();
    private final OpcUaWriteFunction write = new OpcUaWriteFunction();
    private final OpcUaCallFunction call = new OpcUaCallFunction();
    private final OpcUaBrowseFunction browse = new OpcUaBrowseFunction();
    private OpcUaDevice device;

    @BeforeEach
    void connect() {
        device = connected(config(server.endpointUrl(), List.of()));
    }

    @Test
    void describesTheFunctionsOnTheOpcUaType() {
        PluginChecks checks = new PluginChecks();
        List.of(read, write, call, browse).forEach(checks::assertAdmissible);

        assertThat(List.of(read, write, call, browse))
                .allSatisfy(function ->
                        assertThat(function.descriptor().deviceType()).isEqualTo("opcua"));
        assertThat(read.descriptor().inputs()).containsExactly(PortDescriptor.required("nodeId", PortType.STRING));
        assertThat(read.descriptor().outputs())
                .containsExactly(
                        PortDescriptor.output("value", PortType.JSON),
                        PortDescriptor.output("quality", PortType.STRING),
                        PortDescriptor.output("sourceTime", PortType.STRING));
        assertThat(write.descriptor().outputs()).containsExactly(PortDescriptor.output("ok", PortType.BOOLEAN));
        assertThat(call.descriptor().outputs()).containsExactly(PortDescriptor.output("outputs", PortType.JSON));
        assertThat(browse.descriptor().inputs()).containsExactly(PortDescriptor.optional("nodeId", PortType.STRING));
        assertThat(checks.paramsProblems(read, Map.of("nodeId", "ns=1;s=Counter")))
                .isEmpty();
        assertThat(checks.paramsProblems(read, Map.of("node", "ns=1;s=Counter")))
                .isNotEmpty();
    }

    @Test
    void readsAValueWithItsQualityAndSourceTime() {
        Map<String, Object> outputs =
                value(read.invoke(TestInvocation.on(device).input("nodeId", "ns=1;s=Temperature")));

        assertThat(outputs).containsEntry("value", 21.5).containsEntry("quality", "GOOD");
        assertThat(Instant.parse((String) outputs.get("sourceTime")))
                .isBefore(Instant.now().plusSeconds(60));
        assertThat(value(read.invoke(TestInvocation.on(device).input("nodeId", "i=2259"))))
                .containsEntry("value", 0L); // Server_ServerStatus_State: Running
    }

    @Test
    void aReadOfAnUnknownNodeFailsWithTheStatus() {
        Throwable missing = failure(read.invoke(TestInvocation.on(device).input("nodeId", "ns=1;s=NoSuchNode")));

        assertThat(missing)
                .isInstanceOf(OpcUaStatusException.class)
                .hasMessage("device 'cell' could not read ns=1;s=NoSuchNode: Bad_NodeIdUnknown (0x80340000)");
        OpcUaStatusException status = (OpcUaStatusException) missing;
        assertThat(status.code()).isEqualTo("opcua-status");
        assertThat(status.statusName()).isEqualTo("Bad_NodeIdUnknown");
        assertThat(status.statusCode()).isEqualTo(0x80340000L);
        assertThat(status.deviceId()).isEqualTo("cell");
        assertThat(status.isRetryable()).isFalse();
        assertThat(failure(read.invoke(TestInvocation.on(device).input("nodeId", "Counter"))))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessage("node 'test-node' (opcua.read): input 'nodeId': the string 'Counter' is not a node id such"
                        + " as ns=1;s=Counter, ns=2;i=42 or i=2258");
    }

    @Test
    void writesTypedAndRefusesAMismatchWithoutWriting() {
        assertThat(value(write.invoke(TestInvocation.on(device)
                        .input("nodeId", "ns=1;s=Setpoint")
                        .input("value", 42.5))))
                .isEqualTo(Map.of("ok", true));
        assertThat(server.writes()).contains("ns=1;s=Setpoint 42.5");
        int before = server.writes().size();

        Throwable mismatch = failure(write.invoke(
                TestInvocation.on(device).input("nodeId", "ns=1;s=Setpoint").input("value", "warm")));

        assertThat(mismatch)
                .isInstanceOf(InvalidConfigException.class)
                .hasMessage("device 'cell': ns=1;s=Setpoint expects Double (a number), not the string 'warm';"
                        + " nothing was written");
        assertThat(server.writes()).hasSize(before);
        assertThat(failure(write.invoke(TestInvocation.on(device)
                        .input("nodeId", "ns=1;s=Temperature")
                        .input("value", 1.0))))
                .isInstanceOf(OpcUaStatusException.class)
                .hasMessage(
                        "device 'cell' could not write the number 1.0 to ns=1;s=Temperature: Bad_NotWritable (0x803B0000)");
    }

    @Test
    void callsAMethodByArgumentNameOrInOrder() {
        Map<String, Object> byName = value(call.invoke(TestInvocation.on(device)
                .input("objectId", "ns=1;s=Machine")
                .input("methodId", "ns=1;s=Multiply")
                .input("inputs", Map.of("a", 6, "b", 7))));
        Map<String, Object> inOrder = value(call.invoke(TestInvocation.on(device)
                .input("objectId", "ns=1;s=Machine")
                .input("methodId", "ns=1;s=Repeat")
                .input("inputs", List.of("ab", 3))));

        assertThat(byName).isEqualTo(Map.of("outputs", Map.of("product", 42.0)));
        assertThat(inOrder).isEqualTo(Map.of("outputs", Map.of("result", "ababab")));
        assertThat(server.calls()).containsSubsequence("Multiply [6,7]", "Repeat [\"ab\",3]");
    }

    @Test
    void aCallWithInputsThatDoNotFitIsRefusedBeforeCalling() {
        int before = server.calls().size();

        Throwable missing = failure(call.invoke(TestInvocation.on(device)
                .input("objectId", "ns=1;s=Machine")
                .input("methodId", "ns=1;s=Multiply")
                .input("inputs", Map.of("a", 6))));
        Throwable wrongType = failure(call.invoke(TestInvocation.on(device)
                .input("objectId", "ns=1;s=Machine")
                .input("methodId", "ns=1;s=Repeat")
                .input("inputs", List.of("ab", 1.5))));
        Throwable refused = failure(call.invoke(TestInvocation.on(device)
                .input("objectId", "ns=1;s=Machine")
                .input("methodId", "ns=1;s=Repeat")
                .input("inputs", List.of("ab", -1))));

        assertThat(missing)
                .isInstanceOf(InvalidConfigException.class)
                .hasMessage("device 'cell': method ns=1;s=Multiply on ns=1;s=Machine: inputs.b: is required (Double)");
        assertThat(wrongType)
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("inputs.times expects Int32 (a whole number from -2147483648 to 2147483647),"
                        + " not the number 1.5");
        assertThat(refused).isInstanceOf(OpcUaStatusException.class).hasMessageContaining("Bad_OutOfRange");
        assertThat(server.calls()).hasSize(before + 1); // only the one the server refused
    }

    @Test
    void browsesOneLevel() {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> entries = (List<Map<String, Object>>)
                value(browse.invoke(TestInvocation.on(device).input("nodeId", "ns=1;s=Cell")))
                        .get("entries");

        assertThat(entries)
                .extracting(entry -> entry.get("name"))
                .containsExactlyInAnyOrder(
                        "Counter", "Temperature", "Setpoint", "Enabled", "Label", "Level", "Machine");
        assertThat(entries)
                .filteredOn(entry -> "Setpoint".equals(entry.get("name")))
                .singleElement()
                .isEqualTo(Map.of(
                        "address", "ns=1;s=Setpoint",
                        "name", "Setpoint",
                        "kind", "variable",
                        "type", "number",
                        "access", "read-write",
                        "hasChildren", false,
                        "signal",
                                Map.of(
                                        "name",
                                        "Setpoint",
                                        "nodeId",
                                        "ns=1;s=Setpoint",
                                        "type",
                                        "number",
                                        "access",
                                        "read-write")));
    }
}
