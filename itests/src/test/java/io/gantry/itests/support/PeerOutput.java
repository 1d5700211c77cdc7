package io.gantry.itests.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The stdout of a test peer (a protocol server we did not write, run as a process), read line by line
 * on a thread of its own: lines it reports as they happen (a request, a write) go to a handler, the
 * others wait to be {@link #await}ed — the way tests synchronise with a peer, never by sleeping.
 */
public final class PeerOutput {
    private final String peer;
    private final String log;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

    private PeerOutput(String peer, String log) {
        this.peer = peer;
        this.log = log;
    }

    /**
     * Starts reading a process's stdout.
     *
     * @param process  the peer
     * @param peer     its name, for messages and the reader thread
     * @param log      where its stderr goes, for messages
     * @param reported takes the lines it reports as they happen (and is true for them); the others are kept
     * @return the reader
     */
    public static PeerOutput read(Process process, String peer, String log, Predicate<String> reported) {
        PeerOutput output = new PeerOutput(peer, log);
        Thread reader = new Thread(() -> output.readAll(process, reported), peer + "-stdout");
        reader.setDaemon(true);
        reader.start();
        return output;
    }

    private void readAll(Process process, Predicate<String> reported) {
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (!reported.test(line)) {
                    lines.add(line);
                }
            }
        } catch (IOException e) {
            // the process ended
        }
    }

    /**
     * @param prefix  how the awaited line begins; kept lines before it are passed over
     * @param seconds how long to wait for it
     * @return the line
     */
    public String await(String prefix, long seconds) {
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            while (true) {
                String line = lines.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (line == null) {
                    throw new IllegalStateException(
                            "the " + peer + " did not print '" + prefix + "' within " + seconds + " s; see " + log);
                }
                if (line.startsWith(prefix)) {
                    return line;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
