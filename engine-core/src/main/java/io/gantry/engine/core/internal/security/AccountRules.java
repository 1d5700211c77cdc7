package io.gantry.engine.core.internal.security;

import io.gantry.engine.api.error.InvalidConfigException;
import java.util.regex.Pattern;

/** What a user name, a password and a token name must look like; breaking a rule is an InvalidConfigException. */
final class AccountRules {
    static final int MIN_PASSWORD = 12;
    static final int MAX_PASSWORD = 1024;
    static final int MAX_TOKEN_NAME = 200;
    private static final Pattern USER_NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

    private AccountRules() {}

    /** @throws InvalidConfigException when the name is not lower-case letters, digits, {@code . _ -}, at most 64 */
    static void checkUserName(String name) {
        if (name == null || !USER_NAME.matcher(name).matches()) {
            throw new InvalidConfigException("user name '" + name + "' is not acceptable: use 1 to 64 lower-case "
                    + "letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
    }

    /**
     * Counts characters as a person does (code points), so that a password of emoji is not cut short.
     *
     * @throws InvalidConfigException when the password is shorter than 12 or longer than 1024 characters
     */
    static void checkPassword(String user, String password) {
        int length = password.codePointCount(0, password.length());
        if (length < MIN_PASSWORD || length > MAX_PASSWORD) {
            // the message gives the length, never the password
            throw new InvalidConfigException("the password of user '" + user + "' must have " + MIN_PASSWORD + " to "
                    + MAX_PASSWORD + " characters, it has " + length);
        }
    }

    /** @throws InvalidConfigException when the name is blank, too long or has control characters */
    static void checkTokenName(String name) {
        if (name == null
                || name.isBlank()
                || name.length() > MAX_TOKEN_NAME
                || name.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidConfigException("a token needs a name saying what it is for: 1 to " + MAX_TOKEN_NAME
                    + " characters, no control characters");
        }
    }
}
