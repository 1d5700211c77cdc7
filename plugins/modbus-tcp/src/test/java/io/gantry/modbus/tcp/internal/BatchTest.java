package io.gantry.modbus.tcp.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.gantry.engine.api.signal.SignalAccess;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BatchTest {
    private static SignalConfig signal(String name, Table table, int address, DataType type) {
        return new SignalConfig(name, table, address, Codec.raw(type, WordOrder.BIG), 1000, SignalAccess.READ, null, 0);
    }

    private static List<String> plan(int maxRegisters, SignalConfig... signals) {
        return Batch.plan(List.of(signals), maxRegisters).stream()
                .map(batch -> batch.table().id() + " " + batch.start() + "+" + batch.count() + " "
                        + batch.signals().stream().map(SignalConfig::name).toList())
                .toList();
    }

    @Test
    void readsOverlappingAndNeighbouringSignalsOnceInAddressOrder() {
        assertThat(plan(
                        120,
                        signal("c", Table.HOLDING, 4, DataType.INT32),
                        signal("a", Table.HOLDING, 0, DataType.UINT16),
                        signal("b", Table.HOLDING, 4, DataType.INT16)))
                .containsExactly("holding 0+6 [a, c, b]");
    }

    @Test
    void neverMixesTables() {
        assertThat(plan(
                        120,
                        signal("a", Table.HOLDING, 0, DataType.UINT16),
                        signal("b", Table.INPUT, 1, DataType.UINT16)))
                .containsExactly("holding 0+1 [a]", "input 1+1 [b]");
    }

    @Test
    void aTwoRegisterValueIsNeverSplitAcrossTheLimit() {
        assertThat(plan(
                        3,
                        signal("a", Table.HOLDING, 0, DataType.UINT16),
                        signal("b", Table.HOLDING, 2, DataType.FLOAT32)))
                .containsExactly("holding 0+1 [a]", "holding 2+2 [b]");
    }

    @Test
    void bitsAreBatchedUpTo2000() {
        List<SignalConfig> coils = new ArrayList<>();
        for (int address = 0; address < 2100; address += 50) {
            coils.add(signal("c" + address, Table.COIL, address, DataType.BOOL));
        }
        List<Batch> batches = Batch.plan(coils, 120);

        assertThat(batches)
                .extracting(Batch::start, Batch::count)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(0, 1951), org.assertj.core.groups.Tuple.tuple(2000, 51));
    }
}
