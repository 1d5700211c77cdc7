package io.gantry.bench.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The controller's REST API as the harness uses it: a few calls, JSON in and out. */
final class Api {
    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final String base;
    private volatile String token;

    Api(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    /** @param bearer the API token every request carries from now on (the controller's admin token) */
    void useToken(String bearer) {
        this.token = bearer;
    }

    /** @return the token requests carry, or null before {@link #useToken} */
    String token() {
        return token;
    }

    private HttpRequest.Builder authorized(HttpRequest.Builder request) {
        String bearer = token;
        return bearer == null ? request : request.header("Authorization", "Bearer " + bearer);
    }

    String url(String path) {
        return base + path;
    }

    /** @return the status, or -1 when nothing answers (the controller is not listening yet) */
    int status(String path) {
        try {
            return send(HttpRequest.newBuilder(URI.create(url(path))).GET()).statusCode();
        } catch (UncheckedIOException e) {
            return -1;
        }
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(url(path))).GET());
    }

    HttpResponse<String> post(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(url(path)))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** Sends without waiting for the answer; the answer is dropped. */
    void postAsync(String path, String json) {
        client.sendAsync(
                authorized(HttpRequest.newBuilder(URI.create(url(path))))
                        .header("Content-Type", "application/json")
                        .timeout(Duration.ofSeconds(30))
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.discarding());
    }

    /**
     * @return the answer's JSON body
     * @throws EndpointMissing when the answer is 404 or 405: this build does not serve the endpoint
     * @throws IllegalStateException on any other status than {@code expected}
     */
    static JsonNode expect(HttpResponse<String> response, int expected) {
        int status = response.statusCode();
        if (status == 404 || status == 405) {
            throw new EndpointMissing("endpoint not available: " + status + " from "
                    + response.request().method() + " "
                    + response.request().uri().getPath());
        }
        if (status != expected) {
            throw new IllegalStateException(
                    response.request().method() + " " + response.request().uri() + " answered " + status + ", expected "
                            + expected + ": " + response.body());
        }
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(
                    "not JSON from " + response.request().uri() + ": " + response.body(), e);
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return client.send(
                    authorized(request).timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
