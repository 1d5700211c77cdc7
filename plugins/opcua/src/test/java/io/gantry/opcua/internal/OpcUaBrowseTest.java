package io.gantry.opcua.internal;

import static io.gantry.opcua.internal.Stages.config;
import static io.gantry.opcua.internal.Stages.failure;
import static io.gantry.opcua.internal.Stages.value;
import static org.assertj.core.api.Assertions.assertThat;

import io.gantry.engine.api.error.InvalidConfigException;
import io.gantry.engine.api.function.PortType;
import io.gantry.engine.api.signal.BrowseEntry;
import io.gantry.engine.api.signal.SignalAccess;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The device's address space, one level at a time, as an engineer picks signals from it. */
class OpcUaBrowseTest extends SharedServerTest {
    private OpcUaDevice device;

    @BeforeEach
    void connect() {
        device = connected(config(server.endpointUrl(), List.of()));
    }

    @Test
    void theTopIsTheObjectsFolder() {
        List<BrowseEntry> top = value(device.browse(null));

        assertThat(top)
                .filteredOn(entry -> entry.name().equals("Cell"))
                .singleElement()
                .isEqualTo(new BrowseEntry("ns=1;s=Cell", "Cell", "folder", null, null, true, null));
        assertThat(top).extracting(BrowseEntry::name).contains("Server");
        assertThat(value(device.browse(""))).isEqualTo(top);
    }

    @Test
    void aFolderListsItsVariablesWithTypeAccessAndAReadySignal() {
        List<BrowseEntry> cell = value(device.browse("ns=1;s=Cell"));

        assertThat(cell)
                .filteredOn(entry -> entry.kind().equals("variable"))
                .extracting(BrowseEntry::name, BrowseEntry::type, BrowseEntry::access)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("Counter", PortType.INTEGER, SignalAccess.READ),
                        org.assertj.core.groups.Tuple.tuple("Temperature", PortType.NUMBER, SignalAccess.READ),
                        org.assertj.core.groups.Tuple.tuple("Setpoint", PortType.NUMBER, SignalAccess.READ_WRITE),
                        org.assertj.core.groups.Tuple.tuple("Enabled", PortType.BOOLEAN, SignalAccess.READ_WRITE),
                        org.assertj.core.groups.Tuple.tuple("Label", PortType.STRING, SignalAccess.READ_WRITE),
                        org.assertj.core.groups.Tuple.tuple("Level", PortType.INTEGER, SignalAccess.READ_WRITE));
        assertThat(cell)
                .filteredOn(entry -> entry.name().equals("Counter"))
                .singleElement()
                .extracting(BrowseEntry::signal)
                .isEqualTo(Map.of("name", "Counter", "nodeId", "ns=1;s=Counter", "type", "integer", "access", "read"));
        assertThat(cell)
                .filteredOn(entry -> entry.name().equals("Machine"))
                .singleElement()
                .isEqualTo(new BrowseEntry("ns=1;s=Machine", "Machine", "object", null, null, true, null));
    }

    @Test
    void anObjectListsItsMethodsAndVariables() {
        List<BrowseEntry> machine = value(device.browse("ns=1;s=Machine"));

        assertThat(machine)
                .extracting(BrowseEntry::name, BrowseEntry::kind)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("Mode", "variable"),
                        org.assertj.core.groups.Tuple.tuple("Multiply", "method"),
                        org.assertj.core.groups.Tuple.tuple("Repeat", "method"));
        assertThat(machine).filteredOn(entry -> entry.kind().equals("method")).allSatisfy(method -> {
            assertThat(method.type()).isNull();
            assertThat(method.signal()).isNull();
            assertThat(method.hasChildren()).isTrue(); // its InputArguments and OutputArguments
        });
    }

    @Test
    void anUnknownOrMalformedAddressIsRefused() {
        assertThat(failure(device.browse("ns=1;s=NoSuchNode")))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessage("device 'cell': the server has no node ns=1;s=NoSuchNode (Bad_NodeIdUnknown (0x80340000))");
        assertThat(failure(device.browse("Cell")))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessage("device 'cell': 'Cell' is not a node id such as ns=1;s=Counter, ns=2;i=42 or i=2258");
    }

    @Test
    void browseNamesBecomeValidSignalNames() {
        assertThat(SignalNames.of("Temperature °C")).isEqualTo("Temperature__C");
        assertThat(SignalNames.of("3rd axis")).isEqualTo("s3rd_axis");
        assertThat(SignalNames.of("")).isEqualTo("s");
        assertThat(SignalNames.of("x".repeat(80))).hasSize(64);
    }
}
