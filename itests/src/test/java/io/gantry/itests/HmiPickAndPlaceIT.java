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
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

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
        browser.until("three iterations on the loop", d -> page.label("cycle").contains("#3"));
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

    @Test
    public void bb_aCallNodeIsDrawnAsALoopOverItsPipelineAndOpensIt() {
        assertTrue(page.hasClass("cycle", "call"));
        assertTrue(page.hasClass("cycle", "loop"));
        assertTrue(page.label("cycle"), page.label("cycle").contains("calls pick-one"));
        assertTrue(page.label("cycle"), page.label("cycle").contains("↻ ×3"));
        browser.until(
                "the call's ports are the called pipeline's",
                d -> Boolean.TRUE.equals(browser.js("const cy = window.gantryHmi.editor.cy;"
                        + " return cy.getElementById('p|cycle|in|maxWeight').length === 1"
                        + " && cy.getElementById('p|cycle|out|weight').length === 1")));

        page.clickBox("cycle");
        browser.until(
                "the inspector shows cycle",
                d -> browser.byTestId("inspector-title").getText().equals("cycle"));
        browser.click("call-open");
        browser.until("pick-one opened", d -> "pick-one".equals(browser.js("return window.gantryHmi.editor.model.id")));
        browser.until("nine boxes drawn", d -> page.boxes() == 9);
        assertTrue(page.hasClass("wait-part", "loop"));
        assertTrue(page.label("wait-part"), page.label("wait-part").contains("↻ until value ≤20 /100ms"));
        assertEquals(Map.of("x", 940L, "y", 280L), modelPosition("reject"));
        browser.screenshot("pick-and-place-called-pipeline");

        page.openPipeline(NAME, "version 1");
        browser.until("seven boxes drawn", d -> page.boxes() == 7);
    }

    @Test
    public void c_opensAsDrawnAndKeepsANodeWhereItWasDroppedThroughASaveAndAReload() throws IOException {
        assertEquals(Map.of("x", 260L, "y", 130L), modelPosition("cycle"));
        assertEquals(Map.of("x", 480L, "y", 220L), modelPosition("alarm"));

        Map<?, ?> at = (Map<?, ?>) browser.js("return window.gantryHmi.editor.renderedPosition('done')");
        browser.dragAt(
                browser.byTestId("graph"),
                ((Number) at.get("x")).doubleValue(),
                ((Number) at.get("y")).doubleValue(),
                60,
                -40);
        browser.until("done moved", d -> !Map.of("x", 480L, "y", 60L).equals(modelPosition("done")));
        Map<String, Long> dropped = modelPosition("done");
        browser.click("pipeline-save");
        browser.until(
                "version 2 saved",
                d -> browser.byTestId("version-banner").getText().equals("version 2"));
        JsonNode saved =
                JSON.readTree(gantry.http().get("/api/pipelines/pick-and-place").body());
        assertEquals(dropped.get("x").longValue(), saved.at("/layout/done/x").asLong());
        assertEquals(dropped.get("y").longValue(), saved.at("/layout/done/y").asLong());
        assertEquals(260, saved.at("/layout/cycle/x").asInt());
        assertEquals(
                "the declared inputs survive a save from the editor",
                "maxWeight",
                saved.at("/inputs/0/name").asText());
        assertEquals("lastWeight", saved.at("/outputs/0/name").asText());

        browser.open("http://127.0.0.1:" + gantry.port() + "/");
        browser.until(
                "the HMI started again",
                d -> "true"
                        .equals(d.findElement(org.openqa.selenium.By.tagName("body"))
                                .getDomAttribute("data-ready")));
        browser.click("tab-pipelines");
        page.openPipeline(NAME, "version 2");
        browser.until("seven boxes drawn", d -> page.boxes() == 7);
        assertEquals(dropped, modelPosition("done"));
    }

    @Test
    public void d_theDevicesViewShowsAnAxisMovingLiveAndSetsTheScaleAfterAConfirmation() throws IOException {
        browser.click("tab-devices");
        browser.clickIn("device-axis-x", "device-signals");
        browser.until("the axis's signals", d -> browser.has("signal-position"));
        String before = positionCell().getText();

        // the field moves the axis: 0.4 s at 500 mm/s, its position pushed every 50 ms
        String move = "{\"name\":\"jog\",\"nodes\":[{\"id\":\"go\",\"function\":\"servo.move_to\","
                + "\"device\":\"axis-x\",\"params\":{\"position\":190,\"speed\":500}}]}";
        gantry.http().post("/api/executions?wait=true", move);

        browser.until("the position shown live", d -> positionCell().getText().equals("190 mm"));
        assertTrue(before, !before.equals("190 mm"));
        browser.until(
                "a trend drawn from the moves",
                d -> Integer.parseInt(browser.byTestId("signal-position")
                                .findElement(By.cssSelector("[data-testid=signal-trend]"))
                                .getDomAttribute("data-points"))
                        > 2);
        assertEquals(
                "GOOD",
                browser.byTestId("signal-position")
                        .findElement(By.cssSelector("[data-testid=signal-quality]"))
                        .getText());
        browser.screenshot("devices-axis-signals");

        browser.clickIn("device-scale", "device-signals");
        browser.until(
                "the scale's signal",
                d -> browser.has("signal-value")
                        && browser.byTestId("signals").getText().contains("Signals of scale"));
        WebElement input = browser.byTestId("signal-value").findElement(By.cssSelector("[data-testid=signal-input]"));
        input.clear();
        input.sendKeys("12.5");
        browser.clickIn("signal-value", "signal-set");
        browser.acceptDialog();
        browser.until(
                "the scale reads what was set",
                d -> browser.byTestId("signals").getText().contains("12.5 g"));
        assertEquals(
                12.5,
                JSON.readTree(gantry.http()
                                .get("/api/devices/scale/signals/value")
                                .body())
                        .path("value")
                        .asDouble(),
                0);
    }

    @Test
    public void e_aRunCutOffByAKillMinus9EndsInItsRunViewWhenTheControllerIsBack() {
        browser.click("tab-pipelines");
        page.openPipeline(NAME, "version 2");
        String run = runFromThePage();
        example.partArrives(12.0);
        example.awaitEndedCycles(run, 1);
        Object epochBefore = browser.js("return window.gantryHmi.events.cursor.epoch");

        gantry.kill();
        gantry.start(Map.of()).awaitHealthy(Duration.ofSeconds(90));
        // the restart ended the browser's session: log in again, and the stream resumes where it was
        page.logInWithToken(gantry.adminToken());

        browser.until(
                "run status FAILED",
                d -> browser.byTestId("run-status").getText().equals("FAILED"));
        assertTrue(
                "the run view says why",
                browser.byTestId("run-error")
                        .getText()
                        .contains("the controller stopped while this execution was running"));
        Object epochAfter = browser.js("return window.gantryHmi.events.cursor.epoch");
        assertTrue("the stream went on in the new start's epoch", !epochBefore.equals(epochAfter));
        browser.screenshot("pick-and-place-cut-by-a-restart");
    }

    private static WebElement positionCell() {
        return browser.byTestId("signal-position").findElement(By.cssSelector("[data-testid=signal-reading]"));
    }

    /** @return where a node's box stands in the graph's own coordinates, rounded */
    private static Map<String, Long> modelPosition(String node) {
        Map<?, ?> at = (Map<?, ?>) browser.js(
                "const p = window.gantryHmi.editor.cy.getElementById('n|' + arguments[0]).position();"
                        + " return {x: Math.round(p.x), y: Math.round(p.y)};",
                node);
        return Map.of("x", ((Number) at.get("x")).longValue(), "y", ((Number) at.get("y")).longValue());
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
