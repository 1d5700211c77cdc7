package io.gantry.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.gantry.itests.support.Await;
import io.gantry.itests.support.GantryContainer;
import io.gantry.itests.support.Http;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import javax.inject.Inject;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;

/**
 * Bad input over real HTTP to the running container: each gets its documented status and problem
 * type, never a stack trace, and a following GET shows that nothing stored changed.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class RestBadInputIT {
    private static final String GOOD = """
            {"id":"good","name":"good","nodes":[{"id":"a","function":"core.constant","params":{"value":1}}],"edges":[]}""";

    @Inject
    private BundleContext context;

    private Http http;

    @Configuration
    public Option[] config() {
        return GantryContainer.options(GantryContainer.withShippedPlugins(Path.of("target/itest-badinput/deploy")));
    }

    @Before
    public void aStoredPipeline() {
        http = new Http(Integer.parseInt(context.getProperty("gantry.http.port")));
        Await.until(
                "core functions",
                Duration.ofSeconds(30),
                () -> http.get("/api/functions").body().contains("core.add"));
        if (http.get("/api/pipelines/good").statusCode() == 404) {
            assertEquals(201, http.post("/api/pipelines", GOOD).statusCode());
        }
    }

    @Test
    public void malformedJsonIs400InvalidJson() {
        problem(http.post("/api/pipelines", "{\"name\": \"x\", \"nodes\": ["), 400, "invalid-json");
        unchanged();
    }

    @Test
    public void unknownFieldWrongTypeAndMissingFieldAre422WithThePath() {
        HttpResponse<String> unknown =
                http.post("/api/pipelines", GOOD.replace("\"id\":\"good\"", "\"id\":\"x1\",\"nmae\":\"typo\""));
        problem(unknown, 422, "validation");
        assertTrue(unknown.body(), unknown.body().contains("nmae"));
        HttpResponse<String> wrongType = http.post(
                "/api/pipelines", GOOD.replace("\"edges\":[]", "\"edges\":42").replace("good", "x2"));
        problem(wrongType, 422, "validation");
        assertTrue(wrongType.body(), wrongType.body().contains("edges"));
        HttpResponse<String> missing =
                http.post("/api/pipelines", "{\"id\":\"x3\",\"name\":\"n\",\"nodes\":[{\"id\":\"a\"}],\"edges\":[]}");
        problem(missing, 422, "validation");
        assertTrue(missing.body(), missing.body().contains("nodes[0].function"));
        for (String id : new String[] {"x1", "x2", "x3"}) {
            assertEquals(404, http.get("/api/pipelines/" + id).statusCode());
        }
    }

    @Test
    public void aCyclicPipelineNamesTheCycle() {
        HttpResponse<String> cyclic = http.post("/api/pipelines", """
                {"id":"cyclic","name":"cyclic","nodes":[
                  {"id":"a","function":"core.add","params":{"b":1}},
                  {"id":"b","function":"core.add","params":{"b":1}}],
                 "edges":[{"from":"a.result","to":"b.a"},{"from":"b.result","to":"a.a"}]}""");
        problem(cyclic, 422, "cycle");
        assertTrue(
                cyclic.body(),
                cyclic.body().contains("a -> b -> a") || cyclic.body().contains("b -> a -> b"));
        assertEquals(404, http.get("/api/pipelines/cyclic").statusCode());
    }

    @Test
    public void unknownFunctionAndDeviceAreReportedAtTheirPaths() {
        HttpResponse<String> response = http.post("/api/pipelines", """
                {"id":"unknowns","name":"u","nodes":[
                  {"id":"a","function":"core.nope"},
                  {"id":"b","function":"servo.home","device":"no-such-axis"}],"edges":[]}""");
        problem(response, 422, "validation");
        assertTrue(response.body(), response.body().contains("nodes[0].function"));
        assertTrue(response.body(), response.body().contains("nodes[1].device"));
        assertEquals(404, http.get("/api/pipelines/unknowns").statusCode());
    }

    @Test
    public void aTwoMebibyteBodyIs413() {
        String huge = "{\"name\":\"" + "x".repeat(2 * 1024 * 1024) + "\",\"nodes\":[],\"edges\":[]}";
        problem(http.post("/api/pipelines", huge), 413, "payload-too-large");
        unchanged();
    }

    @Test
    public void pathTraversalAndSqlQuotesInIdsChangeNothing() {
        // Jetty itself refuses an encoded slash (400) before the API sees it; either way nothing is read
        int traversal = http.get("/api/pipelines/..%2F..%2Fetc").statusCode();
        assertTrue("status " + traversal, traversal == 400 || traversal == 404);
        assertTrue(http.get("/api/pipelines/%2E%2E").statusCode() >= 400);
        HttpResponse<String> quoted = http.get("/api/pipelines/x'%20OR%20'1'='1");
        assertEquals(quoted.body(), 404, quoted.statusCode());
        HttpResponse<String> sqlId =
                http.post("/api/pipelines", GOOD.replace("\"id\":\"good\"", "\"id\":\"x'; DROP TABLE pipeline; --\""));
        problem(sqlId, 422, "validation");
        unchanged();
    }

    @Test
    public void aStaleIfMatchIs412AndTheVersionStays() {
        HttpResponse<String> stale = http.send(
                "PUT", "/api/pipelines/good", GOOD.replace("\"name\":\"good\"", "\"name\":\"changed\""), "\"99\"");
        problem(stale, 412, "precondition-failed");
        unchanged();
    }

    private void unchanged() {
        HttpResponse<String> good = http.get("/api/pipelines/good");
        assertEquals(200, good.statusCode());
        assertTrue(
                good.body(),
                good.body().contains("\"name\":\"good\"") && good.body().contains("\"version\":1"));
        assertFalse(http.get("/api/pipelines").body().contains("changed"));
    }

    private static void problem(HttpResponse<String> response, int status, String type) {
        assertEquals(response.body(), status, response.statusCode());
        assertEquals(
                "application/problem+json",
                response.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        assertTrue(response.body(), response.body().contains("\"type\":\"urn:gantry:problem:" + type + "\""));
        assertFalse(
                "no stack trace: " + response.body(),
                response.body().contains("\tat ") || response.body().contains("Exception"));
    }
}
