package io.gantry.modbus.tcp.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CodecTest {
    @Test
    void encodesAndDecodesEveryTypeInBothWordOrders() {
        for (WordOrder order : WordOrder.values()) {
            assertRoundTrip(Codec.raw(DataType.INT16, order), -32768L);
            assertRoundTrip(Codec.raw(DataType.UINT16, order), 65535L);
            assertRoundTrip(Codec.raw(DataType.INT32, order), (long) Integer.MIN_VALUE);
            assertRoundTrip(Codec.raw(DataType.UINT32, order), 4_294_967_295L);
            assertRoundTrip(Codec.raw(DataType.FLOAT32, order), -1.25e-3f * 1.0);
        }
        assertThat(Codec.raw(DataType.INT32, WordOrder.BIG).encode(0x12345678)).containsExactly(0x1234, 0x5678);
        assertThat(Codec.raw(DataType.INT32, WordOrder.LITTLE).encode(0x12345678))
                .containsExactly(0x5678, 0x1234);
    }

    @Test
    void aScaledWriteInvertsTheScalingToTheNearestRawStep() {
        Codec codec = new Codec(DataType.INT16, WordOrder.BIG, 0.1, 5);

        assertThat(codec.encode(17.34)).containsExactly(123); // (17.34 - 5) / 0.1 = 123.4
        assertThat(codec.decode(new int[] {123}, 0)).isEqualTo(123 * 0.1 + 5);
    }

    @Test
    void refusesWhatDoesNotFitNamingTheRange() {
        assertThatThrownBy(() -> Codec.raw(DataType.UINT32, WordOrder.BIG).encode(-1))
                .hasMessage("-1 does not fit uint32 (0 to 4294967295)");
        assertThatThrownBy(() -> new Codec(DataType.UINT16, WordOrder.BIG, 0.5, 0).encode(40000))
                .hasMessage(
                        "40000 does not fit uint16 (0 to 65535): its raw value with scale 0.5 and offset 0.0 is 80000.0");
        assertThatThrownBy(() -> Codec.raw(DataType.FLOAT32, WordOrder.BIG).encode(1e39))
                .hasMessageContaining("does not fit float32");
        assertThatThrownBy(() -> Codec.raw(DataType.INT16, WordOrder.BIG).encode("7"))
                .hasMessage("expects a number, was \"7\"");
        assertThatThrownBy(() -> Codec.encodeBit(2)).hasMessage("expects true or false, was 2");
    }

    private static void assertRoundTrip(Codec codec, Object value) {
        assertThat(codec.decode(codec.encode(value), 0)).isEqualTo(value);
    }
}
