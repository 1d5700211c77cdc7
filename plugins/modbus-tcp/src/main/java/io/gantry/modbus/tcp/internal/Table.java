package io.gantry.modbus.tcp.internal;

import com.ghgande.j2mod.modbus.msg.ModbusRequest;
import com.ghgande.j2mod.modbus.msg.ModbusResponse;
import com.ghgande.j2mod.modbus.msg.ReadCoilsRequest;
import com.ghgande.j2mod.modbus.msg.ReadCoilsResponse;
import com.ghgande.j2mod.modbus.msg.ReadInputDiscretesRequest;
import com.ghgande.j2mod.modbus.msg.ReadInputDiscretesResponse;
import com.ghgande.j2mod.modbus.msg.ReadInputRegistersRequest;
import com.ghgande.j2mod.modbus.msg.ReadInputRegistersResponse;
import com.ghgande.j2mod.modbus.msg.ReadMultipleRegistersRequest;
import com.ghgande.j2mod.modbus.msg.ReadMultipleRegistersResponse;
import com.ghgande.j2mod.modbus.msg.WriteCoilRequest;
import com.ghgande.j2mod.modbus.msg.WriteMultipleCoilsRequest;
import com.ghgande.j2mod.modbus.msg.WriteMultipleRegistersRequest;
import com.ghgande.j2mod.modbus.msg.WriteSingleRegisterRequest;
import com.ghgande.j2mod.modbus.procimg.Register;
import com.ghgande.j2mod.modbus.procimg.SimpleRegister;
import com.ghgande.j2mod.modbus.util.BitVector;
import java.util.List;

/** The four Modbus data tables, with the read request (FC 1-4) of each and how its answer is unpacked. */
enum Table {
    /** Read-write bits, FC 1 (read), 5 and 15 (write). */
    COIL("coil", "coils", true, true),
    /** Read-only bits, FC 2. */
    DISCRETE("discrete input", "discrete inputs", true, false),
    /** Read-write 16-bit registers, FC 3 (read), 6 and 16 (write). */
    HOLDING("holding register", "holding registers", false, true),
    /** Read-only 16-bit registers, FC 4. */
    INPUT("input register", "input registers", false, false);

    /** The most bits one read may ask for (Modbus: 2000). */
    static final int MAX_BITS_PER_READ = 2000;
    /** The most registers one read may ask for (Modbus: 125). */
    static final int MAX_REGISTERS_PER_READ = 125;
    /** The most coils one write may set (Modbus: 1968). */
    static final int MAX_BITS_PER_WRITE = 1968;
    /** The most registers one write may set (Modbus: 123). */
    static final int MAX_REGISTERS_PER_WRITE = 123;

    private final String label;
    private final String plural;
    private final boolean bits;
    private final boolean writable;

    Table(String label, String plural, boolean bits, boolean writable) {
        this.label = label;
        this.plural = plural;
        this.bits = bits;
        this.writable = writable;
    }

    /** @return the name in configs and params: {@code coil}, {@code discrete}, {@code holding}, {@code input} */
    String id() {
        return Ids.of(this);
    }

    /**
     * @param id a name as {@link #id()} gives it
     * @return the table
     * @throws IllegalArgumentException for any other name
     */
    static Table fromId(String id) {
        return Ids.parse(Table.class, id, "a table");
    }

    /** @return whether it holds bits (coils, discrete inputs) rather than registers */
    boolean bits() {
        return bits;
    }

    /** @return whether a master may write it */
    boolean writable() {
        return writable;
    }

    /**
     * @param address an address in this table
     * @return how messages name it: {@code holding register 40}
     */
    String describe(int address) {
        return label + " " + address;
    }

    /**
     * @param address an address in this table
     * @return {@link #describe(int)} after its article: {@code a holding register 40}, {@code an input register 3}
     */
    String describeWithArticle(int address) {
        return (this == INPUT ? "an " : "a ") + describe(address);
    }

    /**
     * @param start the first address
     * @param count how many
     * @return how messages name a range: {@code holding registers 20-69}, or one address as {@link #describe}
     */
    String describe(int start, int count) {
        return count == 1 ? describe(start) : plural + " " + start + "-" + (start + count - 1);
    }

    /**
     * The write request of values: FC 5 for one coil, 15 for more; FC 6 for one register, 16 for more
     * (a 32-bit value is two).
     *
     * @param address the first address
     * @param codec   how each value is encoded
     * @param values  the values, at least one
     * @return the request
     * @throws IllegalArgumentException when a value does not fit, or there are more than one write may carry
     * @throws IllegalStateException    when the table is read-only
     */
    ModbusRequest writeRequest(int address, Codec codec, List<?> values) {
        if (!writable) {
            throw new IllegalStateException(describeWithArticle(address) + " is read-only");
        }
        int size = values.size() * codec.type().width();
        int most = bits ? MAX_BITS_PER_WRITE : MAX_REGISTERS_PER_WRITE;
        if (size == 0 || size > most) {
            throw new IllegalArgumentException("one write sets 1 to " + most + " " + plural + ", not " + size);
        }
        if (bits) {
            if (values.size() == 1) {
                return new WriteCoilRequest(address, Codec.encodeBit(values.get(0)));
            }
            BitVector vector = new BitVector(values.size());
            for (int i = 0; i < values.size(); i++) {
                vector.setBit(i, Codec.encodeBit(values.get(i)));
            }
            return new WriteMultipleCoilsRequest(address, vector);
        }
        Register[] registers = new Register[size];
        int at = 0;
        for (Object value : values) {
            for (int word : codec.encode(value)) {
                registers[at++] = new SimpleRegister(word);
            }
        }
        return size == 1
                ? new WriteSingleRegisterRequest(address, registers[0])
                : new WriteMultipleRegistersRequest(address, registers);
    }

    /** @return the most entries one read of this table may ask for */
    int maxPerRead() {
        return bits ? MAX_BITS_PER_READ : MAX_REGISTERS_PER_READ;
    }

    /**
     * @param start the first address
     * @param count how many bits or registers
     * @return the read request of this table
     */
    ModbusRequest readRequest(int start, int count) {
        return switch (this) {
            case COIL -> new ReadCoilsRequest(start, count);
            case DISCRETE -> new ReadInputDiscretesRequest(start, count);
            case HOLDING -> new ReadMultipleRegistersRequest(start, count);
            case INPUT -> new ReadInputRegistersRequest(start, count);
        };
    }

    /**
     * @param response the answer to {@link #readRequest} of a register table
     * @param count    how many registers were asked for
     * @return the registers, each 0-65535
     * @throws ExceptionReply when the answer holds another number of registers
     */
    int[] registers(ModbusResponse response, int count) throws ExceptionReply {
        int[] words = new int[count];
        int answered;
        if (response instanceof ReadMultipleRegistersResponse holding) {
            answered = holding.getWordCount();
            for (int i = 0; i < Math.min(count, answered); i++) {
                words[i] = holding.getRegisterValue(i);
            }
        } else if (response instanceof ReadInputRegistersResponse input) {
            answered = input.getWordCount();
            for (int i = 0; i < Math.min(count, answered); i++) {
                words[i] = input.getRegisterValue(i);
            }
        } else {
            throw new IllegalStateException(
                    this + " answered with " + response.getClass().getSimpleName());
        }
        if (answered != count) {
            throw ExceptionReply.shortAnswer(answered, count);
        }
        return words;
    }

    /**
     * @param response the answer to {@link #readRequest} of a bit table
     * @param count    how many bits were asked for
     * @return the bits
     * @throws ExceptionReply when the answer holds fewer bits
     */
    boolean[] bits(ModbusResponse response, int count) throws ExceptionReply {
        BitVector vector;
        if (response instanceof ReadCoilsResponse coils) {
            vector = coils.getCoils();
        } else if (response instanceof ReadInputDiscretesResponse discretes) {
            vector = discretes.getDiscretes();
        } else {
            throw new IllegalStateException(
                    this + " answered with " + response.getClass().getSimpleName());
        }
        // the answer is whole bytes: up to 7 bits more than asked for, never fewer
        if (vector.byteSize() != (count + 7) / 8) {
            throw ExceptionReply.shortAnswer(vector.byteSize() * 8, count);
        }
        boolean[] bits = new boolean[count];
        for (int i = 0; i < count; i++) {
            bits[i] = vector.getBit(i);
        }
        return bits;
    }
}
