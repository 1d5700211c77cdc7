package io.gantry.mqtt.bridge.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Sparkplug {@code bdSeq} (birth/death sequence) across connects and restarts: each connect
 * attempt takes the next number (0 to 255, round again), which its will (NDEATH) and the NBIRTH that
 * follows carry. The next number is on disk before the connect is made, so a controller killed right
 * after connecting still takes a new number at its next start.
 */
final class BdSeqStore {
    private static final Logger LOG = LoggerFactory.getLogger(BdSeqStore.class);

    private final Path file;

    /** @param file where the next bdSeq is kept, e.g. {@code <data>/mqtt/bdseq} */
    BdSeqStore(Path file) {
        this.file = file;
    }

    /**
     * Takes the bdSeq for a connect attempt and keeps the one after it.
     *
     * @return 0 to 255
     * @throws UncheckedIOException when the next number cannot be written: connecting without it could
     *     repeat a bdSeq after a restart
     */
    int take() {
        int current = peek();
        try {
            SmallFiles.write(file, Integer.toString((current + 1) & 0xFF));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the next Sparkplug bdSeq to " + file, e);
        }
        return current;
    }

    /** @return the bdSeq the next connect attempt takes */
    int peek() {
        try {
            String text = SmallFiles.read(file).orElse("0");
            int value = Integer.parseInt(text);
            if (value < 0 || value > 255) {
                throw new NumberFormatException("out of range: " + value);
            }
            return value;
        } catch (IOException | NumberFormatException e) {
            // a damaged file: start again at 0 rather than never connect; hosts see a new birth anyway
            LOG.warn("cannot read the Sparkplug bdSeq from {} ({}); starting at 0", file, e.getMessage());
            return 0;
        }
    }
}
