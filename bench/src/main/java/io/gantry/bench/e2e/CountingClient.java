package io.gantry.bench.e2e;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * A client of /api/events subscribed to everything that counts messages and does not parse them:
 * the cheapest consumer there is, so that whatever it misses is the server's doing. Of each message
 * it reads only the leading {@code {"seq":N} the server puts first, to tell whether the seqs came
 * one after another (none lost, none twice, in order); a message without one (a GAP notice) is
 * counted apart. Each client has its own {@link HttpClient}, as separate programs would.
 */
final class CountingClient implements WebSocket.Listener {
    private static final String SEQ = "{\"seq\":";

    private final WebSocket socket;
    // written by the client's one delivery thread at a time, read by the benchmark after it waited
    private volatile long messages;
    private volatile long lastSeq = -1;
    private volatile long outOfOrder;
    private volatile long notices;
    private volatile int closeStatus = -1;
    private volatile String closeReason;
    private volatile Throwable error;
    // the start of the message being received, until its seq is read: a message may arrive in parts
    // split anywhere, even inside {"seq":
    private final StringBuilder head = new StringBuilder();
    private boolean headRead;

    private CountingClient(URI events, String token) {
        try {
            this.socket = HttpClient.newHttpClient()
                    .newWebSocketBuilder()
                    .header("Authorization", "Bearer " + token)
                    .connectTimeout(Duration.ofSeconds(5))
                    .buildAsync(events, this)
                    .get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new EndpointMissing("endpoint not available: " + events.getPath()
                    + " is not upgradable to a WebSocket (" + e.getCause() + ")");
        }
    }

    /** Connects a client subscribed to every event, live only. */
    static CountingClient connect(URI events, String token) {
        return new CountingClient(events, token);
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        // no flow control from this side: take everything as it comes
        webSocket.request(Long.MAX_VALUE);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        if (!headRead) {
            for (int i = 0; i < data.length() && !headRead; i++) {
                char c = data.charAt(i);
                head.append(c);
                // the prefix, then digits: done at the first character that is neither
                headRead = head.length() > SEQ.length() ? c < '0' || c > '9' : c != SEQ.charAt(head.length() - 1);
            }
        }
        if (last) {
            count(leadingSeq(head));
            head.setLength(0);
            headRead = false;
        }
        return null;
    }

    private void count(long seq) {
        if (seq < 0) {
            notices++;
            return;
        }
        if (lastSeq >= 0 && seq != lastSeq + 1) {
            outOfOrder++;
        }
        lastSeq = seq;
        messages++;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closeReason = reason;
        closeStatus = statusCode;
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable failure) {
        error = failure;
    }

    /** @return the N of a leading {@code {"seq":N}, or -1 when the message does not start so */
    private static long leadingSeq(CharSequence data) {
        if (data.length() <= SEQ.length() || data.charAt(SEQ.length()) < '0' || data.charAt(SEQ.length()) > '9') {
            return -1;
        }
        for (int i = 0; i < SEQ.length(); i++) {
            if (data.charAt(i) != SEQ.charAt(i)) {
                return -1;
            }
        }
        long seq = 0;
        for (int i = SEQ.length(); i < data.length(); i++) {
            char c = data.charAt(i);
            if (c < '0' || c > '9') {
                break;
            }
            seq = seq * 10 + (c - '0');
        }
        return seq;
    }

    /** @return the seq of the last event received, -1 before one */
    long lastSeq() {
        return lastSeq;
    }

    /** @return whether the server closed the connection, or it failed */
    boolean closed() {
        return closeStatus >= 0 || error != null;
    }

    /** @return how the connection ended ({@code 1008 client too slow: …}), or null while open */
    String closing() {
        if (closeStatus >= 0) {
            return closeStatus + " " + closeReason;
        }
        return error == null ? null : "error " + error;
    }

    /**
     * What one client got, read before the benchmark closes it (its own close is answered with 1000).
     *
     * @param messages   events (messages with a seq) received
     * @param outOfOrder events whose seq was not the one after the previous event's
     * @param notices    messages without a seq (GAP notices)
     * @param closing    how the server closed it ({@code 1008 client too slow: …}), or null
     */
    record Tally(long messages, long outOfOrder, long notices, String closing) {}

    /** @return what this client got until now */
    Tally tally() {
        return new Tally(messages, outOfOrder, notices, closing());
    }

    /** Closes from this side and lets go of the connection. */
    void close() {
        if (!closed()) {
            try {
                socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(5, TimeUnit.SECONDS);
            } catch (Exception e) {
                // closing anyway
            }
        }
        socket.abort();
    }
}
