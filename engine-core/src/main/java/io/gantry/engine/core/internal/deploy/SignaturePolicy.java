package io.gantry.engine.core.internal.deploy;

import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether plugins must be signed, set in {@code conf/gantry.properties} (a framework property, not
 * a configuration in deploy/: whoever can drop files into deploy/ must not be able to switch it off).
 * Off when no trust store is set; when one is set but cannot be read, every jar is refused rather
 * than let through unchecked.
 */
final class SignaturePolicy {
    /** Framework property: the trust store (PKCS12) of the certificates plugins must be signed with. */
    static final String TRUST_STORE = "gantry.plugins.truststore";
    /** Framework property: the trust store's password. */
    static final String TRUST_STORE_PASSWORD = "gantry.plugins.truststore.password";

    private static final Logger LOG = LoggerFactory.getLogger(SignaturePolicy.class);

    private final JarSignatures signatures;
    private final String unusable;

    private SignaturePolicy(JarSignatures signatures, String unusable) {
        this.signatures = signatures;
        this.unusable = unusable;
    }

    static SignaturePolicy of(String trustStore, String password) {
        if (trustStore == null || trustStore.isBlank()) {
            return new SignaturePolicy(null, null);
        }
        try {
            JarSignatures signatures = JarSignatures.trusting(
                    Path.of(trustStore.trim()), password == null ? null : password.toCharArray());
            LOG.info("plugins must be signed by a certificate of {}", trustStore);
            return new SignaturePolicy(signatures, null);
        } catch (Exception e) {
            String why = "the trust store " + trustStore + " (" + TRUST_STORE + ") cannot be used: " + e.getMessage();
            LOG.error("{}; every plugin jar is refused until it can", why);
            return new SignaturePolicy(null, why);
        }
    }

    /** @return null when the jar may be installed; otherwise why not */
    String problem(byte[] jar) {
        if (unusable != null) {
            return unusable;
        }
        return signatures == null ? null : signatures.problem(jar);
    }
}
