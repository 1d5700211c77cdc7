package io.gantry.rest.bundle.internal.resources;

import static org.assertj.core.api.Assertions.assertThat;

import io.gantry.rest.bundle.internal.problem.ProblemExceptionMapper;
import io.gantry.rest.bundle.internal.server.EmbeddedApi;
import io.gantry.rest.bundle.internal.testing.FixedPluginCatalog;
import io.gantry.rest.bundle.internal.testing.InMemoryDeviceService;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The catalog lives at the empty class path; this checks that it answers its four paths and takes
 * nothing from the resources beside it, nor makes unknown paths anything but 404.
 */
class CatalogResourceTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static EmbeddedApi api;

    @BeforeAll
    static void start() throws Exception {
        api = EmbeddedApi.start(List.of(
                new ProblemExceptionMapper(),
                new CatalogResource(new FixedPluginCatalog()),
                new DevicesResource(new InMemoryDeviceService())));
    }

    @AfterAll
    static void stop() throws Exception {
        api.close();
    }

    @Test
    void answersItsFourPaths() throws Exception {
        for (String path : List.of("/plugins", "/plugins/rejected", "/functions", "/device-types")) {
            HttpResponse<String> answer = send("GET", path);
            assertThat(answer.statusCode()).as(path).isEqualTo(200);
            assertThat(answer.body()).as(path).startsWith("[");
        }
    }

    @Test
    void refusesOtherMethodsWith405() throws Exception {
        HttpResponse<String> answer = send("POST", "/functions");
        assertThat(answer.statusCode()).isEqualTo(405);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    void leavesOtherResourcesAndUnknownPathsAlone() throws Exception {
        assertThat(send("GET", "/devices").statusCode()).isEqualTo(200);
        for (String path : List.of("/nothing", "/", "/device-types/x", "/devices/x/y")) {
            HttpResponse<String> answer = send("GET", path);
            assertThat(answer.statusCode()).as(path).isEqualTo(404);
            assertThat(answer.body()).as(path).contains("urn:gantry:problem:not-found");
        }
    }

    private static HttpResponse<String> send(String method, String path) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(api.base() + path))
                        .method(method, HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
