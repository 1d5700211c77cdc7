package io.gantry.engine.api.pipeline;

/**
 * How often a node runs: a bounded loop. Either {@code times} (run exactly that many times) or
 * {@code until} with {@code maxIterations} (run until a boolean output of the node itself is true,
 * failing the node with {@code repeat-exhausted} when it is still false after that many iterations).
 * Every iteration is one call of the node's function with the same inputs, its own retry policy and
 * timeout; the node's outputs are the last iteration's. Between iterations the node waits
 * {@code intervalMs} without holding its device or a worker.
 *
 * <p>The record holds what was written; the pipeline validator checks it at save (exactly one of
 * {@code times} and {@code maxIterations}, each from 1 to {@link #MAX_ITERATIONS}, {@code until} with
 * {@code maxIterations} only, {@code intervalMs} from 0 to {@link #MAX_INTERVAL_MS}).
 *
 * @param times         run exactly this many times; null for an {@code until} loop
 * @param until         the name of a boolean output port of this node; the loop ends when it is true;
 *                      null for a {@code times} loop
 * @param maxIterations the bound of an {@code until} loop; null for a {@code times} loop
 * @param intervalMs    the wait between the end of one iteration and the start of the next, in ms;
 *                      null for none
 * @since 1.1
 */
public record RepeatSpec(Integer times, String until, Integer maxIterations, Long intervalMs) {
    /** The largest {@code times} or {@code maxIterations} a pipeline may declare. */
    public static final int MAX_ITERATIONS = 10_000;
    /** The longest {@code intervalMs} a pipeline may declare: one hour. */
    public static final long MAX_INTERVAL_MS = 3_600_000L;

    /**
     * @param count how many times to run
     * @return a loop that runs {@code count} times without waiting
     */
    public static RepeatSpec times(int count) {
        return new RepeatSpec(count, null, null, null);
    }

    /**
     * @param port          a boolean output port of the node
     * @param maxIterations the bound
     * @param intervalMs    the wait between iterations, in ms
     * @return a loop that runs until {@code port} is true, at most {@code maxIterations} times
     */
    public static RepeatSpec until(String port, int maxIterations, long intervalMs) {
        return new RepeatSpec(null, port, maxIterations, intervalMs);
    }

    /** @return true for an {@code until} loop */
    public boolean polls() {
        return until != null;
    }

    /** @return the most iterations the loop runs: {@code times}, else {@code maxIterations}, else 1 */
    public int bound() {
        if (times != null) {
            return times;
        }
        return maxIterations != null ? maxIterations : 1;
    }

    /** @return the wait between iterations in ms, 0 when not given */
    public long interval() {
        return intervalMs == null ? 0 : intervalMs;
    }
}
