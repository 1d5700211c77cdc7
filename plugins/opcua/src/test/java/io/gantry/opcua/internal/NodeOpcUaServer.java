package io.gantry.opcua.internal;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * node-opcua as an OPC UA server on a free loopback port, running {@code src/test/node/server.js} (its header
 * lists the address space and what it prints). The server prints a line for every write and call a client
 * makes; {@link #writes()} and {@link #calls()} return them, complete up to the moment of the call (a STATS
 * round trip through the server's stdin and stdout, no sleeping). It exits when its stdin closes, so a test
 * JVM that dies does not leave it running.
 */
final class NodeOpcUaServer implements AutoCloseable {
    /** Where server.js and its node_modules are, from the module's folder (Surefire's working directory). */
    static final Path DIR = Path.of("src", "test", "node");

    private static final long WAIT_SECONDS = 60;
    private static final String SETUP = "npm ci --prefix plugins/opcua/src/test/node";

    private final List<String> args;
    private final Path pki;
    private final List<String> writes = new ArrayList<>();
    private final List<String> calls = new ArrayList<>();
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private Process process;
    private Writer stdin;
    private int port;

    private NodeOpcUaServer(Path pki, List<String> args) {
        this.pki = pki;
        this.args = List.copyOf(args);
    }

    /**
     * Starts a server on a free port, failing the test where node or node-opcua is missing.
     *
     * @param pki  its certificate's folder (made, and kept for a restart)
     * @param args more arguments: {@code --user u --password p --no-anonymous}
     * @return the server, accepting connections
     */
    static NodeOpcUaServer start(Path pki, String... args) {
        assumeAvailable();
        NodeOpcUaServer server = new NodeOpcUaServer(pki, List.of(args));
        server.port = freePort();
        server.launch();
        return server;
    }

    /** @return its port */
    int port() {
        return port;
    }

    /** @return its endpoint URL */
    String endpointUrl() {
        return "opc.tcp://127.0.0.1:" + port + "/gantry";
    }

    /** @return the SHA-1 thumbprint of its certificate, read from its pki folder as a engineer would */
    String thumbprint() {
        Path pem = pki.resolve("server").resolve("own").resolve("certs").resolve("server_certificate.pem");
        try (java.io.InputStream in = Files.newInputStream(pem)) {
            return Thumbprints.of((java.security.cert.X509Certificate)
                    java.security.cert.CertificateFactory.getInstance("X.509").generateCertificate(in));
        } catch (IOException | java.security.cert.CertificateException e) {
            throw new IllegalStateException("cannot read the server's certificate " + pem, e);
        }
    }

    /** @return every write seen so far, as {@code ns=1;s=Setpoint 42.5}, in order */
    List<String> writes() {
        stats();
        synchronized (writes) {
            return List.copyOf(writes);
        }
    }

    /** @return every call seen so far, as {@code Multiply [6,7]}, in order */
    List<String> calls() {
        stats();
        synchronized (calls) {
            return List.copyOf(calls);
        }
    }

    /** @return its sessions, subscriptions and monitored items now: {@code SESSIONS 1 SUBSCRIPTIONS 1 MONITORED 3} */
    String stats() {
        try {
            stdin.write("STATS\n");
            stdin.flush();
        } catch (IOException e) {
            throw new IllegalStateException("the node-opcua server is gone", e);
        }
        return await("SESSIONS ");
    }

    /** Kills the server (SIGKILL): its sessions drop as a crashed server's do. */
    void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Starts the server again on the same port with the same certificate, its address space as at the start. */
    void restart() {
        kill();
        launch();
    }

    @Override
    public void close() {
        if (process == null) {
            return;
        }
        try {
            stdin.close(); // server.js exits when its stdin closes
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                kill();
            }
        } catch (IOException e) {
            kill();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill();
        }
    }

    private void launch() {
        lines.clear();
        List<String> command = new ArrayList<>(List.of(
                "node",
                "server.js",
                "--port",
                String.valueOf(port),
                "--pki",
                pki.toAbsolutePath().toString()));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).directory(DIR.toFile());
        // node-opcua warns on stderr (and says a lot at start): keep it for reading, out of the test output
        builder.redirectError(ProcessBuilder.Redirect.appendTo(new File("target/node-opcua-server.log")));
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new AssertionError("cannot start node: " + e.getMessage() + "; install Node.js and run " + SETUP, e);
        }
        stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        Thread reader = new Thread(this::readLines, "node-opcua-stdout");
        reader.setDaemon(true);
        reader.start();
        await("READY ");
    }

    private void readLines() {
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith("WRITE ")) {
                    synchronized (writes) {
                        writes.add(line.substring("WRITE ".length()));
                    }
                } else if (line.startsWith("CALL ")) {
                    synchronized (calls) {
                        calls.add(line.substring("CALL ".length()));
                    }
                } else {
                    lines.add(line);
                }
            }
        } catch (IOException e) {
            // the process ended
        }
    }

    private String await(String prefix) {
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
            while (true) {
                String line = lines.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (line == null) {
                    throw new IllegalStateException("the node-opcua server did not print '" + prefix + "' within "
                            + WAIT_SECONDS + " s"
                            + (process.isAlive() ? "" : " (it exited with " + process.exitValue() + ")")
                            + "; see target/node-opcua-server.log");
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

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free loopback port", e);
        }
    }

    /** Fails the test where node or the server's node_modules are missing: the tests need a real server. */
    static void assumeAvailable() {
        boolean node;
        try {
            node = new ProcessBuilder("node", "--version")
                            .redirectErrorStream(true)
                            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                            .start()
                            .waitFor()
                    == 0;
        } catch (IOException e) {
            node = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            node = false;
        }
        if (!node) {
            throw new AssertionError("node is not on the PATH: install Node.js (20 or later), then run " + SETUP);
        }
        if (!Files.isDirectory(DIR.resolve("node_modules").resolve("node-opcua"))) {
            throw new AssertionError(DIR.toAbsolutePath() + " has no node_modules/node-opcua: run " + SETUP);
        }
    }
}
