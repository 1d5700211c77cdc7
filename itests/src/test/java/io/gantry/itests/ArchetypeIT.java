package io.gantry.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.gantry.itests.support.Await;
import io.gantry.itests.support.DistributionProcess;
import io.gantry.itests.support.GantryContainer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.AfterClass;
import org.junit.Test;

/**
 * A vendor's first plugin, the way the guide says: the reactor's published artifacts installed in
 * the local repository, a project generated from the archetype outside this repository's folders,
 * built offline with its own pom, dropped into a running controller, a pipeline run on its function,
 * then a second version built and dropped over it.
 */
public class ArchetypeIT {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path WORK =
            Path.of(System.getProperty("java.io.tmpdir"), "gantry-archetype-it").toAbsolutePath();
    private static final String VERSION = "0.1.0-SNAPSHOT";
    /** engine-api is versioned on its own (see releases/); the build passes its version in. */
    private static final String API_VERSION = System.getProperty("gantry.api.version", "1.1.0-SNAPSHOT");

    private static DistributionProcess gantry;

    @AfterClass
    public static void stop() {
        if (gantry != null) {
            gantry.close();
        }
    }

    @Test
    public void aGeneratedPluginBuildsOfflineGoesLiveAndUpdates() throws Exception {
        installPublishedArtifacts();
        GantryContainer.deleteRecursively(WORK);
        Files.createDirectories(WORK);
        gantry = DistributionProcess.copyTo(Path.of("target/itest-archetype/gantry"))
                .start(Map.of())
                .awaitHealthy(Duration.ofSeconds(60));

        long started = System.nanoTime();
        mvn(
                WORK,
                "org.apache.maven.plugins:maven-archetype-plugin:3.4.1:generate",
                "-DarchetypeGroupId=io.gantry",
                "-DarchetypeArtifactId=plugin-archetype",
                "-DarchetypeVersion=" + VERSION,
                "-DgroupId=com.acme",
                "-DartifactId=acme-conveyor",
                "-Dversion=1.0.0",
                "-Dpackage=com.acme.conveyor",
                "-DinteractiveMode=false");
        Path project = WORK.resolve("acme-conveyor");
        mvn(project, "package");
        gantry.deploy(project.resolve("target/acme-conveyor-1.0.0.jar"), "acme-conveyor.jar");
        Await.until(
                "the generated plugin's function",
                Duration.ofSeconds(20),
                () -> gantry.http().get("/api/functions").body().contains("acme-conveyor.pulse"));
        assertEquals(
                201,
                gantry.http()
                        .post(
                                "/api/devices",
                                "{\"id\":\"conv-1\",\"type\":\"acme-conveyor\","
                                        + "\"name\":\"Conveyor\",\"config\":{\"host\":\"10.0.0.5\"}}")
                        .statusCode());
        assertEquals(200, gantry.http().post("/api/devices/conv-1/connect", "").statusCode());
        assertTrue(run().contains("\"build\":\"1.0.0\""));
        System.out.printf(
                "archetype: generate -> pipeline run on the generated plugin in %d ms%n",
                (System.nanoTime() - started) / 1_000_000);

        Path pom = project.resolve("pom.xml");
        Files.writeString(
                pom, Files.readString(pom).replaceFirst("<version>1.0.0</version>", "<version>1.0.1</version>"));
        mvn(project, "package");
        gantry.deploy(project.resolve("target/acme-conveyor-1.0.1.jar"), "acme-conveyor.jar");
        Await.until(
                "1.0.1 serving on the reconnected device",
                Duration.ofSeconds(20),
                () -> run().contains("\"build\":\"1.0.1\""));
    }

    private static String run() {
        String pipeline = "{\"name\":\"pulse\",\"nodes\":[{\"id\":\"p\",\"function\":\"acme-conveyor.pulse\","
                + "\"device\":\"conv-1\",\"params\":{\"ms\":5}}],\"edges\":[]}";
        return gantry.http().post("/api/executions?wait=true", pipeline).body();
    }

    /** What `mvn install` of the reactor publishes to a vendor, installed from this build's own jars. */
    private static void installPublishedArtifacts() throws IOException, InterruptedException {
        String install = "org.apache.maven.plugins:maven-install-plugin:3.1.3:install-file";
        mvn(ROOT, install, "-Dfile=pom.xml", "-DpomFile=pom.xml", "-Dpackaging=pom");
        mvn(
                ROOT,
                install,
                "-Dfile=engine-api/target/engine-api-" + API_VERSION + ".jar",
                "-DpomFile=engine-api/pom.xml");
        for (String module : List.of("plugin-rules", "plugin-testkit")) {
            mvn(
                    ROOT,
                    install,
                    "-Dfile=" + module + "/target/" + module + "-" + VERSION + ".jar",
                    "-DpomFile=" + module + "/pom.xml");
        }
        mvn(
                ROOT,
                install,
                "-Dfile=plugin-archetype/target/plugin-archetype-" + VERSION + ".jar",
                "-DpomFile=plugin-archetype/pom.xml",
                "-Dpackaging=maven-archetype");
    }

    private static void mvn(Path folder, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("mvn", "-B", "-o", "-q"));
        command.addAll(List.of(arguments));
        Path log = Files.createTempFile("mvn", ".log");
        Process process = new ProcessBuilder(command)
                .directory(folder.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        int status = process.waitFor();
        assertEquals(
                String.join(" ", command) + " in " + folder + ":\n" + Files.readString(log, StandardCharsets.UTF_8),
                0,
                status);
    }
}
