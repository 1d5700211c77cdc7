package io.gantry.modbus.tcp.internal;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's pymodbus as a Modbus TCP server on a free loopback port, running {@code modbus_server.py}
 * (this module's test resources; its docstring lists the preset values). The server prints every
 * request before answering it; {@link #requests()} returns them all, complete up to the moment of the
 * call (a SYNC round trip through the server's stdin and stdout, no sleeping). Requests to
 * {@link #SLOW_UNIT} are answered {@link #SLOW_MS} late. Shared with the integration tests, which copy it.
 */
final class PyModbusServer implements AutoCloseable {
    /** Debian's interpreter: pymodbus is importable only there, not from another python3 on the PATH. */
    static final String PYTHON = "/usr/bin/python3";
    /** The unit that answers late. */
    static final int SLOW_UNIT = 2;
    /** How late. */
    static final int SLOW_MS = 5000;
    /** Holding registers 0..99 exist; this one and all above answer "illegal data address". */
    static final int MISSING_HOLDING = 200;

    private static final long WAIT_SECONDS = 15;

    private final int requestedPort;
    private final List<String> requests = new ArrayList<>();
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final AtomicInteger syncs = new AtomicInteger();
    private Process process;
    private Writer stdin;
    private int port;

    private PyModbusServer(int port) {
        this.requestedPort = port;
    }

    /**
     * Starts a server on a free port, or skips the calling test where pymodbus is missing (fails it in CI).
     *
     * @return the server, accepting connections
     */
    static PyModbusServer start() {
        assumeAvailable();
        PyModbusServer server = new PyModbusServer(0);
        server.launch();
        return server;
    }

    /** @return its port */
    int port() {
        return port;
    }

    /**
     * @return every request served so far, as {@code unit=1 fc=3 address=0 count=16}, in order
     */
    List<String> requests() {
        sync();
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    /** Forgets the requests served so far. */
    void clearRequests() {
        sync();
        synchronized (requests) {
            requests.clear();
        }
    }

    /** Kills the server (SIGKILL): its connections drop as a crashed or unplugged device's do. */
    void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Starts the server again on the same port, with the preset values. */
    void restart() {
        kill();
        launch();
    }

    @Override
    public void close() {
        if (process != null) {
            kill();
        }
    }

    private void launch() {
        lines.clear();
        ProcessBuilder builder = new ProcessBuilder(
                PYTHON,
                script().toString(),
                "--port",
                String.valueOf(port == 0 ? requestedPort : port),
                "--slow-ms",
                String.valueOf(SLOW_MS));
        // pymodbus logs every dropped client on stderr: keep it for reading, out of the test output
        builder.redirectError(ProcessBuilder.Redirect.appendTo(new File("target/pymodbus-server.log")));
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + PYTHON, e);
        }
        stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        Thread reader = new Thread(this::readLines, "pymodbus-stdout");
        reader.setDaemon(true);
        reader.start();
        String listening = await("LISTENING ");
        port = Integer.parseInt(listening.substring("LISTENING ".length()).trim());
        try (Socket probe = new Socket()) {
            probe.connect(new InetSocketAddress("127.0.0.1", port), 5000);
        } catch (IOException e) {
            throw new IllegalStateException("pymodbus said it listens on " + port + " but refuses connections", e);
        }
    }

    private void readLines() {
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith("REQUEST ")) {
                    synchronized (requests) {
                        requests.add(line.substring("REQUEST ".length()));
                    }
                } else {
                    lines.add(line);
                }
            }
        } catch (IOException e) {
            // the process ended
        }
    }

    private void sync() {
        String token = "SYNC " + syncs.incrementAndGet();
        try {
            stdin.write(token + "\n");
            stdin.flush();
        } catch (IOException e) {
            throw new IllegalStateException("the pymodbus server is gone", e);
        }
        await(token);
    }

    private String await(String prefix) {
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
            while (true) {
                String line = lines.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (line == null) {
                    throw new IllegalStateException("the pymodbus server did not print '" + prefix + "' within "
                            + WAIT_SECONDS + " s; see target/pymodbus-server.log");
                }
                if (line.startsWith(prefix)) {
                    return line;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static Path script() {
        try {
            return Path.of(PyModbusServer.class.getResource("/modbus_server.py").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Skips the test where Debian's pymodbus is not installed, except in CI, where it must be. */
    static void assumeAvailable() {
        boolean available;
        try {
            available = Files.isExecutable(Path.of(PYTHON))
                    && new ProcessBuilder(PYTHON, "-c", "import pymodbus.server.async_io")
                                    .redirectErrorStream(true)
                                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                                    .start()
                                    .waitFor()
                            == 0;
        } catch (IOException e) {
            available = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            available = false;
        }
        String why =
                PYTHON + " cannot import pymodbus.server (apt-get install python3-pymodbus python3-serial-asyncio)";
        if (!available && System.getenv("CI") != null) {
            throw new AssertionError(why);
        }
        Assumptions.assumeTrue(available, why);
    }

    /**
     * Reads with Debian's mbpoll, an independent Modbus client.
     *
     * @param args mbpoll's options for what to read ({@code -t 4 -r 90}), 0-based addresses
     * @return its output
     */
    String mbpoll(String... args) {
        List<String> command = new ArrayList<>(
                List.of("/usr/bin/mbpoll", "-m", "tcp", "-a", "1", "-0", "-1", "-p", String.valueOf(port)));
        command.addAll(List.of(args));
        command.add("127.0.0.1");
        try {
            Process mbpoll =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(mbpoll.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!mbpoll.waitFor(WAIT_SECONDS, TimeUnit.SECONDS) || mbpoll.exitValue() != 0) {
                throw new IllegalStateException("mbpoll " + command + " failed: " + output);
            }
            return output;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run mbpoll", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
