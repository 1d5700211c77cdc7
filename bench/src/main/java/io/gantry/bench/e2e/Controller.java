package io.gantry.bench.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A private copy of the built distribution, run through its own {@code bin/gantry} on a free port,
 * as an operator runs it. {@code bin/gantry} execs java, so the process's pid is the JVM's.
 */
final class Controller implements AutoCloseable {
    private final Path home;
    private final int port;
    private final Api api;
    private Process process;
    private Path data;

    private Controller(Path home, int port) {
        this.home = home;
        this.port = port;
        this.api = new Api(port);
    }

    /** Copies the distribution into {@code folder} (which must not exist yet). */
    static Controller install(Path distribution, Path folder) {
        Files2.copyTree(distribution, folder);
        return new Controller(folder, freePort());
    }

    Path home() {
        return home;
    }

    Path deploy() {
        return home.resolve("deploy");
    }

    Api api() {
        return api;
    }

    int port() {
        return port;
    }

    long pid() {
        return process.pid();
    }

    /** Takes the shipped plugin jars whose names start with {@code prefix} out of deploy/. */
    void undeploy(String prefix) {
        try (Stream<Path> files = Files.list(deploy())) {
            for (Path jar : files.filter(f -> f.getFileName().toString().startsWith(prefix))
                    .toList()) {
                Files.delete(jar);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Starts the controller with its state in {@code data} and returns at once.
     *
     * @return {@link System#nanoTime()} just before the process was created
     */
    long start(Path data) {
        ProcessBuilder builder = new ProcessBuilder(
                        List.of(home.resolve("bin/gantry").toString()))
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        home.resolve("console.log").toFile()));
        builder.environment().put("GANTRY_HTTP_PORT", String.valueOf(port));
        builder.environment().put("GANTRY_DATA", data.toString());
        this.data = data;
        // a token of another data folder is unknown to this start: a health probe carrying it gets 401
        api.useToken(null);
        long started = System.nanoTime();
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return started;
    }

    /** @return {@link System#nanoTime()} at the first 200 from /api/health */
    long awaitHealthy(Duration timeout) {
        long healthy = Poll.until("200 from /api/health (see " + home.resolve("console.log") + ")", timeout, () -> {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        "the controller exited with " + process.exitValue() + ", see " + home.resolve("console.log"));
            }
            return api.status("/api/health") == 200;
        });
        // every other endpoint needs a token: the one the first start wrote, as a script would use it
        Path token = data.resolve("initial-admin.token");
        Poll.until(token + " written", timeout, () -> Files.isRegularFile(token));
        try {
            api.useToken(Files.readString(token).strip());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return healthy;
    }

    /** @return the resident set size of the JVM in MiB, from /proc/<pid>/status */
    double rssMiB() {
        return ProcStatus.rssKiB(pid()) / 1024.0;
    }

    /** SIGTERM, then waits for the clean stop bin/gantry promises. */
    void stop() {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    @Override
    public void close() {
        stop();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
