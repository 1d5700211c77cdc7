package io.gantry.opcua.internal;

import static io.gantry.opcua.internal.Stages.config;

import io.gantry.plugin.testkit.Contracts;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A server that takes the TCP connection and never answers: close() ends the connect under way at once. */
class OpcUaPendingConnectTest {
    @TempDir
    Path data;

    @Test
    void closeEndsAConnectThatIsUnderWay() throws IOException {
        List<Socket> accepted = new ArrayList<>();
        try (ServerSocket silent = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(
                    () -> {
                        try {
                            while (true) {
                                accepted.add(silent.accept()); // and never says a word
                            }
                        } catch (IOException e) {
                            // closed at the end of the test
                        }
                    },
                    "silent-opcua-server");
            acceptor.setDaemon(true);
            acceptor.start();
            OpcUaDriver driver = new OpcUaDriver(data);
            try {
                OpcUaDevice device = (OpcUaDevice) driver.create(new ObservedContext(
                        "silent",
                        config(
                                "opc.tcp://127.0.0.1:" + silent.getLocalPort() + "/never",
                                List.of(),
                                "requestTimeoutMs",
                                60_000,
                                "connectTimeoutMs",
                                60_000)));

                Contracts.assertCloseCompletesAPendingConnect(device, Duration.ofSeconds(5));
            } finally {
                driver.deactivate();
                for (Socket socket : accepted) {
                    socket.close();
                }
            }
        }
    }
}
