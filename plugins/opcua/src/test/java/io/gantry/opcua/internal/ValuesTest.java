package io.gantry.opcua.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gantry.engine.api.function.PortType;
import java.util.List;
import org.eclipse.milo.opcua.stack.core.Identifiers;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UInteger;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UShort;
import org.junit.jupiter.api.Test;

/** OPC UA values to the controller's and back, exactly typed. */
class ValuesTest {
    @Test
    void dataTypesMapToPortTypes() {
        assertThat(Values.portType(Identifiers.Double, -1)).isEqualTo(PortType.NUMBER);
        assertThat(Values.portType(Identifiers.UInt16, -1)).isEqualTo(PortType.INTEGER);
        assertThat(Values.portType(Identifiers.Boolean, -1)).isEqualTo(PortType.BOOLEAN);
        assertThat(Values.portType(Identifiers.LocalizedText, -1)).isEqualTo(PortType.STRING);
        assertThat(Values.portType(Identifiers.Duration, -1)).isEqualTo(PortType.NUMBER);
        assertThat(Values.portType(Identifiers.Double, 1)).isEqualTo(PortType.JSON);
        assertThat(Values.portType(Identifiers.BuildInfo, -1)).isEqualTo(PortType.JSON);
    }

    @Test
    void valuesReadBecomeJsonLike() {
        assertThat(Values.toJson(UShort.valueOf(7))).isEqualTo(7L);
        assertThat(Values.toJson(0.1f)).isEqualTo(0.1);
        assertThat(Values.toJson(LocalizedText.english("hello"))).isEqualTo("hello");
        assertThat(Values.toJson(new Integer[] {1, 2})).isEqualTo(List.of(1L, 2L));
        assertThat(Values.toJson(StatusCode.GOOD)).isEqualTo("Good (0x00000000)");
    }

    @Test
    void aWriteIsConvertedToExactlyTheDataTypeOrRefusedNamingIt() {
        assertThat(Values.toVariant(Identifiers.Double, 42).getValue()).isEqualTo(42.0);
        assertThat(Values.toVariant(Identifiers.Float, 1.5).getValue()).isEqualTo(1.5f);
        assertThat(Values.toVariant(Identifiers.Int16, 5L).getValue()).isEqualTo((short) 5);
        assertThat(Values.toVariant(Identifiers.Int32, 5.0).getValue()).isEqualTo(5);
        assertThat(Values.toVariant(Identifiers.Int64, -5).getValue()).isEqualTo(-5L);
        assertThat(Values.toVariant(Identifiers.UInt16, 65535).getValue()).isEqualTo(UShort.valueOf(65535));
        assertThat(Values.toVariant(Identifiers.UInt32, 4_000_000_000L).getValue())
                .isEqualTo(UInteger.valueOf(4_000_000_000L));
        assertThat(Values.toVariant(Identifiers.Boolean, true).getValue()).isEqualTo(true);
        assertThat(Values.toVariant(Identifiers.String, "x").getValue()).isEqualTo("x");

        assertThatThrownBy(() -> Values.toVariant(Identifiers.Int32, 1.5))
                .hasMessage("expects Int32 (a whole number from -2147483648 to 2147483647), not the number 1.5");
        assertThatThrownBy(() -> Values.toVariant(Identifiers.UInt16, -1))
                .hasMessage("expects UInt16 (a whole number from 0 to 65535), not the number -1");
        assertThatThrownBy(() -> Values.toVariant(Identifiers.Boolean, 1))
                .hasMessage("expects Boolean (true or false), not the number 1");
        assertThatThrownBy(() -> Values.toVariant(Identifiers.String, 1))
                .hasMessage("expects String (a string), not the number 1");
        assertThatThrownBy(() -> Values.toVariant(Identifiers.BuildInfo, "x"))
                .hasMessageContaining("is not a built-in type");
    }

    @Test
    void aSignalsTypeIsKeptOrTheReadingIsRefused() {
        assertThat(Values.forSignal(PortType.INTEGER, 3.0)).isEqualTo(3L);
        assertThat(Values.forSignal(PortType.STRING, 3L)).isEqualTo("3");
        assertThat(Values.forSignal(null, 3L)).isEqualTo(3L);
        assertThatThrownBy(() -> Values.forSignal(PortType.BOOLEAN, 3L)).hasMessage("the value 3 is not a boolean");
    }
}
