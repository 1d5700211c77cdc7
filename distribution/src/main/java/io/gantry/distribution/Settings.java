package io.gantry.distribution;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The controller's settings: {@code conf/gantry.properties} under the installation, overridden by
 * the environment ({@code GANTRY_HTTP_PORT}, {@code GANTRY_HTTP_HOST}, {@code GANTRY_DATA},
 * {@code GANTRY_TLS}, {@code GANTRY_TLS_KEYSTORE}), with the paths resolved. Every entry becomes a framework property, so bundles read them through
 * {@code BundleContext.getProperty}.
 */
final class Settings {
    static final String HTTP_PORT = "gantry.http.port";
    static final String HTTP_HOST = "gantry.http.host";
    static final String DATA = "gantry.data";
    static final String HOME = "gantry.home";
    /** {@code off} (default) or {@code on}: whether the HTTP port speaks HTTPS (rest-bundle's TlsSettings). */
    static final String TLS = "gantry.tls";
    /** The PKCS12 keystore served with TLS; relative to the installation; default {@code conf/gantry.p12}. */
    static final String TLS_KEYSTORE = "gantry.tls.keystore";
    /** {@code true} lets plain HTTP be served beyond loopback. */
    static final String ALLOW_PLAINTEXT = "gantry.http.allowPlaintext";

    /**
     * Environment variables that override a key of conf/gantry.properties. The keystore password and
     * gantry.http.allowPlaintext have none: a process's environment is shown by {@code ps e} and
     * container tools, and switching plain HTTP on beyond loopback belongs in the installation's own file.
     */
    private static final Map<String, String> ENVIRONMENT_OVERRIDES = Map.of(
            "GANTRY_HTTP_PORT", HTTP_PORT,
            "GANTRY_HTTP_HOST", HTTP_HOST,
            "GANTRY_DATA", DATA,
            "GANTRY_TLS", TLS,
            "GANTRY_TLS_KEYSTORE", TLS_KEYSTORE);

    private final Path home;
    private final Map<String, String> values;

    private Settings(Path home, Map<String, String> values) {
        this.home = home;
        this.values = values;
    }

    static Settings load(Path home, Map<String, String> environment) throws IOException {
        Properties file = new Properties();
        Path conf = home.resolve("conf/gantry.properties");
        if (Files.isRegularFile(conf)) {
            try (Reader reader = Files.newBufferedReader(conf)) {
                file.load(reader);
            }
        }
        Map<String, String> values = new HashMap<>();
        file.stringPropertyNames()
                .forEach(key -> values.put(key, file.getProperty(key).trim()));
        ENVIRONMENT_OVERRIDES.forEach((variable, key) -> {
            String value = environment.get(variable);
            if (value != null && !value.isBlank()) {
                values.put(key, value.trim());
            }
        });
        values.put(HOME, home.toString());
        values.put(DATA, resolve(home, values.getOrDefault(DATA, "data")).toString());
        values.putIfAbsent(HTTP_HOST, "127.0.0.1");
        values.putIfAbsent(HTTP_PORT, "8080");
        return new Settings(home, values);
    }

    /** A relative data path is taken from the working directory, as a user typing it expects. */
    private static Path resolve(Path home, String path) {
        Path candidate = Path.of(path);
        return candidate.isAbsolute()
                ? candidate
                : Path.of("").toAbsolutePath().resolve(candidate).normalize();
    }

    Path home() {
        return home;
    }

    Path data() {
        return Path.of(values.get(DATA));
    }

    String httpHost() {
        return values.get(HTTP_HOST);
    }

    int httpPort() {
        String port = values.get(HTTP_PORT);
        try {
            return Integer.parseInt(port);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(HTTP_PORT + " must be a number, was '" + port + "'");
        }
    }

    /** @throws IllegalArgumentException when gantry.tls is neither on nor off */
    boolean tls() {
        return choice(TLS, "off", "on", "off");
    }

    /** @throws IllegalArgumentException when gantry.http.allowPlaintext is neither true nor false */
    boolean allowPlaintext() {
        return choice(ALLOW_PLAINTEXT, "false", "true", "false");
    }

    /** @return whether gantry.tls.keystore names a keystore (then it must exist) */
    boolean tlsKeystoreChosen() {
        return values.containsKey(TLS_KEYSTORE) && !values.get(TLS_KEYSTORE).isBlank();
    }

    /** @return the keystore served with TLS: the chosen one or conf/gantry.p12, relative to the installation */
    Path tlsKeystore() {
        return home.resolve(tlsKeystoreChosen() ? values.get(TLS_KEYSTORE) : "conf/gantry.p12")
                .normalize();
    }

    /** The same reading as rest-bundle's TlsSettings, which decides for starts without the launcher. */
    private boolean choice(String key, String fallback, String yes, String no) {
        String value = values.getOrDefault(key, fallback);
        if (value.equalsIgnoreCase(yes) || value.equalsIgnoreCase(no)) {
            return value.equalsIgnoreCase(yes);
        }
        throw new IllegalArgumentException(key + " must be '" + yes + "' or '" + no + "', was '" + value + "'");
    }

    /**
     * EventAdmin's per-handler timeout, off: with it Felix runs every handler of every event on a pool
     * thread and waits for it, which capped delivery at a few thousand events a second. Gantry's
     * publisher watches for a blocking handler itself (see engine-core's StuckDeliveryWatch).
     */
    static final String EVENTADMIN_TIMEOUT = "org.apache.felix.eventadmin.Timeout";

    /** The files of deploy/ that FileInstall handles, as its filter (a regular expression on the name). */
    static final String CONFIGURATION_FILES = ".*\\.(cfg|config)";

    /** @return the properties handed to the framework: the settings plus the runtime's own wiring */
    Map<String, String> frameworkProperties(boolean interactive) {
        Map<String, String> properties = new HashMap<>(values);
        properties.put("org.osgi.framework.storage", data().resolve("cache").toString());
        // bundles come from bundle/ and deploy/ at every start: a clean cache cannot go stale
        properties.put("org.osgi.framework.storage.clean", "onFirstInit");
        properties.put("felix.fileinstall.dir", home.resolve("deploy").toString());
        // plugin jars in deploy/ are Gantry's deployer's (rollback, admission, last good copies);
        // FileInstall handles only the configuration files there
        properties.put("felix.fileinstall.filter", CONFIGURATION_FILES);
        properties.putIfAbsent("felix.fileinstall.poll", "250");
        properties.put("felix.fileinstall.noInitialDelay", "true");
        properties.put("felix.fileinstall.bundles.new.start", "true");
        properties.putIfAbsent("felix.fileinstall.log.level", "3");
        // deploy/*.cfg are the operator's: FileInstall must not write a configuration back into its file.
        // It does by default, truncating the file first, and its own scanner can read the file in that
        // moment and apply it empty (MqttBridgeIT saw a controller's io.gantry.mqtt.cfg end up empty).
        properties.put("felix.fileinstall.enableConfigSave", "false");
        properties.putIfAbsent(EVENTADMIN_TIMEOUT, "0");
        if (!interactive) {
            // without a terminal the Gogo shell would read a closed stdin; its commands stay usable
            properties.put("gosh.args", "--nointeractive");
        }
        return properties;
    }
}
