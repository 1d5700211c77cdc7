package io.gantry.opcua.internal;

import static io.gantry.opcua.internal.Stages.config;
import static io.gantry.opcua.internal.Stages.signal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gantry.engine.api.error.InvalidConfigException;
import io.gantry.engine.api.function.PortType;
import io.gantry.engine.api.signal.SignalAccess;
import io.gantry.plugin.testkit.PluginChecks;
import io.gantry.plugin.testkit.RecordingDeviceContext;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UShort;
import org.eclipse.milo.opcua.stack.core.types.enumerated.MessageSecurityMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What the config schema says, and what create() refuses that no schema can say. */
class OpcUaConfigTest {
    private static final String URL = "opc.tcp://plc:4840/cell";

    @TempDir
    Path data;

    private final PluginChecks checks = new PluginChecks();

    private OpcUaDriver driver() {
        return new OpcUaDriver(data);
    }

    @Test
    void theDeviceTypeIsAdmissibleWithAStrictSchema() {
        OpcUaDriver driver = driver();
        checks.assertAdmissible(driver);

        assertThat(driver.descriptor().id()).isEqualTo("opcua");
        assertThat(checks.configProblems(driver, Map.of("endpointUrl", URL))).isEmpty();
        assertThat(checks.configProblems(driver, Map.of())).isNotEmpty();
        assertThat(checks.configProblems(driver, Map.of("endpointUrl", "http://plc")))
                .isNotEmpty();
        assertThat(checks.configProblems(driver, Map.of("endpointUrl", URL, "colour", "red")))
                .isNotEmpty();
        assertThat(checks.configProblems(driver, Map.of("endpointUrl", URL, "securityPolicy", "Basic128Rsa15")))
                .isNotEmpty();
        assertThat(checks.configProblems(
                        driver, Map.of("endpointUrl", URL, "trustedServerCertificates", List.of("ab"))))
                .isNotEmpty();
        assertThat(checks.configProblems(
                        driver,
                        config(
                                URL,
                                List.of(
                                        signal("a", "ns=1;s=A", "type", "number", "deadband", 0.5, "unit", "mm"),
                                        signal("b", "i=2258", "access", "read-write", "samplingIntervalMs", 0)),
                                "securityPolicy",
                                "Basic256Sha256",
                                "securityMode",
                                "Sign",
                                "username",
                                "operator",
                                "password",
                                "",
                                "trustedServerCertificates",
                                List.of("0123456789abcdef0123456789ABCDEF01234567"))))
                .isEmpty();
        assertThat(checks.configProblems(driver, config(URL, List.of(signal("a", "ns=1;s=A", "colour", "red")))))
                .isNotEmpty();
    }

    @Test
    void appliesTheDefaults() {
        OpcUaConfig config = OpcUaConfig.from("cell", config(URL, List.of(signal("a", "ns=2;i=42"))));

        assertThat(config)
                .isEqualTo(new OpcUaConfig(
                        URL,
                        SecurityPolicy.None,
                        MessageSecurityMode.None,
                        null,
                        null,
                        60_000,
                        5000,
                        5000,
                        List.of(),
                        250,
                        List.of(new SignalConfig(
                                "a", new NodeId(UShort.valueOf(2), 42), null, SignalAccess.READ, 250, 0, null))));
        assertThat(OpcUaConfig.from("cell", Map.of("endpointUrl", URL, "securityPolicy", "Basic256Sha256"))
                        .securityMode())
                .isEqualTo(MessageSecurityMode.SignAndEncrypt);
        assertThat(config.signals().get(0).descriptor().type()).isEqualTo(PortType.JSON);
        // the subscription publishes as often as its fastest signal is sampled
        assertThat(OpcUaConfig.from(
                                "cell",
                                config(
                                        URL,
                                        List.of(
                                                signal("slow", "i=2258", "samplingIntervalMs", 1000),
                                                signal("fast", "i=2259", "samplingIntervalMs", 100))))
                        .publishingIntervalMs())
                .isEqualTo(100);
        assertThat(OpcUaConfig.from("cell", Map.of("endpointUrl", URL)).publishingIntervalMs())
                .isEqualTo(250);
        assertThat(OpcUaConfig.from("cell", Map.of("endpointUrl", URL, "username", "u", "password", "secret"))
                        .toString())
                .doesNotContain("secret");
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("unusable")
    void refusesWhatTheSchemaCannotSayNamingTheField(String field, Map<String, Object> config, String problem) {
        assertThatThrownBy(() -> driver().create(new RecordingDeviceContext("cell-9", config)))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessage("device 'cell-9' (opcua): " + field + ": " + problem);
    }

    static Stream<Arguments> unusable() {
        return Stream.of(
                Arguments.of("endpointUrl", Map.of(), "is required"),
                Arguments.of(
                        "endpointUrl",
                        Map.of("endpointUrl", "tcp://plc:4840"),
                        "'tcp://plc:4840' is not an opc.tcp://host[:port][/path] URL"),
                Arguments.of(
                        "securityPolicy",
                        Map.of("endpointUrl", URL, "securityPolicy", "Basic128Rsa15"),
                        "'Basic128Rsa15' is not one of None, Basic256Sha256"),
                Arguments.of(
                        "securityMode",
                        Map.of("endpointUrl", URL, "securityPolicy", "Basic256Sha256", "securityMode", "None"),
                        "'None' goes only with securityPolicy None; Basic256Sha256 takes Sign or SignAndEncrypt"),
                Arguments.of(
                        "securityMode",
                        Map.of("endpointUrl", URL, "securityMode", "Sign"),
                        "'Sign' needs a securityPolicy that signs (Basic256Sha256), not None"),
                Arguments.of(
                        "password",
                        Map.of("endpointUrl", URL, "username", "operator"),
                        "is required with username (or leave both out for anonymous)"),
                Arguments.of(
                        "username",
                        Map.of("endpointUrl", URL, "password", "x"),
                        "is required with password (or leave both out for anonymous)"),
                Arguments.of(
                        "trustedServerCertificates[1]",
                        Map.of(
                                "endpointUrl",
                                URL,
                                "trustedServerCertificates",
                                List.of("0123456789abcdef0123456789ABCDEF01234567", "AB:CD")),
                        "'AB:CD' is not a SHA-1 thumbprint (40 hex digits)"),
                Arguments.of(
                        "requestTimeoutMs",
                        Map.of("endpointUrl", URL, "requestTimeoutMs", 0),
                        "must be a whole number from 1 to 600000, was 0"),
                Arguments.of(
                        "signals[1].nodeId",
                        config(URL, List.of(signal("a", "ns=1;s=A"), signal("b", "Counter"))),
                        "'Counter' is not a node id such as ns=1;s=Counter, ns=2;i=42 or i=2258"),
                Arguments.of(
                        "signals[1].name",
                        config(URL, List.of(signal("a", "ns=1;s=A"), signal("a", "ns=1;s=B"))),
                        "'a' is the name of signals[0] too"),
                Arguments.of(
                        "signals[0].name",
                        config(URL, List.of(signal("9lives", "ns=1;s=A"))),
                        "'9lives' must be a letter, then letters, digits, '_', '-' or '.' (at most 64)"),
                Arguments.of(
                        "signals[0].type",
                        config(URL, List.of(signal("a", "ns=1;s=A", "type", "float"))),
                        "'float' is not one of number, integer, boolean, string, json"),
                Arguments.of(
                        "signals[0].access",
                        config(URL, List.of(signal("a", "ns=1;s=A", "access", "write"))),
                        "'write' is not one of read, read-write, readwrite"),
                Arguments.of(
                        "signals[0].deadband",
                        config(URL, List.of(signal("a", "ns=1;s=A", "type", "boolean", "deadband", 1))),
                        "applies only to numbers, not to a boolean signal"),
                Arguments.of(
                        "signals[0].samplingIntervalMs",
                        config(URL, List.of(signal("a", "ns=1;s=A", "samplingIntervalMs", -1))),
                        "must be a whole number from 0 to 3600000, was -1"),
                Arguments.of(
                        "signals[0].unit",
                        config(URL, List.of(signal("a", "ns=1;s=A", "unit", 3))),
                        "must be a non-empty string, was 3"));
    }
}
