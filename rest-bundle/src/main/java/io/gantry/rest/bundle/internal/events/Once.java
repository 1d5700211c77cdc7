package io.gantry.rest.bundle.internal.events;

import java.util.function.Supplier;

/**
 * A value made on first use, by whichever thread asks first, and kept: an event's text and its size
 * are worked out only if some client needs them, and then once for all.
 *
 * @param <T> the value
 */
final class Once<T> implements Supplier<T> {
    // guarded by this; let go once made, so that what the ring keeps is the value, not the event
    private Supplier<T> maker;
    private volatile T value;

    /** @param maker makes the value, never null; called at most once */
    Once(Supplier<T> maker) {
        this.maker = maker;
    }

    @Override
    public T get() {
        T made = value;
        if (made != null) {
            return made;
        }
        synchronized (this) {
            if (value == null) {
                value = maker.get();
                maker = null;
            }
            return value;
        }
    }
}
