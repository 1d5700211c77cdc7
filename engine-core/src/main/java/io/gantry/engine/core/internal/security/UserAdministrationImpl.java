package io.gantry.engine.core.internal.security;

import io.gantry.engine.api.error.ConflictException;
import io.gantry.engine.api.error.InvalidConfigException;
import io.gantry.engine.api.error.NotFoundException;
import io.gantry.engine.api.security.IssuedToken;
import io.gantry.engine.api.security.Role;
import io.gantry.engine.api.security.TokenInfo;
import io.gantry.engine.api.security.UserAdministration;
import io.gantry.engine.api.security.UserInfo;
import io.gantry.engine.core.internal.storage.DataFile;
import io.gantry.engine.core.internal.storage.StoredToken;
import io.gantry.engine.core.internal.storage.StoredUser;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Users and their API tokens: checks what is asked (names, passwords, roles, expiry), hashes
 * passwords, makes token secrets, and leaves the rules that span users to the directory. On a first
 * start it makes the initial admin ({@link InitialAdmin}).
 */
// immediate: the initial admin's token file must appear on the first start, not at first use
@Component(service = UserAdministration.class, immediate = true)
public final class UserAdministrationImpl implements UserAdministration {
    private final AccountDirectory directory;
    private final PasswordHasher hasher;
    private final TokenSecrets secrets = new TokenSecrets();
    private final Clock clock;

    /**
     * @param context   gives the {@code gantry.data} property, where the initial admin's token goes
     * @param directory the users and tokens
     */
    @Activate
    public UserAdministrationImpl(BundleContext context, @Reference AccountDirectory directory) {
        this(
                directory,
                new PasswordHasher(),
                Clock.systemUTC(),
                DataFile.folder(context.getProperty(DataFile.DATA_PROPERTY)));
    }

    /**
     * @param directory  the users and tokens
     * @param hasher     hashes passwords
     * @param clock      gives creation times and decides whether an expiry is in the future
     * @param dataFolder where the initial admin's token goes on a first start
     */
    UserAdministrationImpl(AccountDirectory directory, PasswordHasher hasher, Clock clock, Path dataFolder) {
        this.directory = directory;
        this.hasher = hasher;
        this.clock = clock;
        InitialAdmin.createIfNoUsers(this, dataFolder);
    }

    @Override
    public List<UserInfo> users() {
        return directory.users().stream().map(StoredUser::info).toList();
    }

    @Override
    public UserInfo user(String name) {
        return existing(name).info();
    }

    @Override
    public UserInfo createUser(String name, Role role, String password) {
        AccountRules.checkUserName(name);
        requireRole(role);
        // a cheap answer for a taken name before the costly hash; the directory checks again
        if (directory.user(name).isPresent()) {
            throw new ConflictException("user '" + name + "' already exists");
        }
        StoredUser user = new StoredUser(name, role, hashOf(name, password), clock.instant());
        directory.addUser(user);
        return user.info();
    }

    @Override
    public UserInfo updateUser(String name, Role role, String password) {
        existing(name);
        return directory.changeUser(name, role, hashOf(name, password)).info();
    }

    @Override
    public void deleteUser(String name) {
        directory.removeUser(name, clock.instant());
    }

    @Override
    public List<TokenInfo> tokens(String user) {
        return directory.tokens(user).stream().map(StoredToken::info).toList();
    }

    @Override
    public IssuedToken createToken(String user, String name, Role role, Instant expiresAt) {
        AccountRules.checkTokenName(name);
        requireRole(role);
        Instant now = clock.instant();
        if (expiresAt != null && !expiresAt.isAfter(now)) {
            throw new InvalidConfigException("a token must expire in the future, not at " + expiresAt);
        }
        String secret = secrets.newSecret();
        TokenInfo info = new TokenInfo(secrets.newId(), name, user, role, now, expiresAt, null, null);
        directory.addToken(new StoredToken(info, TokenSecrets.hex(TokenSecrets.sha256(secret))));
        return new IssuedToken(info, secret);
    }

    @Override
    public TokenInfo revokeToken(String tokenId) {
        return directory.revokeToken(tokenId, clock.instant()).info();
    }

    private StoredUser existing(String name) {
        return directory.user(name).orElseThrow(() -> new NotFoundException("user '" + name + "' does not exist"));
    }

    /** @return the password's hash; null for no password */
    private String hashOf(String user, String password) {
        if (password == null) {
            return null;
        }
        AccountRules.checkPassword(user, password);
        return hasher.hash(password);
    }

    private static void requireRole(Role role) {
        if (role == null) {
            throw new InvalidConfigException("a role is required: viewer, operator, engineer or admin");
        }
    }
}
