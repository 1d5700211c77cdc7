package io.gantry.rest.bundle.internal.hmi;

import static org.assertj.core.api.Assertions.assertThat;

import io.gantry.rest.bundle.internal.security.SecurityHeaders;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Pattern;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.eclipse.jetty.server.handler.ContextHandlerCollection;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The HMI's files over a real Jetty, beside an {@code /api} context as in the controller. */
class HmiContextTest {
    private final HttpClient http = HttpClient.newHttpClient();
    private Server server;
    private int port;

    @BeforeEach
    void start() throws Exception {
        server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        server.addConnector(connector);
        ContextHandler api = new ContextHandler("/api");
        api.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                response.setStatus(299);
                callback.succeeded();
                return true;
            }
        });
        // as HttpServer mounts it: behind the headers every answer gets
        server.setHandler(new SecurityHeaders(new ContextHandlerCollection(api, new HmiContext().create(server))));
        server.start();
        port = connector.getLocalPort();
    }

    @AfterEach
    void stop() throws Exception {
        server.stop();
    }

    @Test
    void servesIndexHtmlAtTheRootAndRevalidatesIt() throws Exception {
        HttpResponse<String> response = get("/", null);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        assertThat(response.headers().firstValue("Cache-Control")).hasValue(StaticFiles.REVALIDATE);
        assertThat(response.headers().firstValue("Content-Security-Policy")).hasValue(SecurityHeaders.POLICY);
        assertThat(SecurityHeaders.POLICY).contains("style-src 'self';").doesNotContain("unsafe");
        assertThat(response.body()).contains("<script type=\"module\" src=\"js/app.js\">");

        String etag = response.headers().firstValue("ETag").orElseThrow();
        assertThat(get("/", etag).statusCode()).isEqualTo(304);
        assertThat(get("/index.html", etag).statusCode()).isEqualTo(304);
    }

    @Test
    void servesModulesAsJavaScriptAndVendoredLibrariesAsImmutable() throws Exception {
        assertThat(get("/js/app.js", null).headers().firstValue("Content-Type"))
                .hasValue("text/javascript; charset=utf-8");
        HttpResponse<String> library = get("/vendor/cytoscape-dagre-4.0.1/cytoscape-dagre.min.mjs", null);
        assertThat(library.statusCode()).isEqualTo(200);
        assertThat(library.headers().firstValue("Cache-Control")).hasValue(StaticFiles.IMMUTABLE);
        assertThat(get("/vendor/cytoscape-dagre-4.0.1/LICENSE", null).body()).contains("Permission is hereby granted");
    }

    @Test
    void graphModuleImportsTheLibrariesTheBundleServes() throws Exception {
        // the build writes Cytoscape's version into graph.js; an unfilled or stale path would break the page
        String graph = get("/js/graph.js", null).body();
        List<String> imports = Pattern.compile("^import .* from '([^']+)';$", Pattern.MULTILINE)
                .matcher(graph)
                .results()
                .map(match -> match.group(1))
                .toList();

        assertThat(imports)
                .anySatisfy(path -> assertThat(path).matches("\\.\\./vendor/cytoscape-\\d+\\.\\d+\\.\\d+/.*"));
        for (String path : imports) {
            String served = URI.create("/js/graph.js").resolve(path).getPath();
            assertThat(get(served, null).statusCode()).as(served).isEqualTo(200);
        }
    }

    @Test
    void leavesTheApiToItsOwnContext() throws Exception {
        assertThat(get("/api/health", null).statusCode()).isEqualTo(299);
    }

    @Test
    void answersNotFoundForMissingHiddenOrEscapingPaths() throws Exception {
        assertThat(get("/nothing.js", null).statusCode()).isEqualTo(404);
        assertThat(StaticFiles.normalise("/../io/gantry/x.class")).isNull();
        assertThat(StaticFiles.normalise("/js/.hidden")).isNull();
        assertThat(StaticFiles.normalise("/js//app.js")).isNull();
        assertThat(StaticFiles.normalise("/vendor/")).isEqualTo("vendor/index.html");
    }

    @Test
    void refusesMethodsOtherThanGetAndHead() throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
                        .POST(HttpRequest.BodyPublishers.ofString("x"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("Allow")).hasValue("GET, HEAD");
    }

    @Test
    void namesContentTypesByExtension() {
        assertThat(StaticFiles.contentType("app.css")).isEqualTo("text/css; charset=utf-8");
        assertThat(StaticFiles.contentType("vendor/x/LICENSE")).isEqualTo("text/plain; charset=utf-8");
        assertThat(StaticFiles.contentType("a.bin")).isEqualTo("application/octet-stream");
    }

    private HttpResponse<String> get(String path, String ifNoneMatch) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
