package io.gantry.engine.api.signal;

import io.gantry.engine.api.function.PortType;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A signal as a device type declares it, or a device's config adds it.
 *
 * @param name     unique in its device: a letter, then letters, digits, {@code _}, {@code -} or {@code .}
 *                 (at most 64)
 * @param type     the type of its value, as a port's
 * @param unit     the engineering unit shown with it ({@code mm}, {@code kg}, {@code °C}); null when it has none
 * @param access   what may be done with it
 * @param pollMs   how often the controller reads it while the device is connected, in ms (10 to
 *                 3,600,000); 0 when the device pushes its changes instead (a subscription) or it is
 *                 write-only
 * @param deadband a change smaller than this (of a number) is not announced; 0 announces every change
 */
public record SignalDescriptor(
        String name, PortType type, String unit, SignalAccess access, long pollMs, double deadband) {
    /** The shortest poll interval the controller accepts, in ms. */
    public static final long MIN_POLL_MS = 10;
    /** The longest poll interval the controller accepts, in ms. */
    public static final long MAX_POLL_MS = 3_600_000;

    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]{0,63}");

    /** Checks every component. */
    public SignalDescriptor {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(access, "access");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("signal name '" + name
                    + "' must start with a letter and hold only letters, digits, '_', '-' or '.' (at most 64)");
        }
        if (pollMs != 0 && (pollMs < MIN_POLL_MS || pollMs > MAX_POLL_MS)) {
            throw new IllegalArgumentException("signal '" + name + "': pollMs must be 0 (pushed) or between "
                    + MIN_POLL_MS + " and " + MAX_POLL_MS + ", was " + pollMs);
        }
        if (!(deadband >= 0) || Double.isInfinite(deadband)) {
            throw new IllegalArgumentException("signal '" + name + "': deadband must be 0 or more, was " + deadband);
        }
    }

    /**
     * A polled read-only signal without unit or deadband.
     *
     * @param name   its name
     * @param type   its type
     * @param pollMs its poll interval
     * @return the descriptor
     */
    public static SignalDescriptor polled(String name, PortType type, long pollMs) {
        return new SignalDescriptor(name, type, null, SignalAccess.READ, pollMs, 0);
    }

    /** @return whether the controller polls it */
    public boolean polled() {
        return pollMs > 0 && access.readable();
    }

    /**
     * @param unit an engineering unit, or null
     * @return this signal with that unit
     */
    public SignalDescriptor withUnit(String unit) {
        return new SignalDescriptor(name, type, unit, access, pollMs, deadband);
    }

    /**
     * @param access what may be done with it
     * @return this signal with that access
     */
    public SignalDescriptor withAccess(SignalAccess access) {
        return new SignalDescriptor(name, type, unit, access, pollMs, deadband);
    }

    /**
     * @param deadband the smallest change announced
     * @return this signal with that deadband
     */
    public SignalDescriptor withDeadband(double deadband) {
        return new SignalDescriptor(name, type, unit, access, pollMs, deadband);
    }
}
