package io.gantry.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import io.gantry.itests.support.Await;
import io.gantry.itests.support.DistributionProcess;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.runners.MethodSorters;

/**
 * The built distribution as an operator runs it: {@code bin/gantry} as a separate process, plugins
 * and bad files dropped into its {@code deploy/}, stopped with SIGTERM. One process serves the class;
 * the last test stops it.
 */
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class DistributionIT {
    private static final Duration START = Duration.ofSeconds(90);
    private static final Pattern ACTIVE = Pattern.compile("\"active\":(\\d+)");
    private static DistributionProcess gantry;
    private static Path spareCoreFunctions;

    @BeforeClass
    public static void startWithoutCoreFunctions() throws IOException {
        gantry = DistributionProcess.copyTo(Path.of("target/itest-distribution/gantry"));
        // keep one plugin aside so a test can drop it into the running controller
        Path deployed = Files.list(gantry.home().resolve("deploy"))
                .filter(f -> f.getFileName().toString().startsWith("core-functions"))
                .findFirst()
                .orElseThrow();
        spareCoreFunctions = Files.move(deployed, gantry.home().resolve(deployed.getFileName()));
        gantry.start(Map.of()).awaitHealthy(START);
    }

    @AfterClass
    public static void kill() {
        if (gantry != null) {
            gantry.close();
        }
    }

    @Test
    public void a_droppedPluginJarBecomesAnActiveBundle() {
        int before = activeBundles();
        gantry.deploy(spareCoreFunctions, spareCoreFunctions.getFileName().toString());
        Await.until("one more active bundle", Duration.ofSeconds(10), () -> activeBundles() == before + 1);
        Await.until(
                "the install logged",
                Duration.ofSeconds(10),
                () -> gantry.logFile().contains("plugin io.gantry.core.functions"));
    }

    @Test
    public void b_brokenJarIsLoggedByNameAndTheControllerKeepsServing() throws IOException {
        Path broken = Files.writeString(gantry.home().resolve("broken.bin"), "this is not a zip file");
        gantry.deploy(broken, "broken-driver.jar");
        Await.until(
                "the broken jar logged by name",
                Duration.ofSeconds(10),
                () -> gantry.logFile().contains("broken-driver.jar"));
        assertEquals(200, gantry.http().get("/api/health").statusCode());
    }

    @Test
    public void c_badConfigFileIsLoggedByNameAndTheControllerKeepsServing() throws IOException {
        // a Java properties file with a broken unicode escape: a real syntax error for .cfg
        Path bad = Files.writeString(gantry.home().resolve("bad.cfg"), "speed = \\uZZZZ\n");
        gantry.deploy(bad, "io.gantry.broken.cfg");
        Await.until(
                "the bad config logged by name",
                Duration.ofSeconds(10),
                () -> gantry.logFile().contains("io.gantry.broken.cfg"));
        assertEquals(200, gantry.http().get("/api/health").statusCode());
    }

    @Test
    public void d_aSecondControllerOnTheSamePortSaysSoInOneLine() {
        DistributionProcess second = DistributionProcess.copyTo(Path.of("target/itest-distribution/second"));
        try {
            int exit = second.start(Map.of("GANTRY_HTTP_PORT", String.valueOf(gantry.port())))
                    .waitFor(START);
            assertNotEquals(0, exit);
            String console = second.console().strip();
            assertTrue(console, console.contains("port " + gantry.port() + " is in use"));
            assertTrue(console, console.contains("GANTRY_HTTP_PORT"));
            assertEquals(
                    "one line, no stack trace: " + console, 1, console.lines().count());
        } finally {
            second.close();
        }
    }

    @Test
    public void e_portFromTheEnvironmentWinsOverConf() throws IOException {
        // the controller listens on the port the test gave through GANTRY_HTTP_PORT, not conf's 8080
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true);
            boolean taken;
            try {
                probe.bind(new InetSocketAddress("127.0.0.1", gantry.port()));
                taken = false;
            } catch (IOException e) {
                taken = true;
            }
            assertTrue("the controller holds port " + gantry.port(), taken);
        }
    }

    @Test
    public void f_whatAFunctionLogsWhileCalledCarriesItsExecutionIdInTheLogFile() {
        Await.until(
                "core.log deployed (test a)",
                Duration.ofSeconds(10),
                () -> gantry.http().get("/api/functions").body().contains("\"core.log\""));
        HttpResponse<String> run = gantry.http().post("/api/executions?wait=true", """
                {"name":"log one","nodes":[{"id":"one","function":"core.constant","params":{"value":41}},
                {"id":"say","function":"core.log","params":{}}],"edges":[{"from":"one.value","to":"say.value"}]}""");
        assertEquals(run.body(), 200, run.statusCode());
        Matcher id = Pattern.compile("\"id\":\"([^\"]+)\"").matcher(run.body());
        assertTrue(run.body(), id.find());
        // logback's pattern puts the MDC's executionId in brackets after the logger name
        Await.until(
                "the function's line with its execution id",
                Duration.ofSeconds(10),
                () -> gantry.logFile().contains("LogFunction [" + id.group(1) + "] - execution " + id.group(1)));
    }

    @Test
    public void z_sigtermStopsCleanlyWithExitCodeZeroAndNoStackTrace() {
        // earlier tests logged the broken files with their causes on purpose; stopping must add nothing
        int logBefore = gantry.logFile().length();
        int consoleBefore = gantry.console().length();
        int exit = gantry.stop(Duration.ofSeconds(60));
        assertEquals(gantry.console(), 0, exit);
        String whileStopping =
                gantry.logFile().substring(logBefore) + gantry.console().substring(consoleBefore);
        assertFalse(
                "a stack trace while stopping:\n" + whileStopping,
                whileStopping.contains("\tat ") || whileStopping.contains("Exception"));
    }

    private static int activeBundles() {
        Matcher matcher = ACTIVE.matcher(gantry.http().get("/api/health").body());
        assertTrue(matcher.find());
        return Integer.parseInt(matcher.group(1));
    }
}
