package io.gantry.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gantry.itests.support.Await;
import io.gantry.itests.support.Browser;
import io.gantry.itests.support.DistributionProcess;
import io.gantry.itests.support.HmiPage;
import io.gantry.itests.support.PickAndPlaceExample;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.After;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.FixMethodOrder;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TestWatcher;
import org.junit.runner.Description;
import org.junit.runners.MethodSorters;

/**
 * The shipped pick-and-place example in a real browser (headless Chromium) against the distribution
 * run as a process: the engineer opens it as it was drawn, runs it from the page while the test plays
 * the field over REST, and sees the branches light up — the normal end with the alarm branch not
 * taken, then a part that never comes with the alarm branch taken. Screenshots go to
 * {@code target/hmi-screenshots/pick-and-place-*.png}.
 */
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class HmiPickAndPlaceIT {
    private static final Path SCREENSHOTS = Path.of("target/hmi-screenshots");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NAME = "Pick and place: home, then three parts, alarm when a part never comes";

    private static Browser browser;
    private static DistributionProcess gantry;
    private static HmiPage page;
    private static PickAndPlaceExample example;

    @Rule
    public final TestWatcher onFailure = new TestWatcher() {
        @Override
        protected void failed(Throwable e, Description description) {
            if (browser != null) {
                browser.screenshot("FAILED-" + description.getMethodName());
            }
        }
    };

    @BeforeClass
    public static void startControllerAndBrowser() {
        browser = Browser.start(SCREENSHOTS); // skips the class first when there is no browser
        gantry = DistributionProcess.copyTo(Path.of("target/itest-hmi-example/gantry"));
        gantry.start(Map.of()).awaitHealthy(Duration.ofSeconds(90));
        example = new PickAndPlaceExample(gantry.http()).load();
        page = new HmiPage(browser);
        browser.open("http://127.0.0.1:" + gantry.port() + "/");
        page.logInWithToken(gantry.adminToken());
        browser.click("tab-pipelines");
        page.openPipeline(NAME, "version 1");
        browser.until("seven boxes drawn", d -> page.boxes() == 7);
    }

    @After
    public void readTheConsole() {
        browser.consoleLog();
    }

    @AfterClass
    public static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (gantry != null) {
            gantry.close();
        }
    }

    @Test
    public void a_threePartsRunToTheEndAndTheAlarmBranchStaysDark() throws IOException {
        String run = runFromThePage();
        List<Double> weights = List.of(12.0, 18.5, 11.0); // the second is too heavy: rejected
        for (int part = 1; part <= weights.size(); part++) {
            example.partArrives(weights.get(part - 1));
            example.awaitEndedCycles(run, part);
        }

        browser.until(
                "run status SUCCEEDED",
                d -> browser.byTestId("run-status").getText().equals("SUCCEEDED"));
        browser.until("done lit", d -> page.hasClass("done", "st-succeeded"));
        assertTrue(page.hasClass("cycle", "st-succeeded"));
        assertTrue(page.hasClass("home-x", "st-succeeded") && page.hasClass("home-z", "st-succeeded"));
        browser.until("the alarm skipped", d -> page.hasClass("alarm", "st-skipped"));
        assertTrue(page.label("alarm"), page.label("alarm").contains("no-failure"));
        Path shot = browser.screenshot("pick-and-place-three-parts");
        System.out.println("HmiPickAndPlaceIT screenshot: " + shot.toAbsolutePath());

        List<JsonNode> cycles = example.cyclesOf(run);
        assertEquals(3, cycles.size());
        assertEquals("SUCCEEDED", cycles.get(1).at("/nodes/reject/status").asText());
    }

    @Test
    public void b_aPartThatNeverComesLightsTheAlarmBranch() {
        String run = runFromThePage();
        example.partArrives(13.0);
        example.awaitEndedCycles(run, 1);
        // no second part: the cycle gives up after 2 s and the alarm branch takes over

        browser.until(
                "run status SUCCEEDED",
                d -> browser.byTestId("run-status").getText().equals("SUCCEEDED"));
        browser.until("the cycle failed", d -> page.hasClass("cycle", "st-failed"));
        browser.until("the alarm lit", d -> page.hasClass("alarm", "st-succeeded"));
        browser.until("the axes homed", d -> page.hasClass("safe-x", "st-succeeded"));
        assertTrue(page.hasClass("done", "st-skipped"));
        assertTrue(
                browser.byTestId("run-error").getText(),
                browser.byTestId("run-error").getText().contains("handled by its failure path"));
        Path shot = browser.screenshot("pick-and-place-alarm");
        System.out.println("HmiPickAndPlaceIT screenshot: " + shot.toAbsolutePath());
    }

    /** Clicks Run and returns the id of the run it started, from the records. */
    private static String runFromThePage() {
        browser.click("run-button");
        String[] id = new String[1];
        Await.until("the run from the page is recorded", Duration.ofSeconds(20), () -> {
            try {
                JsonNode running = JSON.readTree(gantry.http()
                        .get("/api/executions?pipelineId=pick-and-place&status=RUNNING")
                        .body());
                id[0] = running.size() == 1 ? running.get(0).path("id").asText() : null;
                return id[0] != null;
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        browser.until(
                "run status RUNNING",
                d -> browser.byTestId("run-status").getText().equals("RUNNING"));
        return id[0];
    }
}
