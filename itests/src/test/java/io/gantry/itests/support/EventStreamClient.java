package io.gantry.itests.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real WebSocket client of {@code /api/events} (the JDK's), recording every message with the
 * {@link System#nanoTime()} it arrived at. A stalled client reads nothing until {@link #resume()},
 * like a consumer that stopped reading: the controller's writes to it back up.
 */
public final class EventStreamClient implements WebSocket.Listener, AutoCloseable {
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final Pattern SEQ = Pattern.compile("\"seq\":(\\d+)");

    private final boolean stalled;
    private final StringBuilder partial = new StringBuilder();
    private final List<String> messages = new ArrayList<>();
    private final List<Long> arrivals = new ArrayList<>();
    private WebSocket socket;
    private Integer closeStatus;
    private String closeReason;

    private EventStreamClient(boolean stalled) {
        this.stalled = stalled;
    }

    /**
     * @param port  the controller's HTTP port on 127.0.0.1
     * @param query query options without the {@code ?}, or empty
     * @return a client that reads everything as it comes
     */
    public static EventStreamClient connect(int port, String query) {
        return new EventStreamClient(false).open(port, query, AdminToken.ofThisContainer());
    }

    /**
     * @param port  a controller's HTTP port on 127.0.0.1
     * @param query query options without the {@code ?}, or empty
     * @param token the bearer token to open the stream with; null for none
     * @return a client that reads everything as it comes
     */
    public static EventStreamClient connect(int port, String query, String token) {
        return new EventStreamClient(false).open(port, query, token);
    }

    /**
     * @param port  the controller's HTTP port on 127.0.0.1
     * @param query query options without the {@code ?}, or empty
     * @return a client that reads nothing until {@link #resume()}
     */
    public static EventStreamClient connectStalled(int port, String query) {
        return new EventStreamClient(true).open(port, query, AdminToken.ofThisContainer());
    }

    private EventStreamClient open(int port, String query, String token) {
        URI uri = URI.create("ws://127.0.0.1:" + port + "/api/events" + (query.isEmpty() ? "" : "?" + query));
        try {
            WebSocket.Builder builder = CLIENT.newWebSocketBuilder();
            if (token != null) {
                builder.header("Authorization", "Bearer " + token);
            }
            builder.buildAsync(uri, this).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("cannot open " + uri + ": " + e, e);
        }
        return this;
    }

    @Override
    public synchronized void onOpen(WebSocket webSocket) {
        socket = webSocket;
        if (!stalled) {
            webSocket.request(Long.MAX_VALUE);
        }
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        long now = System.nanoTime();
        synchronized (this) {
            partial.append(data);
            if (last) {
                messages.add(partial.toString());
                arrivals.add(now);
                partial.setLength(0);
            }
        }
        return null;
    }

    @Override
    public synchronized CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closeStatus = statusCode;
        closeReason = reason;
        return null;
    }

    @Override
    public synchronized void onError(WebSocket webSocket, Throwable error) {
        closeStatus = -1;
        closeReason = String.valueOf(error);
    }

    /** Starts reading, after {@link #connectStalled}. */
    public synchronized void resume() {
        socket.request(Long.MAX_VALUE);
    }

    /** @return the text messages received so far */
    public synchronized List<String> messages() {
        return List.copyOf(messages);
    }

    /** @return the {@link System#nanoTime()} each message arrived at */
    public synchronized List<Long> arrivals() {
        return List.copyOf(arrivals);
    }

    /** @return how many messages have arrived */
    public synchronized int count() {
        return messages.size();
    }

    /** @return the close status received, -1 for an error, null while open */
    public synchronized Integer closeStatus() {
        return closeStatus;
    }

    /** @return the close reason received */
    public synchronized String closeReason() {
        return closeReason;
    }

    /**
     * @param message a stream message
     * @return its seq
     */
    public static long seq(String message) {
        Matcher matcher = SEQ.matcher(message);
        if (!matcher.find()) {
            throw new AssertionError("no seq in " + message);
        }
        return Long.parseLong(matcher.group(1));
    }

    @Override
    public void close() {
        WebSocket current;
        synchronized (this) {
            current = socket;
        }
        if (current != null && !current.isOutputClosed()) {
            current.sendClose(WebSocket.NORMAL_CLOSURE, "done").orTimeout(5, TimeUnit.SECONDS);
        }
    }
}
