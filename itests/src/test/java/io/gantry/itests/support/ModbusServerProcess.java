package io.gantry.itests.support;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.Assume;

/**
 * Debian's pymodbus as the Modbus TCP server of the integration tests, running the modbus-tcp
 * plugin's own test server script ({@code plugins/modbus-tcp/src/test/resources/modbus_server.py}: its
 * docstring lists the preset values; holding registers 0..99 exist, unit 2 answers 5 s late), plus
 * Debian's {@code mbpoll} as an independent client. The plugin's unit tests have a fuller twin
 * (PyModbusServer, with the request log); this one counts requests and can be killed and restarted on
 * its port, which is what the controller-level tests need.
 */
public final class ModbusServerProcess implements AutoCloseable {
    /** Debian's interpreter: pymodbus is importable only there. */
    private static final String PYTHON = "/usr/bin/python3";

    private static final Path SCRIPT = Path.of("../plugins/modbus-tcp/src/test/resources/modbus_server.py");
    private static final long WAIT_SECONDS = 15;

    private PeerOutput output;
    private final AtomicLong requests = new AtomicLong();
    private Process process;
    private int port;

    private ModbusServerProcess() {}

    /**
     * Starts a server on a free loopback port; skips the test where pymodbus or mbpoll is missing,
     * except in CI, where it fails.
     *
     * @return the server, accepting connections
     */
    public static ModbusServerProcess start() {
        assumeAvailable();
        ModbusServerProcess server = new ModbusServerProcess();
        server.launch();
        return server;
    }

    /** @return its port */
    public int port() {
        return port;
    }

    /** @return how many requests it has answered (or begun to) since it started first */
    public long requests() {
        return requests.get();
    }

    /** Kills it (SIGKILL): its connections drop as an unplugged device's do. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Starts it again on the same port, with the preset values. */
    public void restart() {
        kill();
        launch();
    }

    @Override
    public void close() {
        if (process != null) {
            kill();
        }
    }

    /**
     * Runs mbpoll once against this server (unit 1, 0-based addresses).
     *
     * @param options what to read or write ({@code -t 4 -r 90})
     * @param values  values to write; none to read
     * @return its output
     */
    public String mbpoll(List<String> options, String... values) {
        List<String> command = new ArrayList<>(
                List.of("/usr/bin/mbpoll", "-m", "tcp", "-a", "1", "-0", "-1", "-p", String.valueOf(port)));
        command.addAll(options);
        command.add("127.0.0.1");
        command.addAll(List.of(values));
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

    private void launch() {
        ProcessBuilder builder =
                new ProcessBuilder(PYTHON, SCRIPT.toString(), "--port", String.valueOf(port), "--slow-ms", "5000");
        builder.redirectError(ProcessBuilder.Redirect.appendTo(new File("target/pymodbus-server.log")));
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + PYTHON, e);
        }
        output = PeerOutput.read(process, "pymodbus server", "target/pymodbus-server.log", line -> {
            boolean request = line.startsWith("REQUEST ");
            if (request) {
                requests.incrementAndGet();
            }
            return request;
        });
        String listening = output.await("LISTENING ", WAIT_SECONDS);
        port = Integer.parseInt(listening.substring("LISTENING ".length()).trim());
        try (Socket probe = new Socket()) {
            probe.connect(new InetSocketAddress("127.0.0.1", port), 5000);
        } catch (IOException e) {
            throw new IllegalStateException("pymodbus said it listens on " + port + " but refuses connections", e);
        }
    }

    private static void assumeAvailable() {
        boolean available;
        try {
            available = Files.isRegularFile(SCRIPT)
                    && Files.isExecutable(Path.of("/usr/bin/mbpoll"))
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
        String why = PYTHON + " cannot import pymodbus.server, or mbpoll is missing "
                + "(apt-get install python3-pymodbus python3-serial-asyncio mbpoll)";
        if (!available && System.getenv("CI") != null) {
            throw new AssertionError(why);
        }
        Assume.assumeTrue(why, available);
    }
}
