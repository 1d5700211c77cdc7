package io.gantry.itests.support;

import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.cleanCaches;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;
import static org.ops4j.pax.exam.CoreOptions.junitBundles;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import io.gantry.distribution.StartOrder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.ops4j.pax.exam.Option;

/**
 * Pax Exam options that boot the same bundle set as the distribution ({@code bundle/} of the built
 * distribution: the resolved -runbundles of gantry.bndrun), in the launcher's start order, with a
 * free HTTP port and a FileInstall folder of the test's own.
 */
public final class GantryContainer {
    /**
     * Start level of the ServiceLoader mediator and the providers it registers (SPI Fly, logback):
     * before everything that logs. The launcher's {@link StartOrder} decides which bundles these are,
     * from their manifests; within one level Felix starts bundles in install order, which is the
     * launcher's order too.
     */
    private static final int MEDIATION_LEVEL = 2;
    /** Start level of the rest of the bundle set. */
    private static final int CORE_LEVEL = 3;
    /** Entry points (FileInstall) start last, as in the launcher: deploy/'s configurations find their components. */
    private static final int ENTRY_POINT_LEVEL = 4;

    private GantryContainer() {}

    /** @return the built distribution's folder */
    public static Path distribution() {
        return Path.of(System.getProperty("gantry.dist", "../distribution/target/gantry-0.1.0-SNAPSHOT"));
    }

    /**
     * @param deployFolder the folder FileInstall watches (created if missing)
     * @return the options of a container running the distribution's core bundle set
     */
    public static Option[] options(Path deployFolder) {
        deleteRecursively(deployFolder.resolveSibling("data"));
        List<Option> options = new ArrayList<>();
        int port = freePort();
        options.add(frameworkProperty("gantry.http.port").value(String.valueOf(port)));
        options.add(frameworkProperty("gantry.http.host").value("127.0.0.1"));
        options.add(frameworkProperty("gosh.args").value("--nointeractive"));
        // as the launcher sets it: handlers run on Gantry's deliverer thread, not one pool thread each
        options.add(frameworkProperty("org.apache.felix.eventadmin.Timeout").value("0"));
        options.add(frameworkProperty("felix.fileinstall.dir")
                .value(createFolder(deployFolder).toString()));
        options.add(frameworkProperty("felix.fileinstall.poll").value("200"));
        options.add(
                frameworkProperty("felix.fileinstall.filter").value(".*\\.(cfg|config)")); // jars are the deployer's
        options.add(frameworkProperty("felix.fileinstall.noInitialDelay").value("true"));
        options.add(frameworkProperty("felix.fileinstall.bundles.new.start").value("true"));
        options.add(frameworkProperty("felix.fileinstall.start.level").value(String.valueOf(CORE_LEVEL)));
        options.add(systemProperty("logback.configurationFile").value(System.getProperty("gantry.itest.logback")));
        options.add(systemProperty("gantry.data")
                .value(createFolder(deployFolder.resolveSibling("data")).toString()));
        options.add(cleanCaches());
        options.add(junitBundles());
        for (Map.Entry<Path, StartOrder.Phase> jar :
                StartOrder.of(coreBundles()).entrySet()) {
            int level = switch (jar.getValue()) {
                case MEDIATOR, MEDIATED -> MEDIATION_LEVEL;
                case CORE -> CORE_LEVEL;
                case ENTRY_POINT -> ENTRY_POINT_LEVEL;
            };
            options.add(bundle(jar.getKey().toUri().toString()).startLevel(level));
        }
        return options.toArray(Option[]::new);
    }

    /**
     * Copies the distribution's plugins (deploy/) into a test's FileInstall folder, so they are
     * installed the way an operator installs them.
     *
     * @param deployFolder the folder given to {@link #options(Path)}
     * @return the folder
     */
    public static Path withShippedPlugins(Path deployFolder) {
        deleteRecursively(deployFolder);
        try (Stream<Path> files = Files.list(distribution().resolve("deploy"))) {
            Files.createDirectories(deployFolder);
            for (Path jar : files.filter(f -> f.toString().endsWith(".jar")).toList()) {
                Files.copy(jar, deployFolder.resolve(jar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
            return deployFolder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the jars of the distribution's bundle/ folder */
    public static List<Path> coreBundles() {
        try (Stream<Path> files = Files.list(distribution().resolve("bundle"))) {
            return files.filter(f -> f.toString().endsWith(".jar")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("build the distribution first (mvn package)", e);
        }
    }

    /** @return a TCP port that was free a moment ago */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Empties a folder left by an earlier run, so every run starts from the same state. */
    public static void deleteRecursively(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path createFolder(Path folder) {
        try {
            return Files.createDirectories(folder).toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
