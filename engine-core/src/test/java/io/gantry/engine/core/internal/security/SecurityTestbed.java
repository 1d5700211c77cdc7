package io.gantry.engine.core.internal.security;

import io.gantry.engine.api.security.AuditTrail;
import io.gantry.engine.api.security.Credentials;
import io.gantry.engine.api.security.UserAdministration;
import io.gantry.engine.core.internal.storage.MutableClock;
import io.gantry.engine.core.internal.storage.SqliteAccountStore;
import io.gantry.engine.core.internal.storage.SqliteAuditLog;
import io.gantry.engine.core.internal.storage.SqliteDatabase;
import io.gantry.engine.core.internal.storage.TestDatabases;
import java.nio.file.Path;
import java.time.Instant;

/**
 * The security components over a real SQLite file, built as DS builds them but with a clock the test
 * moves and a cheap password hash (600,000 iterations would make every test take seconds; the
 * hasher's own test checks the real count). {@link #restart} is a controller restart: the database
 * closed and opened again, every component made anew over it.
 */
public final class SecurityTestbed implements AutoCloseable {
    static final int CHEAP_ITERATIONS = 1_000;

    final Path dir;
    final Path dataFolder;
    final MutableClock clock = new MutableClock(Instant.parse("2026-12-03T08:00:00Z"));
    final PasswordHasher hasher = new PasswordHasher(CHEAP_ITERATIONS);
    SqliteDatabase database;
    AccountDirectory directory;
    UserAdministrationImpl users;
    CredentialsImpl credentials;
    AuditTrailImpl audit;

    /**
     * @param dir a folder of the test's own: the database and the data folder go there
     */
    public SecurityTestbed(Path dir) {
        this.dir = dir;
        this.dataFolder = dir.resolve("data");
        start();
    }

    /** @return the initial admin's token file */
    Path tokenFile() {
        return dataFolder.resolve(InitialAdmin.FILE);
    }

    void restart() {
        close();
        start();
    }

    private void start() {
        database = TestDatabases.open(dir.resolve("gantry.db"));
        directory = new AccountDirectory(new SqliteAccountStore(database));
        users = new UserAdministrationImpl(directory, hasher, clock, dataFolder);
        credentials = new CredentialsImpl(directory, hasher, clock);
        audit = new AuditTrailImpl(new SqliteAuditLog(database, clock), null, clock, AuditTrailImpl.WAIT);
    }

    /** @return the users and tokens */
    public UserAdministration users() {
        return users;
    }

    /** @return the authentication */
    public Credentials credentials() {
        return credentials;
    }

    /** @return the audit trail */
    public AuditTrail audit() {
        return audit;
    }

    /** @return the clock the components read */
    public MutableClock clock() {
        return clock;
    }

    @Override
    public void close() {
        audit.deactivate();
        database.close();
    }
}
