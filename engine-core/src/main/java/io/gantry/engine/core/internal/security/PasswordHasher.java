package io.gantry.engine.core.internal.security;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Hashes and checks passwords with PBKDF2-HMAC-SHA256 from the JDK, stored as
 * {@code pbkdf2-sha256$<iterations>$<base64 salt>$<base64 hash>}. The iteration count is read back
 * from each stored value, so raising {@link #ITERATIONS} later applies to new passwords while old
 * ones still verify.
 */
// not final: a test counts the hashes an authentication costs
class PasswordHasher {
    /** OWASP's 2023 figure for PBKDF2-HMAC-SHA256. */
    static final int ITERATIONS = 600_000;

    static final String SCHEME = "pbkdf2-sha256";

    private static final String ALGORITHM = "PBKDF2WithHmacSHA256";
    private static final int SALT_BYTES = 16;
    private static final int KEY_BITS = 256;
    // what verifyNothing derives with: any fixed salt serves, nothing is compared against it
    private static final byte[] DUMMY_SALT = new byte[SALT_BYTES];

    private final int iterations;
    private final SecureRandom random = new SecureRandom();

    /** A hasher at {@link #ITERATIONS}. */
    PasswordHasher() {
        this(ITERATIONS);
    }

    /**
     * @param iterations the iteration count of new hashes; tests use fewer to stay fast
     */
    PasswordHasher(int iterations) {
        if (iterations < 1) {
            throw new IllegalArgumentException("iterations must be at least 1, was " + iterations);
        }
        this.iterations = iterations;
    }

    /**
     * @param password a password
     * @return its encoded hash, with a fresh salt
     */
    String hash(String password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] hash = derive(password, salt, iterations, KEY_BITS);
        Base64.Encoder base64 = Base64.getEncoder();
        return SCHEME + "$" + iterations + "$" + base64.encodeToString(salt) + "$" + base64.encodeToString(hash);
    }

    /**
     * @param password a password given
     * @param encoded  a stored hash, as {@link #hash} made it
     * @return true when the password is the one hashed; false also for a stored value this cannot read
     */
    boolean verify(String password, String encoded) {
        String[] parts = encoded.split("\\$", -1);
        if (parts.length != 4 || !parts[0].equals(SCHEME)) {
            verifyNothing(password);
            return false;
        }
        try {
            int storedIterations = Integer.parseInt(parts[1]);
            byte[] salt = Base64.getDecoder().decode(parts[2]);
            byte[] expected = Base64.getDecoder().decode(parts[3]);
            if (storedIterations < 1 || expected.length == 0) {
                verifyNothing(password);
                return false;
            }
            return MessageDigest.isEqual(expected, derive(password, salt, storedIterations, expected.length * 8));
        } catch (IllegalArgumentException e) {
            // a damaged stored value: refuse, after the same work as a real check
            verifyNothing(password);
            return false;
        }
    }

    /**
     * Does the work of one {@link #verify} and refuses: for an unknown user or one without a
     * password, so that the answer takes as long as for a wrong password and does not tell which
     * users exist.
     *
     * @param password the password given
     */
    void verifyNothing(String password) {
        derive(password, DUMMY_SALT, iterations, KEY_BITS);
    }

    private static byte[] derive(String password, byte[] salt, int iterations, int bits) {
        char[] chars = password.toCharArray();
        PBEKeySpec spec = new PBEKeySpec(chars, salt, iterations, bits);
        try {
            return SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            // every Java 17 runtime has PBKDF2WithHmacSHA256
            throw new IllegalStateException(ALGORITHM + " is not available", e);
        } finally {
            spec.clearPassword();
            Arrays.fill(chars, '\0');
        }
    }
}
