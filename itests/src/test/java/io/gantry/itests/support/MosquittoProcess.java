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

    private final Path folder;
    private final Path config;
    private final int port;
    private Process process;

    private MosquittoProcess(Path folder, int port) {
        this.folder = folder;
        this.port = port;
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
            MosquittoProcess broker = new MosquittoProcess(folder.toAbsolutePath(), GantryContainer.freePort());
            Files.writeString(
                    broker.config,
                    "listener " + broker.port + " 127.0.0.1\n"
                            + "allow_anonymous true\n"
                            + "persistence true\n"
                            + "persistence_location " + broker.folder + "/\n"
                            + "max_queued_messages 100000\n"
                            // started as root it would drop to the mosquitto user, who cannot write our folder
                            + "user " + System.getProperty("user.name") + "\n");
            broker.start();
            return broker;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
