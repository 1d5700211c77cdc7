package io.gantry.mqtt.bridge.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SparkplugSeqTest {
    @Test
    void birthIsZeroAndEveryMessageAfterItTakesTheNextWrappingAfter255() {
        SparkplugSeq seq = new SparkplugSeq();

        assertThat(seq.birth()).isZero();
        for (long expected = 1; expected <= 255; expected++) {
            assertThat(seq.next()).isEqualTo(expected);
        }
        assertThat(seq.next()).isZero();
        assertThat(seq.next()).isEqualTo(1);
    }

    @Test
    void aRebirthStartsTheCountAgain() {
        SparkplugSeq seq = new SparkplugSeq();
        seq.birth();
        seq.next();
        seq.next();

        assertThat(seq.birth()).isZero();
        assertThat(seq.next()).isEqualTo(1);
    }
}
