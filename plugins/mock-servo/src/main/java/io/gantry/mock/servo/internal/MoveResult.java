package io.gantry.mock.servo.internal;

/**
 * What a completed move reports.
 *
 * @param position  where the axis stands now
 * @param elapsedMs how long the command took, latency included, in milliseconds
 */
public record MoveResult(double position, long elapsedMs) {}
