package io.gantry.engine.core.internal.storage;

import io.gantry.engine.api.pipeline.PipelineVersion;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The latest version of each pipeline read so far, so that starting a stored pipeline — the hot
 * path of every run — does not read and parse its definition from the file each time. The
 * repository is the only writer of the pipeline tables and tells the cache after each commit. A read
 * that raced with a write is not cached: it may have seen the table before the write.
 */
final class LatestVersionCache {
    private final Map<String, PipelineVersion> latest = new ConcurrentHashMap<>();
    private final AtomicLong writes = new AtomicLong();

    /**
     * @param id   a pipeline id
     * @param read reads its latest version from the database
     * @return the cached version, or what {@code read} found
     */
    Optional<PipelineVersion> get(String id, Supplier<Optional<PipelineVersion>> read) {
        PipelineVersion cached = latest.get(id);
        if (cached != null) {
            return Optional.of(cached);
        }
        long writesBefore = writes.get();
        Optional<PipelineVersion> found = read.get();
        if (found.isPresent() && writes.get() == writesBefore) {
            latest.merge(id, found.get(), LatestVersionCache::newer);
        }
        return found;
    }

    /** @param saved a version just committed */
    void saved(PipelineVersion saved) {
        writes.incrementAndGet();
        latest.merge(saved.id(), saved, LatestVersionCache::newer);
    }

    /** @param id a pipeline just deleted */
    void deleted(String id) {
        writes.incrementAndGet();
        latest.remove(id);
    }

    private static PipelineVersion newer(PipelineVersion a, PipelineVersion b) {
        return a.version() >= b.version() ? a : b;
    }
}
