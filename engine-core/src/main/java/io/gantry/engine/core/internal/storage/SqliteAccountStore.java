package io.gantry.engine.core.internal.storage;

import io.gantry.engine.api.error.ConflictException;
import io.gantry.engine.api.security.Role;
import io.gantry.engine.api.security.TokenInfo;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Users and their API tokens in SQLite: a {@code user_account} row per user, an {@code api_token}
 * row per token (revoked ones too). Every method is one write transaction, so a change that touches
 * a user and its tokens (a demotion, a removal) is on disk whole or not at all. The caller keeps
 * these tables in memory and is their only writer; this class checks nothing a caller should have.
 */
public class SqliteAccountStore {
    private static final String SELECT_USER = "SELECT name, role, password_hash, created_at FROM user_account ";
    private static final String SELECT_TOKEN = "SELECT id, name, owner, role, secret_sha256, created_at, expires_at, "
            + "last_used_at, revoked_at FROM api_token ";

    private final SqliteDatabase database;

    /**
     * @param database the database
     */
    public SqliteAccountStore(SqliteDatabase database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    /** @return every user, by name */
    public List<StoredUser> users() {
        return database.query("list users", SELECT_USER + "ORDER BY name", SqliteAccountStore::user);
    }

    /** @return every token, revoked ones included, oldest first */
    public List<StoredToken> tokens() {
        return database.query("list tokens", SELECT_TOKEN + "ORDER BY created_at, id", SqliteAccountStore::token);
    }

    /**
     * @param user a new user
     * @throws ConflictException when a user of that name exists
     */
    public void insertUser(StoredUser user) {
        database.write("create user '" + user.name() + "'", c -> {
            if (Sql.exists(c, "SELECT 1 FROM user_account WHERE name = ?", user.name())) {
                throw new ConflictException("user '" + user.name() + "' already exists");
            }
            return Sql.update(
                    c,
                    "INSERT INTO user_account (name, role, password_hash, created_at) VALUES (?, ?, ?, ?)",
                    user.name(),
                    user.role().id(),
                    user.passwordHash(),
                    Columns.nanos(user.createdAt()));
        });
    }

    /**
     * Changes a user's role and password hash, and the tokens that change with it, together.
     *
     * @param user   the user as it is now
     * @param tokens its tokens whose role or revocation changed with it
     */
    public void updateUser(StoredUser user, Collection<StoredToken> tokens) {
        database.write("update user '" + user.name() + "'", c -> {
            Sql.update(
                    c,
                    "UPDATE user_account SET role = ?, password_hash = ? WHERE name = ?",
                    user.role().id(),
                    user.passwordHash(),
                    user.name());
            return updateTokens(c, tokens);
        });
    }

    /**
     * Removes a user and records its tokens' revocation, together.
     *
     * @param name    the user's name
     * @param revoked its tokens, revoked
     */
    public void deleteUser(String name, Collection<StoredToken> revoked) {
        database.write("delete user '" + name + "'", c -> {
            Sql.update(c, "DELETE FROM user_account WHERE name = ?", name);
            return updateTokens(c, revoked);
        });
    }

    /** @param token a new token */
    public void insertToken(StoredToken token) {
        TokenInfo info = token.info();
        database.write(
                "create token '" + info.id() + "'",
                c -> Sql.update(
                        c,
                        "INSERT INTO api_token (id, name, owner, role, secret_sha256, created_at, expires_at, "
                                + "last_used_at, revoked_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        info.id(),
                        info.name(),
                        info.user(),
                        info.role().id(),
                        token.secretSha256(),
                        Columns.nanos(info.createdAt()),
                        Columns.nanos(info.expiresAt()),
                        Columns.nanos(info.lastUsedAt()),
                        Columns.nanos(info.revokedAt())));
    }

    /** @param token a token whose role or revocation changed */
    public void updateToken(StoredToken token) {
        database.write("update token '" + token.id() + "'", c -> updateTokens(c, List.of(token)));
    }

    /**
     * Records when tokens were last used, in one transaction; a time older than the stored one is
     * ignored, so a late write never moves it back.
     *
     * @param lastUsed per token id, when it was last used
     */
    public void saveLastUsed(Map<String, Instant> lastUsed) {
        if (lastUsed.isEmpty()) {
            return;
        }
        database.write("record when " + lastUsed.size() + " tokens were last used", c -> {
            for (Map.Entry<String, Instant> used : lastUsed.entrySet()) {
                Long at = Columns.nanos(used.getValue());
                Sql.update(
                        c,
                        "UPDATE api_token SET last_used_at = ? WHERE id = ? "
                                + "AND (last_used_at IS NULL OR last_used_at < ?)",
                        at,
                        used.getKey(),
                        at);
            }
            return null;
        });
    }

    private static Void updateTokens(Connection c, Collection<StoredToken> tokens) throws SQLException {
        for (StoredToken token : tokens) {
            Sql.update(
                    c,
                    "UPDATE api_token SET role = ?, revoked_at = ? WHERE id = ?",
                    token.info().role().id(),
                    Columns.nanos(token.info().revokedAt()),
                    token.id());
        }
        return null;
    }

    private static StoredUser user(ResultSet row) throws SQLException {
        return new StoredUser(
                row.getString("name"),
                Role.of(row.getString("role")),
                row.getString("password_hash"),
                Columns.instant(row, "created_at"));
    }

    private static StoredToken token(ResultSet row) throws SQLException {
        return new StoredToken(
                new TokenInfo(
                        row.getString("id"),
                        row.getString("name"),
                        row.getString("owner"),
                        Role.of(row.getString("role")),
                        Columns.instant(row, "created_at"),
                        Columns.instant(row, "expires_at"),
                        Columns.instant(row, "last_used_at"),
                        Columns.instant(row, "revoked_at")),
                row.getString("secret_sha256"));
    }
}
