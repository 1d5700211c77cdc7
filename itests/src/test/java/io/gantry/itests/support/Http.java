package io.gantry.itests.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A small real-HTTP client for the tests. */
public final class Http {
    private static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String base;
    private final HttpClient client;

    /**
     * @param port the controller's HTTP port on 127.0.0.1
     */
    public Http(int port) {
        this("http://127.0.0.1:" + port, CLIENT);
    }

    /**
     * @param base   the scheme, host and port, such as {@code https://127.0.0.1:41234}
     * @param client the client to send with, such as one whose SSLContext trusts the controller's certificate
     */
    public Http(String base, HttpClient client) {
        this.base = base;
        this.client = client;
    }

    /**
     * @param path a path such as {@code /api/health}
     * @return the response
     */
    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    /**
     * @param path a path
     * @param json the request body
     * @return the response
     */
    public HttpResponse<String> post(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /**
     * @param path a path
     * @param body a binary request body, such as a plugin jar
     * @return the response
     */
    public HttpResponse<String> postJar(String path, byte[] body) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/java-archive")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    /**
     * @param method an HTTP method
     * @param path   a path
     * @param json   the request body, or null
     * @return the response
     */
    public HttpResponse<String> send(String method, String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .method(
                        method,
                        json == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(json)));
    }

    /**
     * @param method  an HTTP method
     * @param path    a path
     * @param json    the request body
     * @param ifMatch the If-Match header
     * @return the response
     */
    public HttpResponse<String> send(String method, String path, String json, String ifMatch) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .header("If-Match", ifMatch)
                .method(method, HttpRequest.BodyPublishers.ofString(json)));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return client.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
