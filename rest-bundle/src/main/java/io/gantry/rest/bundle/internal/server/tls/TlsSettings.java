package io.gantry.rest.bundle.internal.server.tls;

import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Function;

/**
 * The HTTP security settings, read from framework properties (the launcher fills them from
 * {@code conf/gantry.properties} and the environment). They are framework properties on purpose, not
 * a configuration in deploy/: whoever can drop a file into deploy/ must not be able to switch TLS off.
 *
 * @param tls             whether the HTTP port speaks HTTPS ({@code gantry.tls=on})
 * @param keystore        the PKCS12 keystore to serve, absolute
 * @param keystoreChosen  whether {@code gantry.tls.keystore} names it (then it must exist); otherwise
 *                        it is the default {@code conf/gantry.p12}, and a self-signed certificate is
 *                        made when that file is missing
 * @param password        the keystore's password, empty when not set
 * @param allowPlaintext  whether plain HTTP may be served beyond loopback
 * @param selfSignedDir   where a self-signed certificate and its password are kept
 */
public record TlsSettings(
        boolean tls,
        Path keystore,
        boolean keystoreChosen,
        String password,
        boolean allowPlaintext,
        Path selfSignedDir) {
    /** {@code off} (default) or {@code on}. */
    public static final String TLS = "gantry.tls";
    /** The PKCS12 keystore; relative paths are taken from the installation. */
    public static final String KEYSTORE = "gantry.tls.keystore";
    /** The keystore's password. */
    public static final String KEYSTORE_PASSWORD = "gantry.tls.keystore.password";
    /** {@code true} lets plain HTTP be served on an address beyond loopback. */
    public static final String ALLOW_PLAINTEXT = "gantry.http.allowPlaintext";

    static final String DEFAULT_KEYSTORE = "conf/gantry.p12";

    /**
     * @param properties the framework properties ({@code BundleContext::getProperty}); null for unset
     * @return the settings, paths resolved against {@code gantry.home} and {@code gantry.data}
     *     (the working directory and {@code <home>/data} when those are not set)
     * @throws IllegalArgumentException when a value is not one of those allowed, naming the key
     */
    public static TlsSettings read(Function<String, String> properties) {
        Path home =
                Path.of(value(properties, "gantry.home", ".")).toAbsolutePath().normalize();
        String chosen = value(properties, KEYSTORE, "");
        Path keystore =
                home.resolve(chosen.isEmpty() ? DEFAULT_KEYSTORE : chosen).normalize();
        Path data = home.resolve(
                value(properties, "gantry.data", home.resolve("data").toString()));
        return new TlsSettings(
                choice(properties, TLS, "off", "on", "off"),
                keystore,
                !chosen.isEmpty(),
                value(properties, KEYSTORE_PASSWORD, ""),
                choice(properties, ALLOW_PLAINTEXT, "false", "true", "false"),
                data.resolve("tls").normalize());
    }

    /** @return whether the value of {@code key} is {@code yes}; it must be {@code yes} or {@code no} */
    private static boolean choice(
            Function<String, String> properties, String key, String fallback, String yes, String no) {
        String value = value(properties, key, fallback).toLowerCase(Locale.ROOT);
        if (!value.equals(yes) && !value.equals(no)) {
            throw new IllegalArgumentException(key + " must be '" + yes + "' or '" + no + "', was '"
                    + properties.apply(key).trim() + "'");
        }
        return value.equals(yes);
    }

    private static String value(Function<String, String> properties, String key, String fallback) {
        String value = properties.apply(key);
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    @Override
    public String toString() {
        // never the password
        return "TlsSettings[tls=" + tls + ", keystore=" + keystore + ", allowPlaintext=" + allowPlaintext + "]";
    }
}
