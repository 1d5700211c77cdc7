package io.gantry.engine.core.internal.security;

import io.gantry.engine.core.internal.storage.SqliteAccountStore;
import io.gantry.engine.core.internal.storage.SqliteDatabase;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Offers the {@link AccountDirectory} over the open database to the security components, and writes
 * the tokens' last uses to disk once a minute and when it stops: a token's {@code lastUsedAt} is then
 * at most about a minute behind, for one small transaction a minute however busy the API is.
 */
@Component(service = AccountDirectory.class)
public final class AccountDirectoryComponent extends AccountDirectory {
    private static final Logger LOG = LoggerFactory.getLogger(AccountDirectoryComponent.class);
    /** How often the last uses are written. */
    static final Duration SAVE_PERIOD = Duration.ofMinutes(1);

    private final ScheduledExecutorService saver = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "gantry-token-last-use");
        thread.setDaemon(true);
        return thread;
    });

    /**
     * @param database the open database
     */
    @Activate
    public AccountDirectoryComponent(@Reference SqliteDatabase database) {
        super(new SqliteAccountStore(database));
        saver.scheduleWithFixedDelay(
                this::saveQuietly, SAVE_PERIOD.toMillis(), SAVE_PERIOD.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Stops the saving and writes what is left. */
    @Deactivate
    void deactivate() throws InterruptedException {
        saver.shutdownNow();
        saver.awaitTermination(5, TimeUnit.SECONDS);
        saveQuietly();
    }

    private void saveQuietly() {
        try {
            saveLastUses();
        } catch (RuntimeException e) {
            // bookkeeping: the next round writes the same uses again
            LOG.warn("writing when tokens were last used failed", e);
        }
    }
}
