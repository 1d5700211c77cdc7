package io.gantry.rest.bundle.internal.events;

import java.util.function.Supplier;

/** A text written on first use, by whichever thread asks first, and kept. */
final class OnceText implements Supplier<String> {
    // guarded by this; let go once written, so that what the ring keeps is the text, not the event
    private Supplier<String> writer;
    private volatile String text;

    /** @param writer writes the text; called at most once */
    OnceText(Supplier<String> writer) {
        this.writer = writer;
    }

    @Override
    public String get() {
        String written = text;
        if (written != null) {
            return written;
        }
        synchronized (this) {
            if (text == null) {
                text = writer.get();
                writer = null;
            }
            return text;
        }
    }
}
