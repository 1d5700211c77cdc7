package io.gantry.engine.core.internal.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The timers and counters recorded on every run, node and request, each built once per name and tag
 * values. A Micrometer builder copies its buckets and sorts and copies its tags on every
 * {@code register}, a dozen times per 10-node run; a lookup here costs one small key.
 */
final class Meters {
    private record Key(String name, List<String> tags) {}

    private final MeterRegistry registry;
    private final ConcurrentMap<Key, Timer> timers = new ConcurrentHashMap<>();
    private final ConcurrentMap<Key, Counter> counters = new ConcurrentHashMap<>();

    Meters(MeterRegistry registry) {
        this.registry = registry;
    }

    /**
     * @param name        the timer's name
     * @param description its help text
     * @param buckets     its histogram's bucket bounds
     * @param tags        tag keys and values, alternating
     * @return the timer, registered on first use
     */
    Timer timer(String name, String description, Duration[] buckets, String... tags) {
        return timers.computeIfAbsent(
                new Key(name, List.of(tags)),
                key -> Timer.builder(name)
                        .description(description)
                        .tags(tags)
                        .serviceLevelObjectives(buckets)
                        .register(registry));
    }

    /**
     * @param name        the counter's name
     * @param description its help text
     * @param tags        tag keys and values, alternating
     * @return the counter, registered on first use
     */
    Counter counter(String name, String description, String... tags) {
        return counters.computeIfAbsent(
                new Key(name, List.of(tags)),
                key -> Counter.builder(name).description(description).tags(tags).register(registry));
    }
}
