package io.gantry.distribution;

import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * Checks before anything starts that the HTTP port can be bound, so that a busy port gives one
 * clear line and a non-zero exit instead of a half-started controller.
 */
final class PortCheck {
    private PortCheck() {}

    /** @return null when the port is free, else a sentence saying what to do */
    static String problem(String host, int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(host, port));
            return null;
        } catch (BindException e) {
            return "port " + port + " is in use on " + host
                    + "; set GANTRY_HTTP_PORT (or gantry.http.port in conf/gantry.properties) to change it";
        } catch (IOException | IllegalArgumentException e) {
            return "cannot listen on " + host + ":" + port + " (" + e.getMessage()
                    + "); set GANTRY_HTTP_HOST / GANTRY_HTTP_PORT to change it";
        }
    }
}
