package io.gantry.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.gantry.itests.support.AdminToken;
import io.gantry.itests.support.Await;
import io.gantry.itests.support.GantryContainer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import javax.inject.Inject;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;

/**
 * The REST contract of docs/API.md walked as an HMI panel walks it, against the real controller
 * with the reference plugins deployed: list functions, create and connect a mock servo, create a
 * pipeline, update it, read both versions, run it with and without waiting, cancel a long run,
 * delete. Needs the engine-core services behind the REST resources.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class RestContractIT {
    private static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String PIPELINE = """
            {"id":"it-move","name":"move and add","nodes":[
              {"id":"home","function":"servo.home","device":"it-axis"},
              {"id":"move","function":"servo.move_to","device":"it-axis","params":{"position":10,"speed":1000}},
              {"id":"sum","function":"core.add","params":{"b":2}}],
             "edges":[{"from":"move.position","to":"sum.a"}]}""";

    @Inject
    private BundleContext context;

    @Configuration
    public Option[] config() throws IOException {
        // the reference plugins, as the distribution ships them in deploy/
        return GantryContainer.options(GantryContainer.withShippedPlugins(Path.of("target/itest-rest/deploy")));
    }

    @Test
    public void panelWalksTheWholeApi() {
        Await.until(
                "servo.move_to listed",
                Duration.ofSeconds(30),
                () -> send("GET", "/functions", null).body().contains("\"servo.move_to\""));
        HttpResponse<String> functions = send("GET", "/functions", null);
        assertEquals(200, functions.statusCode());
        assertTrue(functions.body(), functions.body().contains("\"core.add\""));

        HttpResponse<String> device = send(
                "POST",
                "/devices",
                "{\"id\":\"it-axis\",\"type\":\"mock-servo\",\"name\":\"Axis\",\"config\":{\"minPosition\":0,\"maxPosition\":100,\"maxSpeed\":1000}}");
        assertEquals(device.body(), 201, device.statusCode());
        assertTrue(device.headers().firstValue("Location").orElse("").endsWith("/api/devices/it-axis"));
        HttpResponse<String> connected = send("POST", "/devices/it-axis/connect", null);
        assertEquals(connected.body(), 200, connected.statusCode());
        assertTrue(connected.body(), connected.body().contains("\"status\":\"CONNECTED\""));

        HttpResponse<String> created = send("POST", "/pipelines", PIPELINE);
        assertEquals(created.body(), 201, created.statusCode());
        assertEquals("\"1\"", created.headers().firstValue("ETag").orElse(""));
        HttpResponse<String> updated =
                send("PUT", "/pipelines/it-move", PIPELINE.replace("move and add", "v2"), "\"1\"");
        assertEquals(updated.body(), 200, updated.statusCode());
        assertEquals("\"2\"", updated.headers().firstValue("ETag").orElse(""));
        assertEquals(412, send("PUT", "/pipelines/it-move", PIPELINE, "\"1\"").statusCode());
        assertTrue(send("GET", "/pipelines/it-move/versions/1", null).body().contains("move and add"));
        assertTrue(send("GET", "/pipelines/it-move/versions/2", null).body().contains("\"v2\""));
        assertTrue(send("GET", "/pipelines/it-move/versions", null).body().contains("\"version\":2"));

        HttpResponse<String> waited = send("POST", "/pipelines/it-move/executions?wait=true", "{}");
        assertEquals(waited.body(), 200, waited.statusCode());
        assertTrue(waited.body(), waited.body().contains("\"status\":\"SUCCEEDED\""));
        assertTrue(waited.body(), waited.body().contains("\"result\":12"));

        HttpResponse<String> started = send("POST", "/pipelines/it-move/executions", null);
        assertEquals(started.body(), 202, started.statusCode());
        String location = started.headers().firstValue("Location").orElseThrow();
        String executionPath = location.substring(location.indexOf("/api") + 4);
        Await.until(
                "the execution ends",
                Duration.ofSeconds(30),
                () -> !send("GET", executionPath, null).body().contains("\"status\":\"RUNNING\""));
        assertTrue(send("GET", executionPath, null).body().contains("\"progress\":{\"done\":3,\"total\":3}"));

        String slow = """
                {"name":"slow","nodes":[{"id":"wait","function":"core.delay","params":{"ms":5000}}],"edges":[]}""";
        HttpResponse<String> running = send("POST", "/executions", slow);
        assertEquals(running.body(), 202, running.statusCode());
        String slowLocation = running.headers().firstValue("Location").orElseThrow();
        String slowPath = slowLocation.substring(slowLocation.indexOf("/api") + 4);
        HttpResponse<String> cancelled = send("DELETE", slowPath, null);
        assertEquals(cancelled.body(), 202, cancelled.statusCode());
        Await.until(
                "the slow execution is CANCELLED",
                Duration.ofSeconds(10),
                () -> send("GET", slowPath, null).body().contains("\"status\":\"CANCELLED\""));

        assertTrue(send("GET", "/executions?pipelineId=it-move&limit=5", null)
                .body()
                .contains("\"pipelineId\":\"it-move\""));
        assertEquals(204, send("DELETE", "/pipelines/it-move", null).statusCode());
        assertEquals(404, send("GET", "/pipelines/it-move", null).statusCode());
        assertEquals(200, send("POST", "/devices/it-axis/disconnect", null).statusCode());
        assertEquals(204, send("DELETE", "/devices/it-axis", null).statusCode());
        assertEquals(404, send("GET", "/devices/../x", null).statusCode());
    }

    private HttpResponse<String> send(String method, String path, String json) {
        return send(method, path, json, null);
    }

    private HttpResponse<String> send(String method, String path, String json, String ifMatch) {
        String base = "http://127.0.0.1:" + context.getProperty("gantry.http.port") + "/api";
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + AdminToken.ofThisContainer())
                .method(
                        method,
                        json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        try {
            return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
