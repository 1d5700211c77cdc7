package io.gantry.itests.support;

import static org.junit.Assert.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The shipped example {@code examples/pick-and-place}, loaded from its files exactly as a user
 * would, and the field it needs played: parts put on the scale and the part-present sensor.
 */
public final class PickAndPlaceExample {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path FOLDER = Path.of("../examples/pick-and-place");
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final Http http;

    public PickAndPlaceExample(Http http) {
        this.http = http;
    }

    /** Creates and connects the example's devices and stores its pipelines, unless already there. */
    public PickAndPlaceExample load() {
        try {
            for (JsonNode device : JSON.readTree(FOLDER.resolve("devices.json").toFile())) {
                String id = device.path("id").asText();
                if (http.get("/api/devices/" + id).statusCode() == 404) {
                    HttpResponse<String> created = http.post("/api/devices", device.toString());
                    assertEquals(created.body(), 201, created.statusCode());
                    http.post("/api/devices/" + id + "/connect", "");
                }
                Await.until(
                        id + " connected",
                        WAIT,
                        () -> http.get("/api/devices/" + id).body().contains("\"CONNECTED\""));
            }
            for (String pipeline : List.of("pick-one", "pick-and-place")) {
                if (http.get("/api/pipelines/" + pipeline).statusCode() == 404) {
                    HttpResponse<String> saved =
                            http.post("/api/pipelines", Files.readString(FOLDER.resolve(pipeline + ".json")));
                    assertEquals(saved.body(), 201, saved.statusCode());
                }
            }
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Puts a part of that weight on the scale, then on the part-present sensor. */
    public void partArrives(double weight) {
        set("analog.set", "scale", weight);
        set("input.set", "part-sensor", true);
    }

    /** Plays the field: an inline one-node run of a simulated input's set function. */
    private void set(String function, String device, Object value) {
        HttpResponse<String> done = http.post("/api/executions?wait=true", """
                {"name":"field","nodes":[{"id":"set","function":"%s","device":"%s","params":{"value":%s}}]}""".formatted(function, device, value));
        assertEquals(done.body(), 200, done.statusCode());
        assertEquals(done.body(), "SUCCEEDED", read(done.body()).path("status").asText());
    }

    /** @return the cycles the run called, in the order they ran */
    public List<JsonNode> cyclesOf(String run) {
        List<JsonNode> cycles = new ArrayList<>();
        read(http.get("/api/executions?parentExecutionId=" + run).body()).forEach(cycles::add);
        Collections.reverse(cycles); // listed newest first
        return cycles;
    }

    /** Waits (polling the records) until {@code n} cycles of the run have ended. */
    public void awaitEndedCycles(String run, int n) {
        Await.until(
                n + " cycles of " + run + " ended",
                WAIT,
                () -> cyclesOf(run).stream()
                                .filter(cycle ->
                                        !"RUNNING".equals(cycle.path("status").asText()))
                                .count()
                        >= n);
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
