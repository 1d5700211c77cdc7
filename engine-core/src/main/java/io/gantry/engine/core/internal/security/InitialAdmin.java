package io.gantry.engine.core.internal.security;

import io.gantry.engine.api.security.IssuedToken;
import io.gantry.engine.api.security.Role;
import io.gantry.engine.api.security.UserAdministration;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The first start: with security on and no user at all, nobody could sign in to create one. Makes
 * user {@value #USER} (an admin without a password) and an admin token {@value #TOKEN_NAME} that
 * never expires, and hands the token to the operator in {@code <gantry.data>/}{@value #FILE}, a file
 * only the controller's OS user can read. The log says where the file is, never what is in it.
 */
final class InitialAdmin {
    private static final Logger LOG = LoggerFactory.getLogger(InitialAdmin.class);

    static final String USER = "admin";
    static final String TOKEN_NAME = "initial-admin";
    static final String FILE = "initial-admin.token";

    private InitialAdmin() {}

    /**
     * @param users      the users and tokens
     * @param dataFolder the data folder ({@code gantry.data})
     * @return the token file, when there were no users and it was written
     */
    static Optional<Path> createIfNoUsers(UserAdministration users, Path dataFolder) {
        if (!users.users().isEmpty()) {
            return Optional.empty();
        }
        users.createUser(USER, Role.ADMIN, null);
        IssuedToken token = users.createToken(USER, TOKEN_NAME, Role.ADMIN, null);
        String id = token.info().id();
        Path file = dataFolder.resolve(FILE).toAbsolutePath().normalize();
        try {
            OwnerOnlyFile.write(file, token.secret() + "\n");
        } catch (IOException e) {
            // a token nobody can read is no use, and one left lying in a half-written file is a risk
            users.revokeToken(id);
            LOG.error(
                    "no users yet: created user '{}', but its token could not be written to {} ({}), so it is"
                            + " revoked; on the console, gantry:token-create {} admin recovery makes another",
                    USER,
                    file,
                    e.toString(),
                    USER);
            return Optional.empty();
        }
        LOG.info(
                "no users yet: created user '{}' and an admin token ({}, {}) written to {}; use it to create"
                        + " your own credentials, then revoke it (gantry:token-revoke {}) and delete the file",
                USER,
                TOKEN_NAME,
                id,
                file,
                id);
        return Optional.of(file);
    }
}
