package io.gantry.engine.api.event;

import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Every {@code gantry/*} event the controller published, kept on disk in the order they were
 * delivered, for a client that was away — an HMI that lost its connection, a bridge whose broker was
 * down, anyone across a restart of the controller. Events are grouped by <em>epoch</em>, one per start
 * of the controller, and numbered within it ({@link EventProperties#EPOCH}, {@link EventProperties#SEQ});
 * epochs follow each other in the order the controller started. Events are written in the background,
 * a few milliseconds after delivery; the newest ones are lost when the process is killed before they
 * were written, and under an overload that outruns the disk some are not kept at all (a reader sees
 * their numbers missing). Old events are deleted by count and age.
 */
@ProviderType
public interface EventLog {
    /** @return the epoch of this start of the controller */
    String epoch();

    /**
     * @return the seq of the newest event of this epoch, 0 before the first; it may not be on disk yet
     *     ({@link #after} returns it a few milliseconds later)
     */
    long lastSeq();

    /**
     * @param epoch an epoch
     * @return whether it is this start's or the log still holds any event of it
     */
    boolean knows(String epoch);

    /** @return the oldest event the log still holds; empty when it holds none */
    Optional<LoggedEvent> oldest();

    /**
     * Reads what followed an event.
     *
     * @param epoch    the epoch of the last event the reader has; one the log {@link #knows}
     * @param afterSeq its seq (0 for the start of the epoch)
     * @param max      the most events to return, at least 1
     * @return the events after it, oldest first, running on into the later epochs; empty when there are
     *     none on disk yet, or the epoch is unknown
     */
    List<LoggedEvent> after(String epoch, long afterSeq, int max);
}
