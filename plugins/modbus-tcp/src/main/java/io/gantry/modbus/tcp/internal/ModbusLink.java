package io.gantry.modbus.tcp.internal;

import com.ghgande.j2mod.modbus.msg.ExceptionResponse;
import com.ghgande.j2mod.modbus.msg.ModbusRequest;
import com.ghgande.j2mod.modbus.msg.ModbusResponse;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ProtocolException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;

/**
 * One TCP connection to a Modbus server: j2mod's PDUs in MBAP frames, one request at a time.
 *
 * <p>The framing is ours rather than j2mod's {@code ModbusTCPTransport}/{@code ModbusTCPTransaction}:
 * those turn a timeout and a dropped link alike into a {@code ModbusIOException} with only a message,
 * retry with random sleeps and reconnect on their own, while the controller must see a timeout
 * ({@link SocketTimeoutException}), a dropped link (any other {@link IOException}) and a refusal
 * ({@link ExceptionReply}) apart. Every blocking step is bounded: the connect by its timeout, each read
 * by what is left of the response timeout. {@link #close()} may come from any thread and ends a
 * blocked read at once.
 */
final class ModbusLink implements AutoCloseable {
    private static final int MBAP_HEADER = 7;
    // the MBAP length counts the unit id, the function code and at most 253 bytes of data
    private static final int MAX_LENGTH = 255;

    private final int unitId;
    private final int responseTimeoutMs;
    private final Socket socket;
    private DataInputStream in;
    private OutputStream out;
    private int transactionId;

    private ModbusLink(Socket socket, int unitId, int responseTimeoutMs) {
        this.socket = socket;
        this.unitId = unitId;
        this.responseTimeoutMs = responseTimeoutMs;
    }

    /**
     * Creates an unconnected link; {@link #open} connects it. Apart, so that a {@link #close()} from another
     * thread can end a connect that is under way.
     *
     * @param unitId            the unit id every request carries
     * @param responseTimeoutMs how long an answer may take
     * @return the link
     */
    static ModbusLink unconnected(int unitId, int responseTimeoutMs) {
        return new ModbusLink(new Socket(), unitId, responseTimeoutMs);
    }

    /**
     * @param host             the server
     * @param port             its port
     * @param connectTimeoutMs how long the connect may take
     * @throws IOException when it cannot connect in time (a {@link SocketTimeoutException} when the time ran out)
     */
    void open(String host, int port, int connectTimeoutMs) throws IOException {
        try {
            socket.setTcpNoDelay(true); // one small frame each way per request: never wait for more
            socket.setKeepAlive(true);
            socket.connect(new InetSocketAddress(host, port), connectTimeoutMs);
            in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
            out = socket.getOutputStream();
        } catch (IOException e) {
            close();
            throw e;
        }
    }

    /**
     * Sends a request and waits for its answer.
     *
     * @param request a j2mod request; its unit and transaction id are set here
     * @return the answer
     * @throws ExceptionReply         when the server answered with a Modbus exception
     * @throws SocketTimeoutException when no whole answer came within the response timeout
     * @throws IOException            when the link failed or the answer was not Modbus
     */
    ModbusResponse execute(ModbusRequest request) throws IOException, ExceptionReply {
        long deadline = System.nanoTime() + responseTimeoutMs * 1_000_000L;
        transactionId = (transactionId + 1) & 0xFFFF;
        byte[] data = request.getMessage();
        ByteBuffer frame = ByteBuffer.allocate(MBAP_HEADER + 1 + data.length);
        frame.putShort((short) transactionId).putShort((short) 0).putShort((short) (data.length + 2));
        frame.put((byte) unitId).put((byte) request.getFunctionCode()).put(data);
        out.write(frame.array());
        out.flush();

        byte[] header = new byte[MBAP_HEADER];
        readFully(header, deadline);
        ByteBuffer mbap = ByteBuffer.wrap(header);
        int answeredTransaction = mbap.getShort() & 0xFFFF;
        int protocol = mbap.getShort() & 0xFFFF;
        int length = mbap.getShort() & 0xFFFF;
        if (protocol != 0 || length < 3 || length > MAX_LENGTH) {
            throw new ProtocolException("not a Modbus TCP answer (protocol " + protocol + ", length " + length + ")");
        }
        byte[] pdu = new byte[length - 1];
        readFully(pdu, deadline);
        if (answeredTransaction != transactionId) {
            throw new ProtocolException(
                    "answer to transaction " + answeredTransaction + " while waiting for " + transactionId);
        }
        int function = pdu[0] & 0xFF;
        if ((function & 0x7F) != request.getFunctionCode()) {
            throw new ProtocolException(
                    "answer of function " + function + " to a request of function " + request.getFunctionCode());
        }
        ModbusResponse response = ModbusResponse.createModbusResponse(function);
        response.readData(new DataInputStream(new ByteArrayInputStream(pdu, 1, pdu.length - 1)));
        if (response instanceof ExceptionResponse exception) {
            throw ExceptionReply.of(exception.getExceptionCode());
        }
        return response;
    }

    private void readFully(byte[] buffer, long deadline) throws IOException {
        int read = 0;
        while (read < buffer.length) {
            long leftMs = (deadline - System.nanoTime()) / 1_000_000L;
            if (leftMs <= 0) {
                throw new SocketTimeoutException("no whole answer within " + responseTimeoutMs + " ms");
            }
            socket.setSoTimeout((int) Math.min(leftMs, Integer.MAX_VALUE));
            int n;
            try {
                n = in.read(buffer, read, buffer.length - read);
            } catch (SocketTimeoutException e) {
                throw new SocketTimeoutException("no answer within " + responseTimeoutMs + " ms");
            }
            if (n < 0) {
                throw new IOException("the server closed the connection");
            }
            read += n;
        }
    }

    /** Closes the connection; idempotent, from any thread. */
    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // nothing left to release
        }
    }
}
