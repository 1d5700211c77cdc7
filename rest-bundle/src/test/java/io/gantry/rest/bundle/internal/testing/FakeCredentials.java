package io.gantry.rest.bundle.internal.testing;

import io.gantry.engine.api.security.Credentials;
import io.gantry.engine.api.security.Identity;
import io.gantry.engine.api.security.Role;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Tokens and passwords the test sets; revocable. The real ones are the core's. */
public final class FakeCredentials implements Credentials {
    private final Map<String, Identity> tokens = new ConcurrentHashMap<>();
    private final Map<String, String> passwords = new ConcurrentHashMap<>();
    private final Map<String, Role> users = new ConcurrentHashMap<>();

    /**
     * @param token a token such as {@code gnt_viewer}
     * @param user  its owner
     * @param role  its role
     * @return this
     */
    public FakeCredentials token(String token, String user, Role role) {
        tokens.put(token, new Identity(user, "tok_" + user, role));
        users.put(user, role);
        return this;
    }

    /**
     * @param user     a user
     * @param password its password
     * @param role     its role
     * @return this
     */
    public FakeCredentials password(String user, String password, Role role) {
        passwords.put(user, password);
        users.put(user, role);
        return this;
    }

    /** @param token a token to stop accepting */
    public void revoke(String token) {
        Identity gone = tokens.remove(token);
        if (gone != null) {
            users.remove(gone.user());
        }
    }

    @Override
    public Optional<Identity> authenticateToken(String token) {
        return Optional.ofNullable(tokens.get(token));
    }

    @Override
    public Optional<Identity> authenticatePassword(String user, String password) {
        return password.equals(passwords.get(user))
                ? Optional.of(new Identity(user, null, users.get(user)))
                : Optional.empty();
    }

    @Override
    public Optional<Identity> recheck(Identity identity) {
        if (identity.tokenId() != null) {
            return tokens.values().stream().filter(identity::equals).findFirst();
        }
        return users.containsKey(identity.user()) ? Optional.of(identity) : Optional.empty();
    }
}
