package io.gantry.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.gantry.itests.support.DistributionProcess;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.AfterClass;
import org.junit.Assume;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * The web HMI in a second engine: Debian's Firefox ESR, driven over WebDriver BiDi by puppeteer-core
 * ({@code itests/hmi-firefox}, no downloaded browser and no geckodriver). The script logs in through
 * the login form with the controller's initial admin token, connects a device from the devices view,
 * reads the plugins view, sees a file dropped into deploy/ appear without a reload, logs out, and
 * fails on any Content-Security-Policy violation the page saw. Skipped without Firefox or the script's npm packages, except in CI ({@code CI=true}), where
 * it fails: .ci/run installs them.
 */
public class HmiFirefoxIT {
    private static final Path SCRIPT = Path.of("hmi-firefox").toAbsolutePath();
    private static final Path FIREFOX = Path.of(System.getenv().getOrDefault("GANTRY_FIREFOX", "/usr/bin/firefox-esr"));
    private static DistributionProcess gantry;

    @BeforeClass
    public static void startController() {
        boolean runnable =
                Files.isExecutable(FIREFOX) && Files.isDirectory(SCRIPT.resolve("node_modules/puppeteer-core"));
        String missing =
                FIREFOX + " or " + SCRIPT.resolve("node_modules") + " (npm ci --prefix itests/hmi-firefox) is missing";
        if ("true".equalsIgnoreCase(System.getenv("CI")) && !runnable) {
            throw new AssertionError(missing + "; in CI the browser test must run, .ci/run installs them");
        }
        Assume.assumeTrue(missing + " — skipped outside CI", runnable);
        gantry = DistributionProcess.copyTo(Path.of("target/itest-hmi-firefox/gantry"));
        gantry.start(Map.of()).awaitHealthy(Duration.ofSeconds(90));
        assertEquals(
                201,
                gantry.http()
                        .post(
                                "/api/devices",
                                "{\"id\":\"belt-1\",\"type\":\"mock-servo\",\"name\":\"Belt\","
                                        + "\"config\":{\"minPosition\":0,\"maxPosition\":100,\"maxSpeed\":500}}")
                        .statusCode());
    }

    @AfterClass
    public static void stop() {
        if (gantry != null) {
            gantry.close();
        }
    }

    @Test
    public void theHmiConnectsADeviceAndFollowsDeployInFirefox() throws Exception {
        Path screenshots =
                Files.createDirectories(Path.of("target/hmi-screenshots").toAbsolutePath());
        ProcessBuilder script = new ProcessBuilder(
                        "node",
                        SCRIPT.resolve("hmi-smoke.mjs").toString(),
                        "http://127.0.0.1:" + gantry.port(),
                        screenshots.toString())
                .directory(SCRIPT.toFile())
                .redirectErrorStream(true);
        // in the environment, not among the arguments any process on the machine can read
        script.environment().put("GANTRY_TOKEN", gantry.adminToken());
        Process node = script.start();
        List<String> output = new CopyOnWriteArrayList<>();
        try (BufferedReader lines =
                new BufferedReader(new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                output.add(line);
                System.out.println("hmi-firefox: " + line);
                if (line.equals("ready-for-drop")) {
                    Path notes = Files.writeString(gantry.home().resolve("notes.txt"), "belt tension 40 N");
                    gantry.deploy(notes, "notes.txt");
                }
            }
        } catch (IOException e) {
            node.destroyForcibly();
            throw e;
        }
        assertTrue("the script did not end", node.waitFor(2, TimeUnit.MINUTES));
        assertEquals(String.join("\n", output), 0, node.exitValue());
        assertTrue(String.join("\n", output), output.contains("ok"));
    }
}
