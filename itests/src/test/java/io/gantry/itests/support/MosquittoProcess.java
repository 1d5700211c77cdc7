package io.gantry.itests.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Debian's Mosquitto as the integration tests' MQTT broker: on a free loopback port, anonymous, with
 * persistence in a folder of its own (so that a subscriber's session and its queued messages survive a
 * stop and start, as they would at a site), stopped and started again on the same port. A machine
 * without {@code /usr/sbin/mosquitto} fails the test: {@code apt-get install mosquitto}.
 */
public final class MosquittoProcess implements AutoCloseable {
    private static final Path BROKER = Path.of("/usr/sbin/mosquitto");

    /** The one user of the TLS listener. */
    public static final String USER = "cell";
    /** Its password. */
    public static final String PASSWORD = "s3cret";
    /** The password of {@link #trustStore()}. */
    public static final String TRUST_STORE_PASSWORD = "changeit";

    private final Path folder;
    private final Path config;
    private final int port;
    private final int tlsPort;
    private Process process;

    private MosquittoProcess(Path folder, int port, int tlsPort) {
        this.folder = folder;
        this.port = port;
        this.tlsPort = tlsPort;
        this.config = folder.resolve("mosquitto.conf");
    }

    /**
     * Writes its configuration and starts it.
     *
     * @param folder its own folder (emptied), for the configuration, persistence and log
     * @return the broker, accepting connections
     */
    public static MosquittoProcess start(Path folder) {
        if (!Files.isExecutable(BROKER)) {
            throw new AssertionError(BROKER + " is missing: apt-get install mosquitto");
        }
        try {
            if (Files.exists(folder)) {
                try (var files = Files.walk(folder)) {
                    files.sorted(java.util.Comparator.reverseOrder())
                            .forEach(p -> p.toFile().delete());
                }
            }
            Files.createDirectories(folder);
            MosquittoProcess broker = new MosquittoProcess(
                    folder.toAbsolutePath(), GantryContainer.freePort(), GantryContainer.freePort());
            broker.secure();
            Files.writeString(
                    broker.config,
                    "per_listener_settings true\n"
                            + "persistence true\n"
                            + "persistence_location " + broker.folder + "/\n"
                            + "max_queued_messages 100000\n"
                            // started as root it would drop to the mosquitto user, who cannot write our folder
                            + "user " + System.getProperty("user.name") + "\n"
                            + "listener " + broker.port + " 127.0.0.1\n"
                            + "allow_anonymous true\n"
                            // as at a site: TLS with a certificate of the broker's own, and a password per client
                            + "listener " + broker.tlsPort + " 127.0.0.1\n"
                            + "certfile " + broker.folder.resolve("broker.pem") + "\n"
                            + "keyfile " + broker.folder.resolve("broker.key") + "\n"
                            + "allow_anonymous false\n"
                            + "password_file " + broker.folder.resolve("passwords") + "\n");
            broker.start();
            return broker;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A self-signed certificate for 127.0.0.1, a trust store holding it, and the password file. */
    private void secure() throws IOException {
        run(
                "openssl",
                "req",
                "-x509",
                "-newkey",
                "rsa:2048",
                "-nodes",
                "-days",
                "2",
                "-subj",
                "/CN=127.0.0.1",
                "-addext",
                "subjectAltName=IP:127.0.0.1",
                "-keyout",
                folder.resolve("broker.key").toString(),
                "-out",
                folder.resolve("broker.pem").toString());
        JdkTools.run(
                "keytool",
                "-importcert",
                "-noprompt",
                "-alias",
                "broker",
                "-file",
                folder.resolve("broker.pem").toString(),
                "-keystore",
                trustStore().toString(),
                "-storetype",
                "PKCS12",
                "-storepass",
                TRUST_STORE_PASSWORD);
        run("/usr/bin/mosquitto_passwd", "-c", "-b", folder.resolve("passwords").toString(), USER, PASSWORD);
    }

    private void run(String... command) throws IOException {
        Process tool = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        folder.resolve("tools.log").toFile()))
                .start();
        try {
            if (!tool.waitFor(60, java.util.concurrent.TimeUnit.SECONDS) || tool.exitValue() != 0) {
                throw new AssertionError(command[0] + " failed; see " + folder.resolve("tools.log"));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** @return ssl://127.0.0.1:port of its TLS listener, which wants {@link #USER} and {@link #PASSWORD} */
    public String tlsUrl() {
        return "ssl://127.0.0.1:" + tlsPort;
    }

    /** @return a PKCS12 trust store with its certificate */
    public Path trustStore() {
        return folder.resolve("broker-trust.p12");
    }

    /** @return tcp://127.0.0.1:port */
    public String url() {
        return "tcp://127.0.0.1:" + port;
    }

    /** @return its port */
    public int port() {
        return port;
    }

    /** Starts it (again) on its port, with what it persisted. */
    public void start() {
        ProcessBuilder builder = new ProcessBuilder(BROKER.toString(), "-c", config.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        new File(folder.resolve("mosquitto.log").toString())));
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + BROKER, e);
        }
        Await.until("mosquitto listening on " + port, Duration.ofSeconds(15), () -> {
            if (!process.isAlive()) {
                throw new AssertionError("mosquitto exited with " + process.exitValue() + "; see " + folder);
            }
            try (Socket probe = new Socket()) {
                probe.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return true;
            } catch (IOException e) {
                return false;
            }
        });
    }

    /** Stops it (SIGTERM: it saves its persistence and closes every connection) and waits. */
    public void stop() {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stop();
    }
}
