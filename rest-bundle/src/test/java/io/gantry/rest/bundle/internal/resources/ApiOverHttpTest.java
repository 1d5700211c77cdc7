package io.gantry.rest.bundle.internal.resources;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gantry.rest.bundle.internal.problem.ProblemExceptionMapper;
import io.gantry.rest.bundle.internal.resources.filter.CorsFilter;
import io.gantry.rest.bundle.internal.resources.filter.RequestBodyLimit;
import io.gantry.rest.bundle.internal.server.EmbeddedApi;
import io.gantry.rest.bundle.internal.testing.Configs;
import io.gantry.rest.bundle.internal.testing.FixedPluginCatalog;
import io.gantry.rest.bundle.internal.testing.InMemoryDeviceService;
import io.gantry.rest.bundle.internal.testing.InMemoryExecutionService;
import io.gantry.rest.bundle.internal.testing.InMemoryPipelineService;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole API over real HTTP on an embedded Jetty, with in-memory services: the status codes,
 * problem documents and headers a panel sees.
 */
class ApiOverHttpTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String PIPELINE = """
            {"name":"move","nodes":[{"id":"a","function":"servo.move_to","params":{"position":1}},
            {"id":"b","function":"servo.move_to","retry":{"maxAttempts":3,"backoffMs":10}}],
            "edges":[{"from":"a.position","to":"b.position"}]}""";

    private static InMemoryPipelineService pipelines;
    private static EmbeddedApi api;

    @BeforeAll
    static void start() throws Exception {
        pipelines = new InMemoryPipelineService();
        var executions = new InMemoryExecutionService(pipelines);
        var catalog = new FixedPluginCatalog();
        ExecutionConfiguration waits = Configs.of(ExecutionConfiguration.class, Map.of("maxWaitSeconds", 5L));
        api = EmbeddedApi.start(List.of(
                new ProblemExceptionMapper(),
                new RequestBodyLimit(limit()),
                new CorsFilter(cors()),
                new CatalogResource(catalog),
                new DevicesResource(new InMemoryDeviceService()),
                new PipelinesResource(pipelines),
                new PipelineExecutionsResource(waits, executions),
                new ExecutionsResource(waits, executions),
                new OpenApiResource()));
    }

    private static RequestBodyLimit.Configuration limit() {
        return Configs.of(RequestBodyLimit.Configuration.class, Map.of("maxBodyBytes", 1024L * 1024));
    }

    private static CorsFilter.Configuration cors() {
        return Configs.of(
                CorsFilter.Configuration.class,
                Map.of("allowedOrigins", new String[] {"http://panel.local"}, "maxAgeSeconds", 60));
    }

    @AfterAll
    static void stop() throws Exception {
        api.close();
    }

    @Test
    void malformedJsonIs400InvalidJson() throws Exception {
        HttpResponse<String> response = send("POST", "/pipelines", "{\"name\": ");
        assertProblem(response, 400, "invalid-json");
    }

    @Test
    void badInputChangesNothingStored() throws Exception {
        String id = create();
        String before = send("GET", "/pipelines", null).body();
        send("POST", "/pipelines", "{\"name\": ");
        send("POST", "/pipelines", "{\"name\":\"x\",\"colour\":1}");
        send("PUT", "/pipelines/" + id, "{\"nodes\":[]}");
        send("PUT", "/pipelines/" + id, PIPELINE, "If-Match", "\"9\"");
        send("DELETE", "/pipelines/.." + id, null);
        assertThat(send("GET", "/pipelines", null).body()).isEqualTo(before);
    }

    @Test
    void unknownFieldIs422WithItsPath() throws Exception {
        HttpResponse<String> response = send(
                "POST",
                "/pipelines",
                "{\"name\":\"x\",\"nodes\":[{\"id\":\"a\",\"function\":\"f\"},{\"id\":\"b\",\"function\":\"f\",\"colour\":1}]}");
        JsonNode problem = assertProblem(response, 422, "validation");
        assertThat(problem.at("/errors/0/path").asText()).isEqualTo("nodes[1].colour");
    }

    @Test
    void wrongTypeIs422WithItsPath() throws Exception {
        HttpResponse<String> response = send(
                "POST",
                "/pipelines",
                "{\"name\":\"x\",\"nodes\":[{\"id\":\"a\",\"function\":\"f\",\"timeoutMs\":\"soon\"}]}");
        JsonNode problem = assertProblem(response, 422, "validation");
        assertThat(problem.at("/errors/0/path").asText()).isEqualTo("nodes[0].timeoutMs");
    }

    @Test
    void missingFieldsAre422WithEveryPath() throws Exception {
        HttpResponse<String> response = send(
                "POST",
                "/pipelines",
                "{\"nodes\":[{\"id\":\"a\",\"function\":\"f\"},{\"id\":\"b\"}],\"edges\":[{\"from\":\"a.x\"}]}");
        JsonNode problem = assertProblem(response, 422, "validation");
        assertThat(problem.get("errors").findValuesAsText("path"))
                .containsExactly("name", "nodes[1].function", "edges[0].to");
    }

    @Test
    void bodyAboveTheLimitIs413() throws Exception {
        String big = "{\"name\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}";
        assertProblem(send("POST", "/pipelines", big), 413, "payload-too-large");
    }

    @Test
    void chunkedBodyAboveTheLimitIs413() throws Exception {
        String big = "{\"name\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}";
        HttpResponse<String> refused = sendBody("POST", "/pipelines", chunked(big));
        assertProblem(refused, 413, "payload-too-large");
        // the connection is not reused: the next request on this client gets a fresh one and an answer
        assertThat(refused.headers().firstValue("Connection")).hasValue("close");
        assertThat(send("POST", "/pipelines/validate", "{}").statusCode()).isLessThan(500);
    }

    @Test
    void createdPipelineHasLocationAndEtagOne() throws Exception {
        HttpResponse<String> response = send("POST", "/pipelines", PIPELINE);
        assertThat(response.statusCode()).isEqualTo(201);
        JsonNode body = JSON.readTree(response.body());
        assertThat(response.headers().firstValue("ETag")).contains("\"1\"");
        assertThat(response.headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location)
                        .endsWith("/api/pipelines/" + body.get("id").asText()));
        assertThat(body.get("version").asInt()).isEqualTo(1);
        assertThat(body.at("/nodes/1/retry/multiplier").asDouble()).isEqualTo(1.0);
        assertThat(body.has("updatedAt")).isTrue();
    }

    @Test
    void staleIfMatchIs412AndNothingChanges() throws Exception {
        String id = create();
        assertThat(send("PUT", "/pipelines/" + id, PIPELINE, "If-Match", "\"1\"")
                        .statusCode())
                .isEqualTo(200);
        assertProblem(send("PUT", "/pipelines/" + id, PIPELINE, "If-Match", "\"1\""), 412, "precondition-failed");
        HttpResponse<String> latest = send("GET", "/pipelines/" + id, null);
        assertThat(latest.headers().firstValue("ETag")).contains("\"2\"");
        assertThat(JSON.readTree(
                        send("GET", "/pipelines/" + id + "/versions", null).body()))
                .hasSize(2);
    }

    @Test
    void restoreStoresAnOldVersionAsTheNewLatest() throws Exception {
        String id = create();
        send("PUT", "/pipelines/" + id, PIPELINE.replace("\"move\"", "\"renamed\""));
        HttpResponse<String> restored =
                send("POST", "/pipelines/" + id + "/versions/1/restore", null, "If-Match", "\"2\"");
        assertThat(restored.statusCode()).isEqualTo(200);
        assertThat(restored.headers().firstValue("ETag")).contains("\"3\"");
        assertThat(JSON.readTree(restored.body()).get("name").asText()).isEqualTo("move");
    }

    @Test
    void cycleIs422WithTheCycleInTheDetail() throws Exception {
        String cyclic = """
                {"name":"loop","nodes":[{"id":"a","function":"f"},{"id":"b","function":"f"}],
                "edges":[{"from":"a.out","to":"b.in"},{"from":"b.out","to":"a.in"}]}""";
        JsonNode problem = assertProblem(send("POST", "/pipelines", cyclic), 422, "cycle");
        assertThat(problem.get("detail").asText()).contains("a -> b -> a");
        assertProblem(send("POST", "/pipelines/validate", cyclic), 422, "cycle");
    }

    @Test
    void validPipelineValidates() throws Exception {
        HttpResponse<String> response = send("POST", "/pipelines/validate", PIPELINE);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"valid\":true}");
    }

    @Test
    void unknownIdIs404() throws Exception {
        assertProblem(send("GET", "/pipelines/nope", null), 404, "not-found");
        assertProblem(send("GET", "/devices/nope", null), 404, "not-found");
        assertProblem(send("GET", "/executions/nope", null), 404, "not-found");
        assertProblem(send("GET", "/no-such-endpoint", null), 404, "not-found");
        assertProblem(send("GET", "/pipelines/nope", null, "Accept", "application/json"), 404, "not-found");
    }

    @Test
    void badIdsAreRejectedAndNeverReachTheService() throws Exception {
        String id = create();
        int before = pipelines.idsSeen.size();
        assertThat(send("DELETE", "/pipelines/..%2F" + id, null).statusCode()).isIn(400, 404);
        assertProblem(send("DELETE", "/pipelines/%27%3B%20DROP", null), 404, "not-found");
        assertProblem(send("DELETE", "/pipelines/.hidden", null), 404, "not-found");
        assertProblem(send("GET", "/pipelines/" + "x".repeat(65), null), 404, "not-found");
        assertThat(pipelines.idsSeen.subList(before, pipelines.idsSeen.size())).isEmpty();
        assertThat(send("GET", "/pipelines/" + id, null).statusCode()).isEqualTo(200);
    }

    @Test
    void badIdInABodyIs422() throws Exception {
        JsonNode problem = assertProblem(
                send("POST", "/devices", "{\"id\":\"../x\",\"type\":\"mock-servo\",\"name\":\"n\"}"),
                422,
                "validation");
        assertThat(problem.at("/errors/0/path").asText()).isEqualTo("id");
        assertProblem(send("GET", "/devices/..x", null), 404, "not-found");
    }

    @Test
    void deviceLifecycle() throws Exception {
        HttpResponse<String> created = send(
                "POST",
                "/devices",
                "{\"id\":\"axis-1\",\"type\":\"mock-servo\",\"name\":\"Axis\",\"config\":{\"maxSpeed\":10}}");
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/api/devices/axis-1"));
        JsonNode connected =
                JSON.readTree(send("POST", "/devices/axis-1/connect", null).body());
        assertThat(connected.get("status").asText()).isEqualTo("CONNECTED");
        assertThat(send("PUT", "/devices/axis-1", "{\"name\":\"A\",\"config\":{}}")
                        .statusCode())
                .isEqualTo(200);
        assertProblem(send("PUT", "/devices/axis-1", "{\"name\":\"A\"}"), 422, "validation");
        assertProblem(send("GET", "/devices/axis-1/browse", null), 409, "conflict");
        assertProblem(send("GET", "/devices/nope/browse?address=x", null), 404, "not-found");
        assertThat(send("DELETE", "/devices/axis-1", null).statusCode()).isEqualTo(204);
        assertProblem(send("POST", "/devices", "{\"type\":\"lathe\",\"name\":\"L\"}"), 503, "plugin-unavailable");
    }

    @Test
    void executionsStartWaitListAndCancel() throws Exception {
        String id = create();
        HttpResponse<String> started =
                send("POST", "/pipelines/" + id + "/executions", "{\"inputs\":{\"a.position\":3}}");
        assertThat(started.statusCode()).isEqualTo(202);
        JsonNode running = JSON.readTree(started.body());
        assertThat(running.get("status").asText()).isEqualTo("RUNNING");
        assertThat(running.at("/progress/total").asInt()).isEqualTo(2);
        assertThat(running.at("/nodes/a/status").asText()).isEqualTo("PENDING");
        assertThat(started.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l)
                        .endsWith("/api/executions/" + running.get("id").asText()));

        HttpResponse<String> waited = send("POST", "/pipelines/" + id + "/executions?wait=true&version=1", null);
        assertThat(waited.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(waited.body()).get("status").asText()).isEqualTo("SUCCEEDED");

        HttpResponse<String> cancelled =
                send("DELETE", "/executions/" + running.get("id").asText(), null);
        assertThat(cancelled.statusCode()).isEqualTo(202);
        assertThat(JSON.readTree(cancelled.body()).get("status").asText()).isEqualTo("CANCELLED");
        assertProblem(send("DELETE", "/executions/" + running.get("id").asText(), null), 409, "conflict");

        assertThat(JSON.readTree(send("GET", "/executions?limit=1", null).body()))
                .hasSize(1);
        assertProblem(send("GET", "/executions?limit=1001", null), 422, "validation");
        assertProblem(send("GET", "/executions?status=DONE", null), 422, "validation");
    }

    @Test
    void inlineExecutionRuns() throws Exception {
        HttpResponse<String> response = send("POST", "/executions?wait=true", PIPELINE);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).get("pipelineId").isNull()).isTrue();
    }

    @Test
    void catalogShowsSchemasAsObjects() throws Exception {
        JsonNode types = JSON.readTree(send("GET", "/device-types", null).body());
        assertThat(types.at("/0/configSchema/type").asText()).isEqualTo("object");
        JsonNode functions = JSON.readTree(send("GET", "/functions", null).body());
        assertThat(functions.at("/0/inputs/0").toString())
                .isEqualTo("{\"name\":\"position\",\"type\":\"number\",\"required\":true}");
        assertThat(functions.at("/0/params/type").asText()).isEqualTo("object");
        assertThat(JSON.readTree(send("GET", "/plugins", null).body())
                        .at("/0/functions/0")
                        .asText())
                .isEqualTo("servo.move_to");
    }

    @Test
    void rejectedFilesAreListedWithTheReason() throws Exception {
        JsonNode rejected = JSON.readTree(send("GET", "/plugins/rejected", null).body());
        assertThat(rejected.at("/0/file").asText()).isEqualTo("notes.txt");
        assertThat(rejected.at("/0/reason").asText()).contains("neither a plugin");
    }

    @Test
    void wrongMethodIs405Problem() throws Exception {
        assertProblem(send("PUT", "/functions", "{}"), 405, "method-not-allowed");
    }

    @Test
    void corsAnswersPreflightOnlyForAllowedOrigins() throws Exception {
        HttpResponse<String> allowed = send(
                "OPTIONS", "/pipelines", null, "Origin", "http://panel.local", "Access-Control-Request-Method", "POST");
        assertThat(allowed.statusCode()).isEqualTo(204);
        assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin")).contains("http://panel.local");
        assertThat(allowed.headers().firstValue("Access-Control-Allow-Methods"))
                .hasValueSatisfying(m -> assertThat(m).contains("PUT"));
        HttpResponse<String> other = send("GET", "/plugins", null, "Origin", "http://evil.example");
        assertThat(other.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void openApiDocumentIsServed() throws Exception {
        HttpResponse<String> response = send("GET", "/openapi.json", null);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).get("openapi").asText()).startsWith("3.0");
    }

    private static String create() throws Exception {
        HttpResponse<String> response = send("POST", "/pipelines", PIPELINE);
        assertThat(response.statusCode()).isEqualTo(201);
        return JSON.readTree(response.body()).get("id").asText();
    }

    private static JsonNode assertProblem(HttpResponse<String> response, int status, String kind) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("type").asText()).isEqualTo("urn:gantry:problem:" + kind);
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.has("title")).isTrue();
        return problem;
    }

    private static HttpResponse<String> send(String method, String path, String body, String... headers)
            throws Exception {
        return sendBody(method, path, body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body), headers);
    }

    private static HttpResponse<String> sendBody(String method, String path, BodyPublisher body, String... headers)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api.base() + path))
                .timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json")
                .method(method, body);
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A body of unknown length, so it is sent chunked with no Content-Length. */
    private static BodyPublisher chunked(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        Iterable<byte[]> chunks = () -> new Iterator<>() {
            private int offset;

            @Override
            public boolean hasNext() {
                return offset < bytes.length;
            }

            @Override
            public byte[] next() {
                int end = Math.min(bytes.length, offset + 64 * 1024);
                byte[] chunk = Arrays.copyOfRange(bytes, offset, end);
                offset = end;
                return chunk;
            }
        };
        return BodyPublishers.ofByteArrays(chunks);
    }
}
