package io.gantry.itests.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The built distribution, copied into a folder of the test's own and run as a separate process
 * through its {@code bin/gantry}, on a free port.
 */
public final class DistributionProcess implements AutoCloseable {
    private final Path home;
    private final Path output;
    private final int port;
    private Process process;

    private DistributionProcess(Path home, int port) {
        this.home = home;
        this.port = port;
        this.output = home.resolve("console.log");
    }

    /**
     * Copies the distribution into {@code folder}.
     *
     * @param folder where the copy goes (emptied first)
     * @return the copy, not started
     */
    public static DistributionProcess copyTo(Path folder) {
        try {
            deleteRecursively(folder);
            copyRecursively(GantryContainer.distribution(), folder);
            return new DistributionProcess(folder.toAbsolutePath(), GantryContainer.freePort());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Starts {@code bin/gantry} with the given extra environment.
     *
     * @param environment variables to add
     * @return this
     */
    public DistributionProcess start(Map<String, String> environment) {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("already running");
        }
        ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/gantry").toString())
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile()));
        builder.environment().put("GANTRY_HTTP_PORT", String.valueOf(port));
        builder.environment().put("GANTRY_DATA", home.resolve("data").toString());
        builder.environment().putAll(environment);
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /**
     * Waits for {@code /api/health} to answer 200.
     *
     * @param timeout the deadline
     * @return this
     */
    public DistributionProcess awaitHealthy(Duration timeout) {
        return awaitHealthy(timeout, () -> Http.anonymous(port));
    }

    /**
     * Waits for {@code /api/health} to answer 200 through a client made anew at each try, e.g. one
     * that trusts a certificate the controller makes while it starts.
     *
     * @param timeout the deadline
     * @param clients makes the client; its exceptions count as "not yet"
     * @return this
     */
    public DistributionProcess awaitHealthy(Duration timeout, Supplier<Http> clients) {
        Await.until("/api/health 200 (console: " + output + ")", timeout, () -> {
            if (!process.isAlive()) {
                throw new AssertionError("the controller exited with " + process.exitValue() + ":\n" + console());
            }
            return clients.get().get("/api/health").statusCode() == 200;
        });
        return this;
    }

    /**
     * Sends SIGTERM and waits for the process to end.
     *
     * @param timeout how long to wait
     * @return the exit code
     */
    public int stop(Duration timeout) {
        process.destroy(); // SIGTERM on Linux
        return waitFor(timeout);
    }

    /**
     * @param timeout how long to wait
     * @return the exit code of a process that ends by itself
     */
    public int waitFor(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("the controller did not stop within " + timeout.toMillis() + " ms");
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** @return an HTTP client for this controller, authenticated as its initial admin */
    public Http http() {
        return new Http(port, Http.once(this::adminToken));
    }

    /** @return the admin token this controller wrote on its first start */
    public String adminToken() {
        return AdminToken.read(home.resolve("data"));
    }

    /** @return the HTTP port */
    public int port() {
        return port;
    }

    /** @return the installation folder */
    public Path home() {
        return home;
    }

    /** @return what the process printed so far */
    public String console() {
        return read(output);
    }

    /** @return the rolling log file's content so far */
    public String logFile() {
        return read(home.resolve("data/log/gantry.log"));
    }

    /**
     * Drops a file into deploy/ the way an operator should: written aside, then moved in atomically.
     *
     * @param source the file to drop
     * @param name   its name in deploy/
     */
    public void deploy(Path source, String name) {
        Drop.into(home.resolve("deploy"), source, name);
    }

    /**
     * Pulls the plug: SIGKILL, no shutdown hook runs.
     *
     * @return the exit code
     */
    public int kill() {
        process.destroyForcibly();
        return waitFor(Duration.ofSeconds(30));
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
        }
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copyRecursively(Path from, Path to) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Files.createDirectories(to.resolve(from.relativize(dir).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.copy(file, to.resolve(from.relativize(file).toString()), StandardCopyOption.COPY_ATTRIBUTES);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static void deleteRecursively(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        Files.walkFileTree(folder, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
