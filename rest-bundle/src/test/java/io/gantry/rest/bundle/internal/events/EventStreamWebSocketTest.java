package io.gantry.rest.bundle.internal.events;

import static io.gantry.rest.bundle.internal.events.Messages.seqs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gantry.engine.api.security.Identity;
import io.gantry.engine.api.security.Role;
import io.gantry.rest.bundle.internal.security.BrowserSessions;
import io.gantry.rest.bundle.internal.security.SecurityGate;
import io.gantry.rest.bundle.internal.testing.Configs;
import io.gantry.rest.bundle.internal.testing.FakeCredentials;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.eclipse.jetty.server.handler.ContextHandlerCollection;
import org.eclipse.jetty.util.FutureCallback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.service.event.Event;

/** The stream over a real Jetty server and the JDK's WebSocket client, without OSGi. */
class EventStreamWebSocketTest {
    private final EventHub hub = new EventHub(HubConfig.of(100, 10, 0));
    private static final String TOKEN = "gnt_viewer";

    private final HttpClient http = HttpClient.newHttpClient();
    private final FakeCredentials credentials = new FakeCredentials().token(TOKEN, "ana", Role.VIEWER);
    private final BrowserSessions sessions =
            new BrowserSessions(Configs.of(BrowserSessions.Configuration.class, Map.of()), credentials);
    private Server server;
    private int port;

    @BeforeEach
    void start() throws Exception {
        server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        server.addConnector(connector);
        // as HttpServer does: /api first, the stream deployed into the running server later
        ContextHandlerCollection contexts = new ContextHandlerCollection(new ContextHandler("/api"));
        server.setHandler(new SecurityGate(credentials, sessions).around(contexts));
        server.start();
        ContextHandler events = new EventStreamContext(hub, credentials, sessions).create(server);
        events.setServer(server);
        events.start();
        FutureCallback deployed = new FutureCallback();
        contexts.deployHandler(events, deployed);
        deployed.get(5, TimeUnit.SECONDS);
        port = connector.getLocalPort();
    }

    @AfterEach
    void stop() throws Exception {
        hub.stop();
        server.stop();
    }

    @Test
    void streamsEventsToAWebSocketClientAndResumesAfterSince() throws Exception {
        hub.handleEvent(new Event("gantry/node/COMPLETED", Map.of("nodeId", "n1")));
        hub.handleEvent(new Event("gantry/node/COMPLETED", Map.of("nodeId", "n2")));
        List<String> received = new CopyOnWriteArrayList<>();

        WebSocket socket = connect("since=1", received);
        hub.handleEvent(new Event("gantry/node/COMPLETED", Map.of("nodeId", "n3")));

        Poll.until("two events", () -> received.size() == 2);
        assertThat(seqs(received)).containsExactly(2L, 3L);
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(5, TimeUnit.SECONDS);
        Poll.until("the client gone from the hub", () -> hub.clients() == 0);
    }

    @Test
    void answersTheClientsCloseSoTheClosingHandshakeCompletes() throws Exception {
        CompletableFuture<Integer> closedByServer = new CompletableFuture<>();
        WebSocket socket = http.newWebSocketBuilder()
                .header("Authorization", "Bearer " + TOKEN)
                .buildAsync(streamUri(""), new WebSocket.Listener() {
                    @Override
                    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
                        closedByServer.complete(statusCode);
                        return null;
                    }
                })
                .get(5, TimeUnit.SECONDS);
        Poll.until("the client in the hub", () -> hub.clients() == 1);

        socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(5, TimeUnit.SECONDS);

        // the server's close frame arrives only once the socket has completed Jetty's close callback
        assertThat(closedByServer.get(5, TimeUnit.SECONDS)).isEqualTo(WebSocket.NORMAL_CLOSURE);
        Poll.until("the client gone from the hub", () -> hub.clients() == 0);
    }

    @Test
    void refusesMalformedOptionsBeforeTheUpgrade() {
        assertThatThrownBy(() -> connect("since=soon", new CopyOnWriteArrayList<>()))
                .hasCauseInstanceOf(WebSocketHandshakeException.class)
                .hasRootCauseMessage("Unexpected HTTP response status code 400");
    }

    @Test
    void refusesAClientWithoutCredentialsBeforeTheUpgrade() {
        assertThatThrownBy(() -> http.newWebSocketBuilder()
                        .buildAsync(streamUri(""), new WebSocket.Listener() {})
                        .get(5, TimeUnit.SECONDS))
                .hasCauseInstanceOf(WebSocketHandshakeException.class)
                .hasRootCauseMessage("Unexpected HTTP response status code 401");
    }

    @Test
    void refusesASessionsUpgradeFromAnotherOrigin() throws Exception {
        credentials.password("olga", "correct horse battery", Role.OPERATOR);
        String session =
                sessions.open(new Identity("olga", null, Role.OPERATOR)).id();
        assertThatThrownBy(() -> http.newWebSocketBuilder()
                        .header("Cookie", SecurityGate.COOKIE + "=" + session)
                        .header("Origin", "http://127.0.0.1:1")
                        .buildAsync(streamUri(""), new WebSocket.Listener() {})
                        .get(5, TimeUnit.SECONDS))
                .hasRootCauseMessage("Unexpected HTTP response status code 403");
        WebSocket own = http.newWebSocketBuilder()
                .header("Cookie", SecurityGate.COOKIE + "=" + session)
                .header("Origin", "http://127.0.0.1:" + port)
                .buildAsync(streamUri(""), new WebSocket.Listener() {})
                .get(5, TimeUnit.SECONDS);
        own.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(5, TimeUnit.SECONDS);
    }

    @Test
    void closesTheStreamOfARevokedToken() throws Exception {
        CompletableFuture<String> closed = new CompletableFuture<>();
        http.newWebSocketBuilder()
                .header("Authorization", "Bearer " + TOKEN)
                .buildAsync(streamUri(""), new WebSocket.Listener() {
                    @Override
                    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
                        closed.complete(statusCode + " " + reason);
                        return null;
                    }
                })
                .get(5, TimeUnit.SECONDS);
        Poll.until("the client in the hub", () -> hub.clients() == 1);

        credentials.revoke(TOKEN);

        assertThat(closed.get(10, TimeUnit.SECONDS)).isEqualTo("1008 credentials revoked or expired");
        Poll.until("the client gone from the hub", () -> hub.clients() == 0);
    }

    private WebSocket connect(String query, List<String> received) throws Exception {
        return http.newWebSocketBuilder()
                .header("Authorization", "Bearer " + TOKEN)
                .buildAsync(streamUri(query), new WebSocket.Listener() {
                    @Override
                    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                        received.add(data.toString());
                        webSocket.request(1);
                        return null;
                    }
                })
                .get(5, TimeUnit.SECONDS);
    }

    private URI streamUri(String query) {
        return URI.create("ws://127.0.0.1:" + port + EventStreamContext.PATH + "?" + query);
    }
}
