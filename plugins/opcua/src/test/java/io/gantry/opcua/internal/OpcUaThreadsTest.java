package io.gantry.opcua.internal;

import static io.gantry.opcua.internal.Stages.config;
import static io.gantry.opcua.internal.Stages.signal;
import static org.assertj.core.api.Assertions.assertThat;

import io.gantry.plugin.testkit.Contracts;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What an uninstall or update of the plugin relies on: once the driver deactivates, no thread of Milo,
 * netty or the trust list's folder watcher is left.
 */
class OpcUaThreadsTest {
    @TempDir
    static Path dir;

    static NodeOpcUaServer server;

    @BeforeAll
    static void startServer() {
        server = NodeOpcUaServer.start(dir.resolve("server-pki"));
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void deactivateLeavesNoMiloOrNettyThreadBehind() throws InterruptedException {
        OpcUaDriver driver = new OpcUaDriver(dir.resolve("gantry-data"));
        ObservedContext plain = new ObservedContext(
                "plain", config(server.endpointUrl(), List.of(signal("counter", "ns=1;s=Counter"))));
        ObservedContext secure = new ObservedContext(
                "secure",
                config(
                        server.endpointUrl(),
                        List.of(signal("counter", "ns=1;s=Counter")),
                        "securityPolicy",
                        "Basic256Sha256",
                        "trustedServerCertificates",
                        List.of(server.thumbprint())));
        Contracts.assertConnects(driver.create(plain), Stages.WAIT);
        Contracts.assertConnects(driver.create(secure), Stages.WAIT);
        secure.awaitSample("counter", 0, sample -> true, Stages.WAIT);
        assertThat(MiloThreads.alive()).isNotEmpty();
        // one device still connected, one left disconnected by the controller: deactivate handles both
        driver.create(new ObservedContext("idle", config(server.endpointUrl(), List.of())));

        driver.deactivate();

        // a thread told to end may still be unwinding for a moment: wait for it to end, never for a time
        for (Thread thread : MiloThreads.alive()) {
            thread.join(TimeUnit.SECONDS.toMillis(10));
        }
        assertThat(MiloThreads.alive()).extracting(Thread::getName).isEmpty();
        assertThat(server.stats()).isEqualTo("SESSIONS 0 SUBSCRIPTIONS 0 MONITORED 0");
    }
}
