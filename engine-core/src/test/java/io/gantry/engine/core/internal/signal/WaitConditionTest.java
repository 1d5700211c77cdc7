package io.gantry.engine.core.internal.signal;

import static org.assertj.core.api.Assertions.assertThat;

import io.gantry.engine.api.function.PortType;
import io.gantry.engine.api.service.SignalInfo;
import io.gantry.engine.api.signal.SignalAccess;
import io.gantry.engine.api.signal.SignalQuality;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class WaitConditionTest {
    private static SignalInfo signal(Object value, SignalQuality quality) {
        return new SignalInfo("v", PortType.JSON, null, SignalAccess.READ, 100, value, quality, Instant.now(), null);
    }

    @Test
    void numbersCompareByValueWhateverTheirJavaType() {
        assertThat(WaitSignalFunction.holds(signal(20, SignalQuality.GOOD), "<=", 20.0))
                .isTrue();
        assertThat(WaitSignalFunction.holds(signal(20.5, SignalQuality.GOOD), "<=", 20))
                .isFalse();
        assertThat(WaitSignalFunction.holds(signal(3L, SignalQuality.GOOD), "==", 3.0))
                .isTrue();
        assertThat(WaitSignalFunction.holds(signal(3, SignalQuality.GOOD), "!=", 4))
                .isTrue();
        assertThat(WaitSignalFunction.holds(signal(5, SignalQuality.GOOD), ">", 4))
                .isTrue();
    }

    @Test
    void otherValuesOnlyCompareForEquality() {
        assertThat(WaitSignalFunction.holds(signal(true, SignalQuality.GOOD), "==", true))
                .isTrue();
        assertThat(WaitSignalFunction.holds(signal("open", SignalQuality.GOOD), "!=", "closed"))
                .isTrue();
        assertThat(WaitSignalFunction.holds(signal("b", SignalQuality.GOOD), ">", "a"))
                .isFalse();
    }

    @Test
    void aValueThatIsNotGoodNeverMeetsTheCondition() {
        assertThat(WaitSignalFunction.holds(signal(true, SignalQuality.STALE), "==", true))
                .isFalse();
        assertThat(WaitSignalFunction.holds(signal(true, SignalQuality.BAD), "==", true))
                .isFalse();
        assertThat(WaitSignalFunction.holds(signal(null, SignalQuality.GOOD), "==", null))
                .isFalse();
    }
}
