package io.gantry.engine.api.security;

import java.time.Instant;
import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Users and their API tokens: the use cases behind {@code /api/users}, {@code /api/tokens} and the
 * shell's {@code gantry:user-*} and {@code gantry:token-*} commands.
 */
@ProviderType
public interface UserAdministration {
    /** @return every user, by name */
    List<UserInfo> users();

    /**
     * @param name a user's name
     * @return the user
     * @throws io.gantry.engine.api.error.NotFoundException when there is none
     */
    UserInfo user(String name);

    /**
     * @param name     the new user's name
     * @param role     its role
     * @param password its password (at least 12 characters), or null for a user who logs in with tokens
     * @return the user
     * @throws io.gantry.engine.api.error.ConflictException when the name is taken
     * @throws io.gantry.engine.api.error.InvalidConfigException when the name or password is not acceptable
     */
    UserInfo createUser(String name, Role role, String password);

    /**
     * Changes a user's role or password. Lowering the role lowers its tokens' roles with it.
     *
     * @param name     a user's name
     * @param role     the new role, or null to keep it
     * @param password the new password, or null to keep it
     * @return the user
     * @throws io.gantry.engine.api.error.NotFoundException when there is none
     * @throws io.gantry.engine.api.error.InvalidConfigException when the password is not acceptable
     */
    UserInfo updateUser(String name, Role role, String password);

    /**
     * Removes a user and revokes its tokens.
     *
     * @param name a user's name
     * @throws io.gantry.engine.api.error.NotFoundException when there is none
     * @throws io.gantry.engine.api.error.ConflictException when it is the last admin
     */
    void deleteUser(String name);

    /**
     * @param user only this user's tokens; null for everyone's
     * @return tokens, revoked ones included, newest first
     */
    List<TokenInfo> tokens(String user);

    /**
     * Creates a token; its secret is in the answer and nowhere else.
     *
     * @param user      its owner
     * @param name      what it is for
     * @param role      what it may do
     * @param expiresAt when it stops working, or null for never
     * @return the token and its secret
     * @throws io.gantry.engine.api.error.NotFoundException when the user does not exist
     * @throws io.gantry.engine.api.error.InvalidConfigException when the role is higher than the owner's,
     *     or the expiry is not in the future
     */
    IssuedToken createToken(String user, String name, Role role, Instant expiresAt);

    /**
     * Revokes a token: requests, sessions and event streams using it stop being accepted.
     *
     * @param tokenId a token's id
     * @return the token, revoked
     * @throws io.gantry.engine.api.error.NotFoundException when there is none
     */
    TokenInfo revokeToken(String tokenId);
}
