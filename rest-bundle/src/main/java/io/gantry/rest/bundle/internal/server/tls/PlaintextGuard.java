package io.gantry.rest.bundle.internal.server.tls;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * No plain HTTP beyond loopback: credentials sent over it could be read by anyone on the network.
 * The launcher refuses the same before the framework starts (its {@code TlsCheck}); this guard covers
 * every other start, and a host changed through the component's configuration.
 */
final class PlaintextGuard {
    private static final Logger LOG = LoggerFactory.getLogger(PlaintextGuard.class);

    private PlaintextGuard() {}

    /**
     * Lets plain HTTP start on a loopback address, or anywhere with {@code gantry.http.allowPlaintext=true}
     * (with a warning); refuses it otherwise.
     *
     * @param host           the bind address or name
     * @param port           the port
     * @param allowPlaintext the operator's opt-out
     * @throws IllegalStateException when refused, after logging the reason as one line
     */
    static void check(String host, int port, boolean allowPlaintext) {
        if (isLoopback(host)) {
            return;
        }
        if (allowPlaintext) {
            LOG.warn(
                    "serving plain HTTP on {}:{} because {}=true: anyone on the network can read what is sent, credentials included",
                    host,
                    port,
                    TlsSettings.ALLOW_PLAINTEXT);
            return;
        }
        String refusal = refusal(host, port);
        LOG.error(refusal);
        throw new IllegalStateException(refusal);
    }

    /**
     * @param host an address literal ({@code 127.0.0.1}, {@code ::1}, {@code [::1]}) or a name
     * @return whether every address it stands for is a loopback address; false for the wildcard
     *     addresses ({@code 0.0.0.0}, {@code ::}), an empty host (every interface) and a name that does
     *     not resolve
     */
    static boolean isLoopback(String host) {
        String bare = host.strip();
        if (bare.startsWith("[") && bare.endsWith("]")) {
            bare = bare.substring(1, bare.length() - 1);
        }
        if (bare.isEmpty()) {
            return false;
        }
        try {
            return Arrays.stream(InetAddress.getAllByName(bare)).allMatch(InetAddress::isLoopbackAddress);
        } catch (UnknownHostException e) {
            return false; // not known to be loopback: refuse rather than guess
        }
    }

    static String refusal(String host, int port) {
        String address = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        return "refusing to serve plain HTTP on " + address + ":" + port
                + ": anyone on the network could read credentials; set gantry.tls=on (GANTRY_TLS=on; a self-signed"
                + " certificate is made on first start) or, on a network you trust, " + TlsSettings.ALLOW_PLAINTEXT
                + "=true in conf/gantry.properties";
    }
}
