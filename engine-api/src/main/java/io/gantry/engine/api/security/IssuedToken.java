package io.gantry.engine.api.security;

/**
 * A token just created: the only time its secret is known.
 *
 * @param info   the token
 * @param secret the token itself, {@code gnt_…}; shown once, never stored
 */
public record IssuedToken(TokenInfo info, String secret) {
    @Override
    public String toString() {
        // a secret must not reach a log by accident
        return "IssuedToken[" + info + ", secret=…]";
    }
}
