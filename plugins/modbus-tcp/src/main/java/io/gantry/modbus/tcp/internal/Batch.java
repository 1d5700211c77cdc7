package io.gantry.modbus.tcp.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One read request covering neighbouring signals of one table.
 *
 * @param table   the table
 * @param start   the first address read
 * @param count   how many bits or registers are read
 * @param signals the signals it covers, by address
 */
record Batch(Table table, int start, int count, List<SignalConfig> signals) {
    /**
     * The most unused registers read through between two signals rather than starting another
     * request: a request costs a round trip and 12 bytes of framing, a register in a gap 2 bytes.
     */
    static final int MAX_REGISTER_GAP = 8;
    /** The same for bits: 64 unused bits are 8 bytes. */
    static final int MAX_BIT_GAP = 64;

    /**
     * Groups signals into as few reads as the limits allow: per table, by address, a signal joins the
     * current read when it starts at most a small gap after it and the read stays within the limit.
     *
     * @param signals           the signals to read, in any order
     * @param maxBatchRegisters the most registers one read may ask for (bits: {@link Table#MAX_BITS_PER_READ})
     * @return the reads, by table and address
     */
    static List<Batch> plan(List<SignalConfig> signals, int maxBatchRegisters) {
        Map<Table, List<SignalConfig>> byTable = new EnumMap<>(Table.class);
        for (SignalConfig signal : signals) {
            byTable.computeIfAbsent(signal.table(), table -> new ArrayList<>()).add(signal);
        }
        List<Batch> batches = new ArrayList<>();
        byTable.forEach((table, members) -> {
            members.sort(Comparator.comparingInt(SignalConfig::address));
            int limit = table.bits() ? Table.MAX_BITS_PER_READ : maxBatchRegisters;
            int gap = table.bits() ? MAX_BIT_GAP : MAX_REGISTER_GAP;
            List<SignalConfig> current = new ArrayList<>();
            int start = 0;
            int end = 0; // one past the last address of the current read
            for (SignalConfig signal : members) {
                int signalEnd = signal.address() + signal.width();
                boolean joins = !current.isEmpty()
                        && signal.address() <= end + gap
                        && Math.max(end, signalEnd) - start <= limit;
                if (!joins) {
                    if (!current.isEmpty()) {
                        batches.add(new Batch(table, start, end - start, List.copyOf(current)));
                        current.clear();
                    }
                    start = signal.address();
                    end = signalEnd;
                }
                current.add(signal);
                end = Math.max(end, signalEnd);
            }
            if (!current.isEmpty()) {
                batches.add(new Batch(table, start, end - start, List.copyOf(current)));
            }
        });
        return batches;
    }

    /** @return how messages name what it read: {@code holding registers 20-69} */
    String describe() {
        return table.describe(start, count);
    }
}
