package io.gantry.engine.core.internal.security;

import io.gantry.engine.api.error.ConflictException;
import io.gantry.engine.api.error.InvalidConfigException;
import io.gantry.engine.api.error.NotFoundException;
import io.gantry.engine.api.security.Role;
import io.gantry.engine.core.internal.storage.SqliteAccountStore;
import io.gantry.engine.core.internal.storage.StoredToken;
import io.gantry.engine.core.internal.storage.StoredUser;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The users and API tokens as they are now, held in memory — what authentication reads, so that a
 * request costs no database read — and written through to SQLite on every change. Changes run one at
 * a time, the database first and memory after, so memory never shows what is not on disk, and rules
 * that span users (there is always an admin; a token never outranks its owner) hold. Reads take no
 * lock: they see each user and token either before or after a change.
 */
public class AccountDirectory {
    private final SqliteAccountStore store;
    private final Map<String, StoredUser> users = new ConcurrentHashMap<>();
    private final Map<String, StoredToken> tokensById = new ConcurrentHashMap<>();
    private final Map<String, StoredToken> tokensByHash = new ConcurrentHashMap<>();
    private final LastUses lastUses = new LastUses();
    private final Object changes = new Object();

    /**
     * Loads every user and token.
     *
     * @param store where they are kept
     */
    public AccountDirectory(SqliteAccountStore store) {
        this.store = Objects.requireNonNull(store, "store");
        for (StoredUser user : store.users()) {
            users.put(user.name(), user);
        }
        for (StoredToken token : store.tokens()) {
            remember(token);
            lastUses.loaded(token.id(), token.info().lastUsedAt());
        }
    }

    /** @return the lower of two roles */
    static Role lower(Role a, Role b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** @return true when there is no user at all (a first start) */
    boolean isEmpty() {
        return users.isEmpty();
    }

    /** @return every user, by name */
    List<StoredUser> users() {
        return users.values().stream()
                .sorted(Comparator.comparing(StoredUser::name))
                .toList();
    }

    /** @return the user of that name */
    Optional<StoredUser> user(String name) {
        return name == null ? Optional.empty() : Optional.ofNullable(users.get(name));
    }

    /**
     * @param user only this user's; null for everyone's
     * @return tokens, revoked ones included, newest first, each with its last use as known now
     */
    List<StoredToken> tokens(String user) {
        return tokensById.values().stream()
                .filter(token -> user == null || user.equals(token.info().user()))
                .map(this::withLastUse)
                .sorted(Comparator.comparing((StoredToken token) -> token.info().createdAt())
                        .thenComparing(StoredToken::id)
                        .reversed())
                .toList();
    }

    /** @return the token with that id, with its last use as known now */
    Optional<StoredToken> token(String id) {
        return id == null
                ? Optional.empty()
                : Optional.ofNullable(tokensById.get(id)).map(this::withLastUse);
    }

    /**
     * @param hash the SHA-256 of a secret
     * @return the token of that secret, revoked or expired ones included
     */
    Optional<StoredToken> tokenWithHash(byte[] hash) {
        StoredToken token = tokensByHash.get(TokenSecrets.hex(hash));
        // the map matched the text already; the bytes are compared in constant time all the same,
        // so that the answer does not rest on how a map compares keys
        if (token == null || !MessageDigest.isEqual(TokenSecrets.unhex(token.secretSha256()), hash)) {
            return Optional.empty();
        }
        return Optional.of(token);
    }

    /** Notes that a token authenticated a request; see {@link #saveLastUses}. */
    void used(StoredToken token, Instant at) {
        lastUses.used(token.id(), at);
    }

    /**
     * Writes the uses noted since the last save, in one transaction.
     *
     * @return how many tokens' last use was written
     */
    int saveLastUses() {
        Map<String, Instant> unsaved = lastUses.unsaved();
        store.saveLastUsed(unsaved);
        lastUses.saved(unsaved);
        return unsaved.size();
    }

    /**
     * @param user a new user
     * @throws ConflictException when the name is taken
     */
    void addUser(StoredUser user) {
        synchronized (changes) {
            if (users.containsKey(user.name())) {
                throw new ConflictException("user '" + user.name() + "' already exists");
            }
            store.insertUser(user);
            users.put(user.name(), user);
        }
    }

    /**
     * Changes a user's role or password hash; lowering the role lowers its tokens' roles with it.
     *
     * @param name         the user's name
     * @param role         the new role, or null to keep it
     * @param passwordHash the new hash, or null to keep it
     * @return the user as it is now
     * @throws NotFoundException when there is no such user
     * @throws ConflictException when this would demote the last admin
     */
    StoredUser changeUser(String name, Role role, String passwordHash) {
        synchronized (changes) {
            StoredUser before = existing(name);
            StoredUser after = before.withRole(role == null ? before.role() : role)
                    .withPasswordHash(passwordHash == null ? before.passwordHash() : passwordHash);
            if (after.role() != Role.ADMIN) {
                refuseLosingTheLastAdmin(before, "demote");
            }
            List<StoredToken> lowered = new ArrayList<>();
            for (StoredToken token : tokensById.values()) {
                if (token.info().user().equals(name) && token.info().role().compareTo(after.role()) > 0) {
                    lowered.add(token.withRole(after.role()));
                }
            }
            store.updateUser(after, lowered);
            users.put(name, after);
            lowered.forEach(this::remember);
            return after;
        }
    }

    /**
     * Removes a user and revokes its tokens.
     *
     * @param name the user's name
     * @param at   when its tokens are revoked
     * @throws NotFoundException when there is no such user
     * @throws ConflictException when it is the last admin
     */
    void removeUser(String name, Instant at) {
        synchronized (changes) {
            refuseLosingTheLastAdmin(existing(name), "remove");
            List<StoredToken> revoked = new ArrayList<>();
            for (StoredToken token : tokensById.values()) {
                if (token.info().user().equals(name) && token.info().revokedAt() == null) {
                    revoked.add(token.revoked(at));
                }
            }
            store.deleteUser(name, revoked);
            users.remove(name);
            revoked.forEach(this::remember);
        }
    }

    /**
     * @param token a new token
     * @throws NotFoundException when its owner does not exist
     * @throws InvalidConfigException when its role is above its owner's
     */
    void addToken(StoredToken token) {
        synchronized (changes) {
            StoredUser owner = existing(token.info().user());
            Role role = token.info().role();
            if (!owner.role().includes(role)) {
                throw new InvalidConfigException("a token of user '" + owner.name() + "' cannot have role " + role.id()
                        + ": the user is " + owner.role().id());
            }
            store.insertToken(token);
            remember(token);
        }
    }

    /**
     * @param id a token's id
     * @param at when it is revoked; a token revoked earlier keeps its time
     * @return the token, revoked
     * @throws NotFoundException when there is no such token
     */
    StoredToken revokeToken(String id, Instant at) {
        synchronized (changes) {
            StoredToken before =
                    token(id).orElseThrow(() -> new NotFoundException("token '" + id + "' does not exist"));
            StoredToken after = before.revoked(at);
            if (after != before) {
                store.updateToken(after);
                remember(after);
            }
            return after;
        }
    }

    private StoredUser existing(String name) {
        return user(name).orElseThrow(() -> new NotFoundException("user '" + name + "' does not exist"));
    }

    private void refuseLosingTheLastAdmin(StoredUser user, String change) {
        boolean lastAdmin = user.role() == Role.ADMIN
                && users.values().stream().filter(u -> u.role() == Role.ADMIN).count() == 1;
        if (lastAdmin) {
            throw new ConflictException("cannot " + change + " user '" + user.name()
                    + "': it is the last admin; make another user admin first");
        }
    }

    private void remember(StoredToken token) {
        tokensById.put(token.id(), token);
        tokensByHash.put(token.secretSha256(), token);
    }

    private StoredToken withLastUse(StoredToken token) {
        Instant used = lastUses.of(token.id());
        return used == null ? token : token.withLastUsedAt(used);
    }
}
