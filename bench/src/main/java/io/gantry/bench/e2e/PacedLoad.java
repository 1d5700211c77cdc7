package io.gantry.bench.e2e;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * An open loop: POSTs a request every {@code 1/rate} seconds whatever the answers do (unlike wrk's
 * closed loop, where a slow answer delays the next request). Each latency is taken from the moment the
 * request was due, not from when it was sent, so a controller (or a client) that falls behind shows
 * in the figures instead of quietly lowering the rate.
 */
final class PacedLoad {
    /**
     * @param sent           requests sent
     * @param failed         answers other than 200, or no answer
     * @param runsPerSecond  answers per second, first due to last answered
     * @param p50Ms          median latency from due to answered
     * @param p99Ms          99th percentile of the same
     * @param maxMs          the slowest
     */
    record Run(int sent, int failed, double runsPerSecond, double p50Ms, double p99Ms, double maxMs) {}

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();
    private final HttpRequest request;

    /**
     * @param url   what to POST to
     * @param body  the JSON body
     * @param token the bearer token
     */
    PacedLoad(String url, String body, String token) {
        this.request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    /** Sends {@code perSecond × duration} requests, evenly spaced, and waits for every answer. */
    Run run(int perSecond, Duration duration) {
        int total = (int) (perSecond * duration.toSeconds());
        long every = TimeUnit.SECONDS.toNanos(1) / perSecond;
        long[] latencies = new long[total];
        AtomicInteger failed = new AtomicInteger();
        CompletableFuture<?>[] answers = new CompletableFuture<?>[total];
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(10);
        for (int i = 0; i < total; i++) {
            long due = start + i * every;
            for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                LockSupport.parkNanos(wait);
            }
            int index = i;
            answers[i] = client.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                    .whenComplete((response, error) -> {
                        latencies[index] = System.nanoTime() - due;
                        if (error != null || response.statusCode() != 200) {
                            failed.incrementAndGet();
                        }
                    });
        }
        try {
            CompletableFuture.allOf(answers).exceptionally(e -> null).get(60, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException("runs still unanswered 60 s after the last was sent", e);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        long end = System.nanoTime();
        // the futures completed after their latency was written: allOf makes those writes visible here
        long[] sorted = latencies.clone();
        Arrays.sort(sorted);
        return new Run(
                total,
                failed.get(),
                total / ((end - start) / 1e9),
                percentileMs(sorted, 0.50),
                percentileMs(sorted, 0.99),
                sorted[sorted.length - 1] / 1e6);
    }

    private static double percentileMs(long[] sorted, double fraction) {
        return sorted[Math.min(sorted.length - 1, (int) Math.floor(fraction * sorted.length))] / 1e6;
    }
}
