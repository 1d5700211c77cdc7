package io.gantry.bench.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The load tool: wrk (Debian's {@code wrk} 4.x), a closed loop of keep-alive connections each
 * sending the next request as soon as the answer arrives. Latencies are its own
 * {@code --latency} percentiles.
 */
final class Wrk {
    private static final Pattern REQUESTS_PER_SECOND = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private static final Pattern NOT_OK = Pattern.compile("Non-2xx or 3xx responses:\\s+(\\d+)");
    private static final Pattern SOCKET_ERRORS = Pattern.compile("Socket errors:([^\\n]*)");

    /**
     * @param requestsPerSecond completed requests per second
     * @param p50Ms             median latency
     * @param p99Ms             99th percentile latency
     * @param failures          answers other than 2xx/3xx plus socket errors, as wrk reports them
     */
    record Run(double requestsPerSecond, double p50Ms, double p99Ms, String failures) {}

    private final Path script;

    /** @param script a wrk Lua script shaping the request (method, body, headers) */
    Wrk(Path script) {
        this.script = script;
    }

    /** @throws IllegalStateException when wrk is not on the PATH */
    static void requireInstalled() {
        if (!Command.available(List.of("wrk", "--version"))) {
            throw new IllegalStateException("wrk is not installed (bench/run installs it with apt-get)");
        }
    }

    /** Writes a script that POSTs {@code json} with a JSON content type and the bearer token. */
    static Wrk posting(Path folder, String name, String json, String token) {
        String lua = "wrk.method = \"POST\"\n"
                + "wrk.body = [[" + json + "]]\n"
                + "wrk.headers[\"Content-Type\"] = \"application/json\"\n"
                + "wrk.headers[\"Authorization\"] = \"Bearer " + token + "\"\n";
        try {
            Path file = Files.createDirectories(folder).resolve(name + ".lua");
            Files.writeString(file, lua, StandardCharsets.UTF_8);
            return new Wrk(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** wrk needs at least one connection per thread; two threads match the two cores measured on. */
    Run run(String url, int connections, Duration duration) {
        int threads = Math.min(2, connections);
        String output = Command.run(List.of(
                "wrk",
                "-t" + threads,
                "-c" + connections,
                "-d" + duration.toSeconds() + "s",
                "--latency",
                "-s",
                script.toString(),
                url));
        return new Run(
                number(REQUESTS_PER_SECOND, output),
                percentileMs(output, "50%"),
                percentileMs(output, "99%"),
                failures(output));
    }

    private static String failures(String output) {
        StringBuilder failures = new StringBuilder();
        Matcher notOk = NOT_OK.matcher(output);
        if (notOk.find()) {
            failures.append(notOk.group(1)).append(" non-2xx answers");
        }
        Matcher socket = SOCKET_ERRORS.matcher(output);
        if (socket.find()) {
            failures.append(failures.length() > 0 ? "; " : "")
                    .append("socket errors:")
                    .append(socket.group(1));
        }
        return failures.length() == 0 ? null : failures.toString();
    }

    /** Reads a line like {@code 99%    1.50ms} of the latency distribution. */
    private static double percentileMs(String output, String percentile) {
        Matcher line = Pattern.compile("\\s" + Pattern.quote(percentile) + "\\s+([0-9.]+)(us|ms|s)\\b")
                .matcher(output);
        if (!line.find()) {
            throw new IllegalStateException("no " + percentile + " latency in wrk's output:\n" + output);
        }
        double value = Double.parseDouble(line.group(1));
        return switch (line.group(2)) {
            case "us" -> value / 1000;
            case "s" -> value * 1000;
            default -> value;
        };
    }

    private static double number(Pattern pattern, String output) {
        Matcher matcher = pattern.matcher(output);
        if (!matcher.find()) {
            throw new IllegalStateException("unexpected wrk output:\n" + output);
        }
        return Double.parseDouble(matcher.group(1));
    }
}
