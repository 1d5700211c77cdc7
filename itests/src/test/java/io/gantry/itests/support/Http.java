package io.gantry.itests.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * A small real-HTTP client for the tests. It authenticates as the controller's initial admin unless
 * made {@link #anonymous} or given another token.
 */
public final class Http {
    private static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String base;
    private final HttpClient client;
    private final Supplier<String> token;

    private Http(String base, HttpClient client, Supplier<String> token) {
        this.base = base;
        this.client = client;
        this.token = token;
    }

    /**
     * @param port the HTTP port on 127.0.0.1 of the controller this Pax Exam test runs in
     */
    public Http(int port) {
        this(port, once(AdminToken::ofThisContainer));
    }

    /**
     * @param port  a controller's HTTP port on 127.0.0.1
     * @param token gives the bearer token to send (read when first needed); null for none
     */
    public Http(int port, Supplier<String> token) {
        this("http://127.0.0.1:" + port, CLIENT, token);
    }

    /**
     * @param port a controller's HTTP port on 127.0.0.1
     * @return a client that sends no credentials
     */
    public static Http anonymous(int port) {
        return new Http(port, null);
    }

    /**
     * @param otherToken a bearer token
     * @return a client of the same controller that sends that token
     */
    public Http withToken(String otherToken) {
        return new Http(base, client, () -> otherToken);
    }

    /** @return the token this client sends, or null */
    public String token() {
        return token == null ? null : token.get();
    }

    /**
     * @param source gives a value once
     * @return a supplier that asks it on first use and keeps the answer
     */
    public static Supplier<String> once(Supplier<String> source) {
        AtomicReference<String> value = new AtomicReference<>();
        return () -> value.updateAndGet(known -> known != null ? known : source.get());
    }

    /**
     * @param base   the scheme, host and port, such as {@code https://127.0.0.1:41234}
     * @param client the client to send with, such as one whose SSLContext trusts the controller's certificate
     */
    public Http(String base, HttpClient client) {
        this(base, client, null);
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
     * @param method      an HTTP method
     * @param path        a path
     * @param contentType the body's media type
     * @param body        the request body
     * @return the response
     */
    public HttpResponse<String> send(String method, String path, String contentType, byte[] body) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", contentType)
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body)));
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
        if (token != null) {
            request.header("Authorization", "Bearer " + token.get());
        }
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
