package io.gantry.engine.core.internal.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The shape of API tokens: a secret {@code gnt_} + 32 random bytes in base64url without padding (43
 * characters), an id {@code tok_} + 12 random base64url characters, and the SHA-256 that is all the
 * database keeps of a secret. A secret has 256 random bits, so one round of SHA-256 is enough to
 * store it: there is nothing to guess.
 */
final class TokenSecrets {
    static final String SECRET_PREFIX = "gnt_";
    static final String ID_PREFIX = "tok_";
    private static final int SECRET_BYTES = 32;
    /** Base64 of 32 bytes without padding. */
    static final int SECRET_LENGTH = SECRET_PREFIX.length() + 43;
    // 9 bytes are exactly 12 base64 characters
    private static final int ID_BYTES = 9;

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    private static final HexFormat HEX = HexFormat.of();

    private final SecureRandom random = new SecureRandom();

    /** @return a new secret, {@code gnt_…} */
    String newSecret() {
        return SECRET_PREFIX + BASE64URL.encodeToString(randomBytes(SECRET_BYTES));
    }

    /** @return a new token id, {@code tok_…} */
    String newId() {
        return ID_PREFIX + BASE64URL.encodeToString(randomBytes(ID_BYTES));
    }

    /**
     * Checks the exact shape of a secret, before anything looks it up: a prefix, the length, and
     * base64url characters only.
     *
     * @param candidate what a caller sent; may be null
     * @return true when it could be a secret this class made
     */
    static boolean isWellFormed(String candidate) {
        if (candidate == null || candidate.length() != SECRET_LENGTH || !candidate.startsWith(SECRET_PREFIX)) {
            return false;
        }
        for (int i = SECRET_PREFIX.length(); i < candidate.length(); i++) {
            char c = candidate.charAt(i);
            boolean base64url =
                    (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
            if (!base64url) {
                return false;
            }
        }
        return true;
    }

    /**
     * @param secret a secret
     * @return its SHA-256
     */
    static byte[] sha256(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            // every Java runtime has SHA-256
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /** @return a hash as the database keeps it: lower-case hex */
    static String hex(byte[] hash) {
        return HEX.formatHex(hash);
    }

    /** @return a hash kept as hex, as bytes */
    static byte[] unhex(String hash) {
        return HEX.parseHex(hash);
    }

    private byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        random.nextBytes(bytes);
        return bytes;
    }
}
