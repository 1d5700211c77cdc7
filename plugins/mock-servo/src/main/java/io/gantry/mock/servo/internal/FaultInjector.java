package io.gantry.mock.servo.internal;

import io.gantry.engine.api.error.DeviceFaultException;
import java.util.Random;

/**
 * Decides which commands of one mock servo go wrong, so that pipelines, retries, breakers and
 * timeouts can be tried without hardware. Three kinds of trouble, all from the config:
 *
 * <ul>
 *   <li>{@code failureRate}: each command fails on its own with that probability (retryable);
 *   <li>{@code faultAfterMoves}: after N completed moves the device latches a fault, which it
 *       reports to the controller, and refuses commands until it is reconnected;
 *   <li>{@code hang}: commands never complete until they are stopped.
 * </ul>
 *
 * <p>Not thread-safe: {@link MockServo} calls it only while holding its own lock.
 */
final class FaultInjector {
    private final String deviceId;
    private final MockServoConfig config;
    // java.util.Random rather than ThreadLocalRandom: a seed makes the failure sequence repeatable.
    private final Random dice;
    private int completedMoves;
    private String latchedFault;

    FaultInjector(String deviceId, MockServoConfig config) {
        this.deviceId = deviceId;
        this.config = config;
        this.dice = config.seed() == null ? new Random() : new Random(config.seed());
    }

    /** @return whether commands hang until they are stopped */
    boolean hangs() {
        return config.hang();
    }

    /**
     * Rolls the dice for one command.
     *
     * @param command the command's name, for the message
     * @return the failure to report, or null when the command may go ahead
     */
    DeviceFaultException rollFailure(String command) {
        if (config.failureRate() > 0 && dice.nextDouble() < config.failureRate()) {
            return new DeviceFaultException(
                    deviceId,
                    "device '" + deviceId + "': injected failure of '" + command + "' (failureRate "
                            + config.failureRate() + ")");
        }
        return null;
    }

    /**
     * Counts a completed move.
     *
     * @return the reason of the fault this move latched, or null when it latched none
     */
    String countMove() {
        completedMoves++;
        if (latchedFault == null && config.faultAfterMoves() > 0 && completedMoves >= config.faultAfterMoves()) {
            latchedFault = "device '" + deviceId + "': injected fault after " + completedMoves + " moves";
            return latchedFault;
        }
        return null;
    }

    /** @return the latched fault as an exception to fail a command with, or null when there is none */
    DeviceFaultException latched() {
        return latchedFault == null
                ? null
                : new DeviceFaultException(deviceId, latchedFault + "; reconnect the device to clear it");
    }

    /** Clears the latched fault and the move count, as a reconnect resets a real drive's alarm. */
    void reset() {
        completedMoves = 0;
        latchedFault = null;
    }
}
