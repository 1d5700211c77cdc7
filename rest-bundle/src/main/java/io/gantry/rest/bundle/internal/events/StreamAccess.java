package io.gantry.rest.bundle.internal.events;

import io.gantry.engine.api.security.Credentials;
import io.gantry.rest.bundle.internal.security.BrowserSessions;
import io.gantry.rest.bundle.internal.security.Caller;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps every open event stream tied to the credentials it was opened with: once a second each
 * stream's caller is checked again, and a stream whose token was revoked or expired, whose user was
 * removed, or whose browser session ended is closed with 1008 (policy violation) and a reason. The
 * check is in memory (the core keeps its tokens there), so a second is cheap.
 */
final class StreamAccess implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StreamAccess.class);
    static final int POLICY_VIOLATION = 1008;

    private final Credentials credentials;
    private final BrowserSessions sessions;
    private final Map<EventStreamSocket, Caller> open = new ConcurrentHashMap<>();
    private final ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "gantry-stream-access");
        thread.setDaemon(true);
        return thread;
    });

    StreamAccess(Credentials credentials, BrowserSessions sessions) {
        this.credentials = credentials;
        this.sessions = sessions;
        sweeper.scheduleWithFixedDelay(this::sweep, 1, 1, TimeUnit.SECONDS);
    }

    void opened(EventStreamSocket socket, Caller caller) {
        open.put(socket, caller);
    }

    void closed(EventStreamSocket socket) {
        open.remove(socket);
    }

    private void sweep() {
        open.forEach((socket, caller) -> {
            try {
                String refusal = refusal(caller);
                if (refusal != null) {
                    open.remove(socket);
                    LOG.info("closing the event stream of {}: {}", caller.getName(), refusal);
                    socket.close(POLICY_VIOLATION, refusal);
                }
            } catch (RuntimeException e) {
                // one failing check must not stop the others'
                LOG.warn("checking the event stream of {} failed", caller.getName(), e);
            }
        });
    }

    private String refusal(Caller caller) {
        if (caller.viaSession()) {
            return sessions.peek(caller.sessionId()).isPresent() ? null : "session ended";
        }
        return credentials.recheck(caller.identity()).isPresent() ? null : "credentials revoked or expired";
    }

    @Override
    public void close() {
        sweeper.shutdownNow();
    }
}
