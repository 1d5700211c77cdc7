package io.gantry.engine.api.security;

import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Authenticates callers. Answers never say why a credential was refused (unknown user, wrong
 * password, revoked or expired token look the same), so that a caller cannot probe which users or
 * tokens exist.
 */
@ProviderType
public interface Credentials {
    /**
     * @param token an API token as the caller sent it ({@code gnt_…}); anything else is refused
     * @return the caller, when the token is known, not revoked and not expired
     */
    Optional<Identity> authenticateToken(String token);

    /**
     * Checks a password. Takes about as long for an unknown user as for a wrong password.
     *
     * @param user     a user's name
     * @param password the password given
     * @return the user, when it exists, has a password and this is it
     */
    Optional<Identity> authenticatePassword(String user, String password);

    /**
     * Checks again a caller authenticated earlier, such as the owner of a long-lived browser session
     * or event stream.
     *
     * @param identity an identity this service gave
     * @return the identity as it is now (its role may have been lowered), or empty when its token was
     *     revoked or expired or its user removed
     */
    Optional<Identity> recheck(Identity identity);
}
