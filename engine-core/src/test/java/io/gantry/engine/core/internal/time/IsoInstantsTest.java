package io.gantry.engine.core.internal.time;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class IsoInstantsTest {
    @Test
    void writesWhatInstantToStringWritesAtTheEdges() {
        List<Instant> edges = List.of(
                Instant.EPOCH,
                Instant.ofEpochSecond(-1),
                Instant.ofEpochSecond(-1, 999_999_999),
                Instant.parse("0000-01-01T00:00:00Z"),
                Instant.parse("0000-02-29T23:59:59.5Z"),
                Instant.parse("1900-03-01T00:00:00.000001Z"),
                Instant.parse("2000-02-29T12:00:00.010Z"),
                Instant.parse("2026-12-06T20:59:05.121564523Z"),
                Instant.parse("2100-12-31T23:59:59.999999999Z"),
                Instant.parse("9999-12-31T23:59:59.999999999Z"),
                // beyond four-digit years Instant writes a sign, which the fallback keeps
                Instant.parse("+10000-01-01T00:00:00Z"),
                Instant.parse("-0001-12-31T23:59:59Z"),
                Instant.MIN,
                Instant.MAX);
        for (Instant instant : edges) {
            assertEquals(instant.toString(), IsoInstants.format(instant));
        }
    }

    @Test
    void writesWhatInstantToStringWritesForAMillionRandomInstants() {
        SplittableRandom random = new SplittableRandom(20261206);
        long min = Instant.parse("-0100-01-01T00:00:00Z").getEpochSecond();
        long max = Instant.parse("+10100-01-01T00:00:00Z").getEpochSecond();
        for (int i = 0; i < 1_000_000; i++) {
            long seconds = random.nextLong(min, max);
            int nanos = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1_000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1_000;
                default -> random.nextInt(1_000_000_000);
            };
            Instant instant = Instant.ofEpochSecond(seconds, nanos);
            assertEquals(instant.toString(), IsoInstants.format(instant), () -> "epoch second " + seconds);
        }
    }
}
