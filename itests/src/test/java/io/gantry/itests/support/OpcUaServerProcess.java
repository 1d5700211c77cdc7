package io.gantry.itests.support;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * node-opcua, an OPC UA server we did not write, on a free loopback port: the opcua plugin's test
 * server ({@code plugins/opcua/src/test/node/server.js}, whose header lists its address space and what
 * it prints). Writes and calls it saw are read back complete up to the moment asked (a STATS round trip
 * through its stdin and stdout, no sleeping). It exits when its stdin closes, so a test JVM that dies
 * leaves nothing running.
 */
public final class OpcUaServerProcess implements AutoCloseable {
    /** server.js and its node_modules, from the itests folder (Failsafe's working directory). */
    private static final Path DIR = Path.of("..", "plugins", "opcua", "src", "test", "node");

    private static final String SETUP = "npm ci --prefix plugins/opcua/src/test/node";
    private static final long WAIT_SECONDS = 60;

    private final Path pki;
    private final List<String> args;
    private final int port;
    private final List<String> seen = new ArrayList<>();
    private PeerOutput output;
    private Process process;
    private Writer stdin;

    private OpcUaServerProcess(Path pki, List<String> args) {
        this.pki = pki;
        this.args = List.copyOf(args);
        this.port = GantryContainer.freePort();
    }

    /**
     * Starts a server, failing the test where node or node-opcua is missing.
     *
     * @param pki  its certificate's folder (made, and kept for a restart)
     * @param args more arguments: {@code --user u --password p --no-anonymous}
     * @return the server, accepting connections
     */
    public static OpcUaServerProcess start(Path pki, String... args) {
        if (!Files.isDirectory(DIR.resolve("node_modules").resolve("node-opcua"))) {
            throw new AssertionError(
                    DIR.toAbsolutePath().normalize() + " has no node_modules/node-opcua: run " + SETUP);
        }
        OpcUaServerProcess server = new OpcUaServerProcess(pki, List.of(args));
        server.launch();
        return server;
    }

    /** @return its endpoint URL */
    public String endpointUrl() {
        return "opc.tcp://127.0.0.1:" + port + "/gantry";
    }

    /**
     * @return the SHA-1 thumbprint of its certificate (40 upper-case hex digits), read from its pki folder
     *     as an engineer would before trusting it
     */
    public String thumbprint() {
        Path pem = pki.resolve("server").resolve("own").resolve("certs").resolve("server_certificate.pem");
        try (InputStream in = Files.newInputStream(pem)) {
            Certificate certificate = CertificateFactory.getInstance("X.509").generateCertificate(in);
            return HexFormat.of()
                    .withUpperCase()
                    .formatHex(MessageDigest.getInstance("SHA-1").digest(certificate.getEncoded()));
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the server's certificate " + pem, e);
        }
    }

    /** @return every {@code WRITE …} and {@code CALL …} line it printed so far, in order */
    public List<String> seen() {
        stats();
        synchronized (seen) {
            return List.copyOf(seen);
        }
    }

    /** @return its sessions, subscriptions and monitored items now: {@code SESSIONS 1 SUBSCRIPTIONS 1 MONITORED 3} */
    public String stats() {
        try {
            stdin.write("STATS\n");
            stdin.flush();
        } catch (IOException e) {
            throw new IllegalStateException("the node-opcua server is gone", e);
        }
        return output.await("SESSIONS ", WAIT_SECONDS);
    }

    /** Kills it (SIGKILL): its sessions drop as a crashed server's do. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Starts it again on the same port with the same certificate. */
    public void restart() {
        kill();
        launch();
    }

    @Override
    public void close() {
        if (process == null) {
            return;
        }
        try {
            stdin.close();
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
        List<String> command = new ArrayList<>(List.of(
                "node",
                "server.js",
                "--port",
                String.valueOf(port),
                "--pki",
                pki.toAbsolutePath().toString()));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).directory(DIR.toFile());
        builder.redirectError(ProcessBuilder.Redirect.appendTo(new File("target/node-opcua-server.log")));
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new AssertionError("cannot start node: " + e.getMessage() + "; install Node.js and run " + SETUP, e);
        }
        stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        output = PeerOutput.read(process, "node-opcua server", "target/node-opcua-server.log", line -> {
            boolean seenNow = line.startsWith("WRITE ") || line.startsWith("CALL ");
            if (seenNow) {
                synchronized (seen) {
                    seen.add(line);
                }
            }
            return seenNow;
        });
        output.await("READY ", WAIT_SECONDS);
    }
}
