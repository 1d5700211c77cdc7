package io.gantry.mqtt.bridge.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gantry.engine.api.security.Role;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BridgeSettingsTest {
    @Test
    void takesTheDefaultsAroundTheThreeRequiredKeys() {
        BridgeSettings settings = Configs.settings(Map.of());

        assertThat(settings.clientId()).isEqualTo("gantry-cells-cell-1");
        assertThat(settings.commandsEnabled()).isFalse();
        assertThat(settings.commandRole()).isEqualTo(Role.OPERATOR);
        assertThat(settings.maxBacklog()).isEqualTo(100_000);
        assertThat(settings.topics()).containsExactly("gantry/pipeline/*", "gantry/node/*");
        assertThat(settings.tls()).isFalse();
    }

    @Test
    void refusesAMissingBrokerGroupAndNodeNamingEachKey() {
        assertThatThrownBy(() -> Configs.settings(Map.of("brokerUrl", "", "groupId", "", "edgeNodeId", "")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("brokerUrl is required")
                .hasMessageContaining("groupId is required")
                .hasMessageContaining("edgeNodeId is required");
    }

    @Test
    void refusesSchemesOtherThanTcpAndSsl() {
        assertThatThrownBy(() -> Configs.settings(Map.of("brokerUrl", "http://broker:1883")))
                .hasMessageContaining("must start with tcp:// or ssl://");
        assertThat(Configs.settings(Map.of("brokerUrl", "ssl://broker:8883")).tls())
                .isTrue();
    }

    @Test
    void refusesIdsThatWouldBreakTheSparkplugTopic() {
        assertThatThrownBy(() -> Configs.settings(Map.of("groupId", "a/b"))).hasMessageContaining("groupId 'a/b'");
        assertThatThrownBy(() -> Configs.settings(Map.of("edgeNodeId", "node+1")))
                .hasMessageContaining("edgeNodeId 'node+1'");
        assertThatThrownBy(() -> Configs.settings(Map.of("edgeNodeId", "#"))).hasMessageContaining("edgeNodeId '#'");
    }

    @Test
    void commandsNeedAUserAndAKnownRole() {
        assertThatThrownBy(() -> Configs.settings(Map.of("commandsEnabled", true)))
                .hasMessageContaining("commandUser is required when commandsEnabled is true");
        assertThatThrownBy(() -> Configs.settings(Map.of("commandRole", "superuser")))
                .hasMessageContaining("commandRole: unknown role 'superuser'");
        BridgeSettings settings =
                Configs.settings(Map.of("commandsEnabled", true, "commandUser", "line-host", "commandRole", "viewer"));
        assertThat(settings.commandUser()).isEqualTo("line-host");
        assertThat(settings.commandRole()).isEqualTo(Role.VIEWER);
    }

    @Test
    void aTrustStoreIsOnlyForTlsAndMustBeReadable() {
        assertThatThrownBy(() -> Configs.settings(Map.of("trustStore", "/etc/hostname")))
                .hasMessageContaining("trustStore is only for an ssl:// brokerUrl");
        assertThatThrownBy(() -> Configs.settings(Map.of("brokerUrl", "ssl://b:8883", "trustStore", "/no/such/ca.p12")))
                .hasMessageContaining("trustStore /no/such/ca.p12 cannot be read");
    }

    @Test
    void readsTopicsGivenAsOneCommaSeparatedStringAsFileInstallGivesThem() {
        BridgeSettings settings = Configs.settings(
                Map.of("topics", new String[] {"gantry/pipeline/*, gantry/device/*,gantry/signal/CHANGED"}));

        assertThat(settings.topics()).containsExactly("gantry/pipeline/*", "gantry/device/*", "gantry/signal/CHANGED");
        assertThat(settings.bridges("gantry/pipeline/STARTED")).isTrue();
        assertThat(settings.bridges("gantry/signal/CHANGED")).isTrue();
        assertThat(settings.bridges("gantry/node/COMPLETED")).isFalse();
    }

    @Test
    void refusesTopicsOutsideGantryAndBadNumbers() {
        assertThatThrownBy(() -> Configs.settings(Map.of("topics", new String[] {"other/#"})))
                .hasMessageContaining("topics: 'other/#'");
        assertThatThrownBy(() -> Configs.settings(Map.of("maxBacklog", 0)))
                .hasMessageContaining("maxBacklog must be at least 1");
        assertThatThrownBy(() -> Configs.settings(Map.of("keepAliveSeconds", -1)))
                .hasMessageContaining("keepAliveSeconds must be 0 to 65535");
    }

    @Test
    void neverShowsPasswords() {
        BridgeSettings settings = Configs.settings(Map.of("username", "u", "password", "s3cret"));

        assertThat(settings.toString()).doesNotContain("s3cret");
    }
}
