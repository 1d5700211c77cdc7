package io.gantry.mock.servo.internal;

import java.util.concurrent.TimeUnit;

/**
 * One simulated motion at constant speed, so that a stopped move can tell where the axis stood.
 * Acceleration is left out on purpose: the time a move takes is then simply |Δposition| / speed,
 * which pipelines and tests can predict.
 *
 * @param from        where the motion starts
 * @param to          where it ends
 * @param speed       position units per second, above 0
 * @param startNanos  {@link System#nanoTime()} at which the axis starts moving
 */
record Motion(double from, double to, double speed, long startNanos) {

    /** @return how long the motion takes, in nanoseconds */
    long durationNanos() {
        return (long) (Math.abs(to - from) / speed * TimeUnit.SECONDS.toNanos(1));
    }

    /**
     * @param nanos a {@link System#nanoTime()} reading
     * @return where the axis stands then: {@code from} before the start, {@code to} after the end
     */
    double positionAt(long nanos) {
        double seconds = Math.max(0, nanos - startNanos) / (double) TimeUnit.SECONDS.toNanos(1);
        double travelled = Math.min(Math.abs(to - from), speed * seconds);
        return from + Math.signum(to - from) * travelled;
    }
}
