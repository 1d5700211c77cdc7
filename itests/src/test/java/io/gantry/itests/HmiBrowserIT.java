package io.gantry.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gantry.itests.support.Browser;
import io.gantry.itests.support.DistributionProcess;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
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
import org.openqa.selenium.support.ui.Select;

/**
 * The web HMI in a real browser (headless Chromium) against the built distribution run as a
 * process: everything is done by clicking and typing in the page, after logging in through its login
 * form with the initial admin token the controller wrote to its data folder. The core-functions plugin
 * is kept out of deploy/ at the start and dropped in by a later test, then removed and uploaded again
 * from the plugins view; then a sequenced pipeline (order edges, a failure path, a decision) made over
 * REST is drawn, run, edited in the inspector and saved back with its sequencing intact. The last tests log out, are refused with a wrong login, look at the page as a
 * viewer, see the page go back to the login when the viewer's token is revoked, and read the browser's
 * console for Content-Security-Policy violations. Screenshots of each step go to {@code target/hmi-screenshots/}.
 */
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class HmiBrowserIT {
    private static final Path SCREENSHOTS = Path.of("target/hmi-screenshots");
    private static final List<String> NODES = List.of("home1", "move_to1", "move_to2");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Browser browser;
    private static DistributionProcess gantry;
    private static Path spareCoreFunctions;
    private static String viewerTokenId;

    /** A failing step leaves a screenshot of what the page showed then. */
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
    public static void startControllerAndBrowser() throws IOException {
        browser = Browser.start(SCREENSHOTS); // skips the class first when there is no browser
        System.out.println("HmiBrowserIT browser: " + browser.versions());
        gantry = DistributionProcess.copyTo(Path.of("target/itest-hmi/gantry"));
        Path deployed;
        try (var files = Files.list(gantry.home().resolve("deploy"))) {
            deployed = files.filter(f -> f.getFileName().toString().startsWith("core-functions"))
                    .findFirst()
                    .orElseThrow();
        }
        spareCoreFunctions = Files.move(deployed, gantry.home().resolve(deployed.getFileName()));
        gantry.start(Map.of()).awaitHealthy(Duration.ofSeconds(90));
        browser.open("http://127.0.0.1:" + gantry.port() + "/");
        logInWithToken(gantry.adminToken());
        assertEquals("admin", browser.byTestId("who-role").getDomAttribute("data-role"));
    }

    /** The console is read after every test: what a failing step logged is printed with it. */
    @After
    public void readTheConsole() {
        if (browser != null) {
            browser.consoleLog();
        }
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
    public void a_createsDevicesFromTheFormOfTheirTypeAndConnectsThem() {
        browser.click("tab-devices");
        createDevice("axis-1", "X axis", Map.of("minPosition", "0", "maxPosition", "100", "maxSpeed", "500"));
        createDevice(
                "axis-bad",
                "Faulty axis",
                Map.of("minPosition", "0", "maxPosition", "100", "maxSpeed", "500", "failureRate", "1"));
        for (String id : List.of("axis-1", "axis-bad")) {
            browser.clickIn("device-" + id, "device-connect");
            browser.until(
                    id + " CONNECTED",
                    d -> "CONNECTED".equals(browser.byTestId("device-" + id).getDomAttribute("data-status")));
        }
        browser.until(
                "axis-1's breaker CLOSED",
                d -> "CLOSED"
                        .equals(browser.byTestId("device-axis-1")
                                .findElement(By.cssSelector("[data-testid=device-breaker]"))
                                .getText()));
        browser.screenshot("devices");
    }

    @Test
    public void b_buildsAThreeNodePipelineByClickingAndSavesIt() {
        browser.click("tab-pipelines");
        browser.click("pipeline-new");
        WebElement name = browser.byTestId("pipeline-name");
        name.clear();
        name.sendKeys("hmi-demo");
        for (String function : List.of("servo.home", "servo.move_to", "servo.move_to")) {
            browser.click("palette-" + function);
        }
        browser.until("three nodes drawn", d -> NODES.stream().allMatch(n -> boxPosition(n) != null));
        // the unconnected move_to nodes miss their required position: the server says so, on the nodes
        browser.until(
                "validation errors on move_to1",
                d -> browser.byTestId("validation-errors").getText().contains("move_to1"));
        assertTrue(hasClass("move_to1", "invalid"));
        browser.screenshot("editor-unconnected");

        connect("home1", "position", "move_to1", "position");
        connect("move_to1", "position", "move_to2", "position");
        browser.until(
                "the server finds no errors",
                d -> "0".equals(browser.byTestId("validation-errors").getDomAttribute("data-count")));
        assertFalse(hasClass("move_to1", "invalid"));

        // params from the function's schema: a speed for the second move
        clickBox("move_to2");
        browser.until(
                "the inspector shows move_to2",
                d -> browser.byTestId("inspector-title").getText().equals("move_to2"));
        WebElement speed = browser.byTestId("param-speed");
        speed.sendKeys("250");
        browser.click("node-apply");

        browser.click("pipeline-save");
        browser.until(
                "version 1 saved",
                d -> browser.byTestId("version-banner").getText().equals("version 1"));
        String saved = gantry.http().get("/api/pipelines").body();
        assertTrue(saved, saved.contains("\"name\":\"hmi-demo\""));
        browser.screenshot("editor-saved");
    }

    @Test
    public void c_runsItAndEveryNodeTurnsGreenEvenThroughANetworkBlip() {
        browser.click("run-button");
        // drop the event stream at once: it must resume with since= and end with the right picture
        browser.js("window.gantryHmi.events.blip()");
        browser.until("every node succeeded", d -> NODES.stream().allMatch(n -> hasClass(n, "st-succeeded")));
        browser.until(
                "progress 100%",
                d -> "100".equals(browser.byTestId("run-progress").getDomAttribute("aria-valuenow")));
        assertEquals("3", browser.byTestId("run-progress").getDomAttribute("data-done"));
        browser.until(
                "run status SUCCEEDED",
                d -> browser.byTestId("run-status").getText().equals("SUCCEEDED"));
        browser.until(
                "the stream live again",
                d -> "live".equals(browser.byTestId("stream-status").getDomAttribute("data-state")));
        browser.until("a duration on the nodes", d -> label("move_to1").matches("(?s).*succeeded · \\d+.*"));
        browser.screenshot("run-succeeded");
    }

    @Test
    public void d_showsAFailedNodeAndItsReasonAtOnce() {
        clickBox("move_to2");
        browser.until(
                "the inspector shows move_to2",
                d -> browser.byTestId("inspector-title").getText().equals("move_to2"));
        new Select(browser.byTestId("node-device")).selectByValue("axis-bad");
        browser.click("pipeline-save");
        browser.until(
                "version 2 saved",
                d -> browser.byTestId("version-banner").getText().equals("version 2"));
        browser.click("run-button");
        browser.until("move_to2 failed", d -> hasClass("move_to2", "st-failed"));
        WebElement error = browser.until("the reason shown", d -> {
            WebElement e = browser.byTestId("run-error");
            return e.isDisplayed() && e.getText().contains("move_to2") ? e : null;
        });
        assertTrue(hasClass("move_to1", "st-succeeded"));
        browser.until(
                "run status FAILED",
                d -> browser.byTestId("run-status").getText().equals("FAILED"));
        System.out.println("HmiBrowserIT failure shown: " + error.getText());
        browser.screenshot("run-failed");
    }

    @Test
    public void e_showsTheHistoryWithNodeTimingsAndRestoresAnOldVersion() {
        browser.until(
                "two runs in the history",
                d -> d.findElements(By.cssSelector("[data-testid=history-row]")).size() == 2);
        // the notice of the save sits fixed over the bottom right corner, where the history may be, until it fades
        browser.until("the save notice gone", d -> !browser.byTestId("notice").isDisplayed());
        List<WebElement> rows = browser.byTestId("history").findElements(By.cssSelector("[data-testid=history-row]"));
        rows.get(rows.size() - 1).click(); // the oldest: the green run
        WebElement detail = browser.byTestId("execution-detail");
        browser.until(
                "per-node details",
                d -> browser.byTestId("execution-detail")
                                .findElements(By.cssSelector("[data-testid^=detail-node-]"))
                                .size()
                        == 3);
        assertTrue(detail.getText(), detail.getText().contains("SUCCEEDED"));
        browser.screenshot("history");

        new Select(browser.byTestId("version-select")).selectByValue("1");
        browser.until(
                "version 1 shown read-only",
                d -> browser.byTestId("version-banner").getText().contains("version 1 (read-only)"));
        browser.click("version-restore");
        browser.until(
                "restored as version 3",
                d -> browser.byTestId("version-banner").getText().equals("version 3"));
        String latest = gantry.http().get("/api/pipelines").body();
        assertTrue(latest, latest.contains("\"version\":3"));
    }

    @Test
    public void f_showsTheFunctionsOfADroppedPluginWithoutAReload() {
        browser.js("window.__notReloaded = true");
        assertFalse(browser.has("palette-core.add"));
        gantry.deploy(spareCoreFunctions, spareCoreFunctions.getFileName().toString());
        browser.until("core.add in the palette", Duration.ofSeconds(30), d -> browser.has("palette-core.add"));
        assertEquals(Boolean.TRUE, browser.js("return window.__notReloaded === true"));
        browser.screenshot("plugin-dropped-palette");
        browser.click("tab-plugins");
        browser.until("the plugin listed", d -> browser.has("plugin-io.gantry.core.functions"));
        browser.screenshot("plugins");
    }

    @Test
    public void f_theFilesInDeployThatAreNotPluginsAreListedWithTheReason() throws IOException {
        Path notes = Files.writeString(gantry.home().resolve("notes.txt"), "belt tension 40 N");
        gantry.deploy(notes, "notes.txt");
        browser.until("the rejected file listed", Duration.ofSeconds(30), d -> browser.has("rejected-notes.txt"));
        assertTrue(browser.byTestId("rejected-notes.txt").getText().contains("neither a plugin"));
    }

    @Test
    public void g_cancelsARunningPipelineAndDeletesIt() {
        browser.click("tab-pipelines");
        browser.click("pipeline-new");
        browser.click("palette-core.delay");
        browser.until(
                "the inspector shows delay1",
                d -> browser.byTestId("inspector-title").getText().equals("delay1"));
        browser.byTestId("param-ms").sendKeys("30000");
        browser.click("node-apply");
        browser.until(
                "the server finds no errors",
                d -> "0".equals(browser.byTestId("validation-errors").getDomAttribute("data-count")));
        browser.click("run-button"); // saves the new pipeline first
        browser.until("delay1 running", d -> hasClass("delay1", "st-running"));
        browser.click("run-cancel");
        browser.until(
                "run status CANCELLED",
                d -> browser.byTestId("run-status").getText().equals("CANCELLED"));
        browser.screenshot("run-cancelled");

        browser.click("pipeline-delete");
        browser.acceptDialog();
        browser.until(
                "pipeline-1 gone from the list",
                d -> !browser.byTestId("pipeline-list").getText().contains("pipeline-1"));
        assertFalse(gantry.http().get("/api/pipelines").body().contains("pipeline-1"));
    }

    @Test
    public void h_removesAPluginAndInstallsItAgainByUploadingItsJar() {
        browser.click("tab-plugins");
        browser.clickIn("plugin-io.gantry.core.functions", "plugin-remove");
        browser.acceptDialog();
        browser.until(
                "core-functions gone from the plugins view",
                Duration.ofSeconds(30),
                d -> !browser.has("plugin-io.gantry.core.functions") && !browser.has("function-core.add"));
        assertFalse(gantry.http().get("/api/functions").body().contains("core.add"));

        // what a user does with the file chooser: the jar's path typed into the file input
        browser.byTestId("plugin-file")
                .sendKeys(spareCoreFunctions.toAbsolutePath().toString());
        browser.click("plugin-upload");
        browser.until(
                "core-functions back from the upload",
                Duration.ofSeconds(30),
                d -> browser.has("plugin-io.gantry.core.functions") && browser.has("function-core.add"));
        browser.until(
                "the upload reported", d -> browser.byTestId("notice").getText().contains("io.gantry.core.functions"));
        browser.screenshot("plugin-uploaded");
    }

    @Test
    public void ha_drawsOrderEdgesFailurePathsAndDecisionsRunsThemAndKeepsThemThroughASave() throws IOException {
        // a dotted node id ordered before a decision, its two branches joined with join any, and a
        // pick out of the axis' range whose failure path raises the alarm
        String pipeline = """
                {"id":"cell-hmi","name":"cell-hmi","nodes":[
                  {"id":"cell.start","function":"core.constant","params":{"value":1}},
                  {"id":"weigh","function":"core.threshold","params":{"value":12.5,"min":10,"max":15}},
                  {"id":"place","function":"core.log","params":{"value":"good"},"when":"weigh.inRange"},
                  {"id":"reject","function":"core.log","params":{"value":"bad"},"when":"!weigh.inRange"},
                  {"id":"next","function":"core.log","join":"any"},
                  {"id":"pick","function":"servo.move_to","device":"axis-1","params":{"position":500}},
                  {"id":"alarm","function":"core.log","params":{"value":"pick failed"}}],
                 "edges":[
                  {"from":"cell.start","to":"weigh"},
                  {"from":"place.value","to":"next.value"},
                  {"from":"reject.value","to":"next.value"},
                  {"from":"next","to":"pick"},
                  {"from":"pick","to":"alarm","on":"failure"}]}""";
        HttpResponse<String> created = gantry.http().post("/api/pipelines", pipeline);
        assertEquals(created.body(), 201, created.statusCode());
        JsonNode stored =
                JSON.readTree(gantry.http().get("/api/pipelines/cell-hmi").body());

        browser.click("tab-pipelines");
        openPipeline("cell-hmi", "version 1");
        browser.until(
                "seven boxes drawn",
                d -> Long.valueOf(7).equals(browser.js("return window.gantryHmi.editor.cy.nodes('.box').length")));
        assertEquals(
                List.of("cell.start>weigh", "next>pick", "pick>alarm:failure"),
                browser.js("return window.gantryHmi.editor.cy.edges('.order').map(e => e.source().data('node') + '>'"
                        + " + e.target().data('node') + (e.hasClass('failure') ? ':failure' : '')).sort()"));
        assertEquals(
                "on failure", browser.js("return window.gantryHmi.editor.cy.edges('.order.failure').data('label')"));
        assertEquals(
                List.of("p|place|out|value>p|next|in|value", "p|reject|out|value>p|next|in|value"),
                browser.js("return window.gantryHmi.editor.cy.edges('.link').map(e => e.source().id() + '>'"
                        + " + e.target().id()).sort()"));
        assertTrue(label("place"), label("place").contains("if weigh.inRange"));
        assertTrue(label("reject"), label("reject").contains("if not weigh.inRange"));
        assertTrue(label("next"), label("next").contains("join: any"));
        assertTrue(hasClass("reject", "conditional"));
        browser.until(
                "the server finds no errors",
                d -> "0".equals(browser.byTestId("validation-errors").getDomAttribute("data-count")));
        browser.screenshot("sequence-editor");

        // the run: the branch not taken is skipped for its condition, the failure path runs
        browser.click("run-button");
        browser.until(
                "run status SUCCEEDED",
                d -> browser.byTestId("run-status").getText().equals("SUCCEEDED"));
        browser.until("reject skipped", d -> hasClass("reject", "st-skipped"));
        browser.until("the reason on reject", d -> label("reject").contains("condition-false"));
        assertEquals("condition-false", browser.js("return window.gantryHmi.editor.runState.get('reject').reason"));
        assertTrue(hasClass("reject", "branch-not-taken"));
        assertTrue(hasClass("place", "branch-taken"));
        assertTrue(label("place"), label("place").contains("taken: weigh.inRange"));
        assertTrue(hasClass("pick", "st-failed"));
        assertTrue(hasClass("alarm", "st-succeeded"));
        assertTrue(
                browser.byTestId("run-error").getText(),
                browser.byTestId("run-error").getText().contains("handled by its failure path"));
        browser.screenshot("sequence-run");
        browser.until(
                "the run in the history",
                d -> d.findElements(By.cssSelector("[data-testid=history-row]")).size() == 1);
        browser.byTestId("history")
                .findElement(By.cssSelector("[data-testid=history-row]"))
                .click();
        browser.until(
                "the record says why reject was skipped",
                d -> browser.byTestId("detail-why-reject").getText().contains("condition-false"));
        assertTrue(browser.byTestId("detail-why-place").getText().contains("branch weigh.inRange"));

        // the inspector: an order edge added, made a failure path, removed; a condition negated and back
        clickBox("alarm");
        browser.until(
                "the inspector shows alarm",
                d -> browser.byTestId("inspector-title").getText().equals("alarm"));
        assertEquals("failure", browser.byTestId("order-on-pick").getDomProperty("value"));
        new Select(browser.byTestId("order-add")).selectByValue("cell.start");
        browser.until("an order edge cell.start -> alarm", d -> orderEdges().contains("cell.start>alarm"));
        new Select(browser.byTestId("order-on-cell.start")).selectByValue("failure");
        browser.until("it is a failure path", d -> orderEdges().contains("cell.start>alarm:failure"));
        browser.click("order-remove-cell.start");
        browser.until("it is gone", d -> !orderEdges().contains("cell.start>alarm:failure"));
        clickBox("reject");
        browser.until(
                "the inspector shows reject",
                d -> browser.byTestId("inspector-title").getText().equals("reject"));
        assertEquals("weigh.inRange", browser.byTestId("node-when").getDomProperty("value"));
        assertTrue(browser.byTestId("node-when-negate").isSelected());
        assertEquals("all", browser.byTestId("node-join").getDomProperty("value"));
        browser.click("node-when-negate");
        browser.until("reject runs if weigh.inRange", d -> "weigh.inRange".equals(when("reject")));
        browser.click("node-when-negate");
        browser.until("reject runs if not weigh.inRange", d -> "!weigh.inRange".equals(when("reject")));
        browser.until(
                "the server finds no errors",
                d -> "0".equals(browser.byTestId("validation-errors").getDomAttribute("data-count")));

        // saved back unchanged from the HMI: when, join and on are all still there
        browser.click("pipeline-save");
        browser.until(
                "version 2 saved",
                d -> browser.byTestId("version-banner").getText().equals("version 2"));
        JsonNode saved =
                JSON.readTree(gantry.http().get("/api/pipelines/cell-hmi").body());
        assertEquals(2, saved.path("version").asInt());
        assertEquals(stored.path("nodes"), saved.path("nodes"));
        assertEquals(stored.path("edges"), saved.path("edges"));
        assertEquals("weigh.inRange", saved.at("/nodes/2/when").asText());
        assertEquals("!weigh.inRange", saved.at("/nodes/3/when").asText());
        assertEquals("any", saved.at("/nodes/4/join").asText());
        assertEquals("failure", saved.at("/edges/4/on").asText());
        assertFalse(saved.at("/edges/0").has("on"));
    }

    @Test
    public void i_logsOutBackToTheLoginViewAndKeepsNoCredentialInThePage() {
        // the cookie is HttpOnly and the CSRF token lives in memory only
        assertEquals("", browser.js("return document.cookie"));
        assertEquals(0L, browser.js("return localStorage.length + sessionStorage.length"));
        browser.click("logout");
        awaitLoginView();
        browser.until(
                "the login says why it shows",
                d -> browser.byTestId("login-message").getText().contains("logged out"));
        assertFalse(browser.byTestId("nav").isDisplayed());
        assertFalse(browser.byTestId("view-devices").isDisplayed());
        assertFalse(browser.byTestId("logout").isDisplayed());
        browser.screenshot("logged-out");
    }

    @Test
    public void j_showsTheRefusalOfAWrongLoginAndStaysOnTheLoginView() {
        browser.click("login-mode-password");
        browser.byTestId("login-user").sendKeys("operator");
        browser.byTestId("login-password").sendKeys("not-the-password");
        browser.click("login-submit");
        WebElement refusal = browser.until("the refusal shown", d -> {
            WebElement e = browser.byTestId("login-error");
            return e.isDisplayed() && e.getText().contains("unknown user or wrong password") ? e : null;
        });
        assertEquals("401", refusal.getDomAttribute("data-status"));
        assertEquals("", browser.byTestId("login-password").getDomProperty("value"));
        browser.screenshot("login-refused");

        browser.click("login-mode-token");
        browser.byTestId("login-token").sendKeys("gnt_made_up_token_value_000000000000000000000");
        browser.click("login-submit");
        browser.until(
                "the token refused",
                d -> browser.byTestId("login-error").getText().contains("the token is not valid"));
        assertTrue(browser.byTestId("view-login").isDisplayed());
        assertFalse(browser.byTestId("nav").isDisplayed());
    }

    @Test
    public void k_aViewerSeesButCannotRunEditConnectOrUploadPlugins() throws IOException {
        HttpResponse<String> created = gantry.http().post("/api/tokens", "{\"name\":\"panel\",\"role\":\"viewer\"}");
        assertEquals(created.body(), 201, created.statusCode());
        String viewerToken = JSON.readTree(created.body()).path("token").asText();
        viewerTokenId = JSON.readTree(created.body()).path("id").asText();
        browser.byTestId("login-token").clear();
        logInWithToken(viewerToken);
        assertEquals("viewer", browser.byTestId("who-role").getDomAttribute("data-role"));

        browser.click("tab-devices");
        WebElement disconnect = browser.until(
                "axis-1 listed with its (disabled) disconnect button",
                d -> browser.byTestId("device-axis-1").findElement(By.cssSelector("[data-testid=device-disconnect]")));
        assertFalse(disconnect.isEnabled());
        assertTrue(
                disconnect.getDomAttribute("title"),
                disconnect.getDomAttribute("title").contains("operator"));
        WebElement delete =
                browser.byTestId("device-axis-1").findElement(By.cssSelector("[data-testid=device-delete]"));
        assertFalse(delete.isEnabled());
        assertTrue(browser.has("device-create-refused"));
        assertFalse(browser.has("device-submit"));

        browser.click("tab-plugins");
        browser.until("the plugins listed", d -> browser.has("plugin-io.gantry.mock.servo"));
        assertFalse(browser.has("plugin-upload"));
        assertFalse(browser.has("plugin-file"));
        assertFalse(browser.has("plugin-remove"));
        assertTrue(browser.byTestId("plugin-upload-refused").getText().contains("admin"));

        browser.click("tab-pipelines");
        browser.until(
                "hmi-demo listed",
                d -> browser.byTestId("pipeline-list").getText().contains("hmi-demo"));
        browser.until("hmi-demo opened", d -> {
            d.findElements(By.cssSelector("[data-testid=pipeline-item]")).stream()
                    .filter(item -> item.getText().contains("hmi-demo"))
                    .findFirst()
                    .orElseThrow()
                    .click();
            return browser.byTestId("version-banner").getText().equals("version 3");
        });
        WebElement run = browser.byTestId("run-button");
        assertFalse("a viewer must not be offered Run", run.isEnabled());
        assertTrue(run.getDomAttribute("title"), run.getDomAttribute("title").contains("operator"));
        assertFalse(browser.byTestId("pipeline-new").isEnabled());
        assertFalse(browser.byTestId("pipeline-save").isEnabled());
        assertFalse(browser.byTestId("pipeline-delete").isEnabled());
        assertTrue(browser.byTestId("pipeline-delete").getDomAttribute("title").contains("engineer"));
        // the event stream runs on the viewer's session cookie too
        browser.until(
                "the event stream live",
                d -> "live".equals(browser.byTestId("stream-status").getDomAttribute("data-state")));
        browser.screenshot("viewer-pipeline");
    }

    @Test
    public void l_aRevokedTokenEndsItsSessionAndThePageReturnsToTheLogin() {
        assertEquals(
                200,
                gantry.http()
                        .send("DELETE", "/api/tokens/" + viewerTokenId, null)
                        .statusCode());
        // the controller closes the stream (1008) within a second; the page checks its session and finds it gone
        awaitLoginView();
        browser.until(
                "the login says the session ended",
                d -> browser.byTestId("login-message").getText().contains("session has ended"));
        assertFalse(browser.byTestId("nav").isDisplayed());
        browser.screenshot("session-ended");
    }

    @Test
    public void z_noContentSecurityPolicyViolationWasReportedInTheConsole() {
        List<String> console = browser.consoleLog();
        console.forEach(line -> System.out.println("HmiBrowserIT console: " + line));
        List<String> violations = console.stream()
                .filter(line -> line.contains("Content Security Policy") || line.contains("Refused to"))
                .toList();
        assertTrue(String.join("\n", violations), violations.isEmpty());
    }

    /** Logs in through the login form with an API token and waits for the panel and its stream. */
    private static void logInWithToken(String token) {
        awaitLoginView();
        browser.click("login-mode-token");
        browser.byTestId("login-token").sendKeys(token);
        browser.click("login-submit");
        browser.until(
                "the HMI started",
                d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-ready")));
        browser.until(
                "the event stream live",
                d -> "live".equals(browser.byTestId("stream-status").getDomAttribute("data-state")));
    }

    private static void awaitLoginView() {
        browser.until("the login view", d -> browser.byTestId("view-login").isDisplayed());
    }

    private static void createDevice(String id, String name, Map<String, String> config) {
        new Select(browser.byTestId("device-type")).selectByValue("mock-servo");
        browser.byTestId("device-id").sendKeys(id);
        browser.byTestId("device-name").sendKeys(name);
        config.forEach((key, value) -> browser.byTestId("device-config-" + key).sendKeys(value));
        browser.click("device-submit");
        browser.until("device " + id + " listed", d -> browser.has("device-" + id));
    }

    private static void connect(String fromNode, String fromPort, String toNode, String toPort) {
        clickAt(position(fromNode, "out", fromPort));
        clickAt(position(toNode, "in", toPort));
        browser.until(
                fromNode + "." + fromPort + " -> " + toNode + "." + toPort,
                d -> Boolean.TRUE.equals(browser.js(
                        "return window.gantryHmi.editor.model.edges.some(e => e.from === arguments[0] && e.to === arguments[1])",
                        fromNode + "." + fromPort,
                        toNode + "." + toPort)));
    }

    private static void clickBox(String node) {
        clickAt(boxPosition(node));
    }

    private static void clickAt(Map<?, ?> position) {
        browser.clickAt(
                browser.byTestId("graph"),
                ((Number) position.get("x")).doubleValue(),
                ((Number) position.get("y")).doubleValue());
    }

    private static Map<?, ?> boxPosition(String node) {
        return (Map<?, ?>) browser.js("return window.gantryHmi.editor.renderedPosition(arguments[0])", node);
    }

    private static Map<?, ?> position(String node, String dir, String port) {
        return (Map<?, ?>) browser.js(
                "return window.gantryHmi.editor.renderedPosition(arguments[0], arguments[1], arguments[2])",
                node,
                dir,
                port);
    }

    /** Opens a stored pipeline from the list, once it is listed, and waits for its version. */
    private static void openPipeline(String name, String banner) {
        browser.until(name + " opened", d -> {
            d.findElements(By.cssSelector("[data-testid=pipeline-item]")).stream()
                    .filter(item -> item.getText().contains(name))
                    .findFirst()
                    .ifPresent(WebElement::click);
            return browser.byTestId("version-banner").getText().equals(banner)
                    && name.equals(
                            browser.js("return window.gantryHmi.editor.model && window.gantryHmi.editor.model.name"));
        });
    }

    /** The order edges drawn, as {@code from>to} with {@code :failure} for a failure path. */
    private static List<?> orderEdges() {
        return (List<?>) browser.js("return window.gantryHmi.editor.cy.edges('.order').map(e => e.source().data('node')"
                + " + '>' + e.target().data('node') + (e.hasClass('failure') ? ':failure' : ''))");
    }

    /** A node's {@code when} in the editor's model. */
    private static Object when(String node) {
        return browser.js("return window.gantryHmi.editor.model.nodes.find(n => n.id === arguments[0]).when", node);
    }

    private static boolean hasClass(String node, String cls) {
        return Boolean.TRUE.equals(browser.js(
                "return window.gantryHmi.editor.cy.getElementById('n|' + arguments[0]).hasClass(arguments[1])",
                node,
                cls));
    }

    private static String label(String node) {
        return String.valueOf(browser.js(
                "return window.gantryHmi.editor.cy.getElementById('n|' + arguments[0]).data('label')", node));
    }
}
