package io.gantry.distribution;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks before anything starts that the HTTP settings are safe to serve and can be served: no plain
 * HTTP beyond loopback (credentials could be read on the network) and, with TLS, a certificate to be
 * had. Each problem is one line and a non-zero exit instead of a controller running without HTTP.
 * rest-bundle's HttpConnectors decides the same for starts without the launcher; the launcher cannot
 * use it (the bundle is not on the launcher's class path, and this runs before the framework).
 */
final class TlsCheck {
    private TlsCheck() {}

    /** @return null when plain HTTP is not asked for, is on loopback or is allowed; else the refusal */
    static String plaintextProblem(Settings settings) {
        String host = settings.httpHost();
        if (settings.tls() || settings.allowPlaintext() || isLoopback(host)) {
            return null;
        }
        String address = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        return "refusing to serve plain HTTP on " + address + ":" + settings.httpPort()
                + ": anyone on the network could read credentials; set gantry.tls=on (GANTRY_TLS=on; a self-signed"
                + " certificate is made on first start) or, on a network you trust, " + Settings.ALLOW_PLAINTEXT
                + "=true in conf/gantry.properties";
    }

    /** @return null when TLS is off or has a certificate to serve or to make; else what is missing */
    static String certificateProblem(Settings settings) {
        if (!settings.tls() || Files.exists(settings.tlsKeystore())) {
            return null;
        }
        if (settings.tlsKeystoreChosen()) {
            return Settings.TLS + "=on but there is no keystore at " + settings.tlsKeystore() + " ("
                    + Settings.TLS_KEYSTORE + ")";
        }
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        if (Files.exists(settings.data().resolve("tls/self-signed.p12")) || Files.isExecutable(keytool)) {
            return null;
        }
        return Settings.TLS + "=on but making a self-signed certificate needs the JDK's keytool, which is not at "
                + keytool + " (a runtime without the JDK's tools?); put a PKCS12 keystore at " + settings.tlsKeystore();
    }

    /** @return whether every address {@code host} stands for is loopback; false for wildcards and unknown names */
    static boolean isLoopback(String host) {
        String bare = host.strip().replaceAll("^\\[(.*)]$", "$1");
        if (bare.isEmpty()) {
            return false; // every interface
        }
        try {
            for (InetAddress address : InetAddress.getAllByName(bare)) {
                if (!address.isLoopbackAddress()) {
                    return false;
                }
            }
            return true;
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
