package io.gantry.rest.bundle.internal.server;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.spi.Container;
import org.glassfish.jersey.server.spi.ContainerLifecycleListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Replacing the application on a real Jetty while real HTTP requests are being served. */
class JerseyServletTest {
    private final HttpClient http = HttpClient.newHttpClient();
    private final Map<Integer, Boolean> shutDown = new ConcurrentHashMap<>();
    private final AtomicInteger generations = new AtomicInteger();
    private final CountDownLatch slowEntered = new CountDownLatch(1);
    private final CountDownLatch slowRelease = new CountDownLatch(1);
    private Server server;
    private JerseyServlet jersey;
    private String base;

    @BeforeEach
    void start() throws Exception {
        server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        ServletContextHandler api = new ServletContextHandler("/api");
        jersey = new JerseyServlet(this::application);
        ServletHolder holder = new ServletHolder(jersey);
        holder.setInitOrder(0);
        api.addServlet(holder, "/*");
        server.setHandler(api);
        server.start();
        base = "http://127.0.0.1:" + connector.getLocalPort() + "/api";
    }

    @AfterEach
    void stop() throws Exception {
        slowRelease.countDown();
        server.stop();
    }

    @Test
    void requestsDuringReplacementsAllSucceed() throws Exception {
        AtomicBoolean replacing = new AtomicBoolean(true);
        ExecutorService clients = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<Integer>>> statuses = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                statuses.add(clients.submit(() -> {
                    List<Integer> seen = new ArrayList<>();
                    while (replacing.get()) {
                        seen.add(get("/ping").statusCode());
                    }
                    return seen;
                }));
            }
            for (int i = 0; i < 15; i++) {
                jersey.replace(application());
            }
            replacing.set(false);
            List<Integer> all = new ArrayList<>();
            for (Future<List<Integer>> client : statuses) {
                all.addAll(client.get(30, TimeUnit.SECONDS));
            }
            assertThat(all).isNotEmpty().containsOnly(200);
        } finally {
            clients.shutdownNow();
        }
        awaitShutDown(15);
        assertThat(shutDown).as("every replaced application is shut down").hasSize(15);
    }

    @Test
    void aRequestInFlightFinishesOnTheApplicationItStartedOnWhichIsShutDownAfterIt() throws Exception {
        CompletableFuture<HttpResponse<String>> slow = http.sendAsync(
                HttpRequest.newBuilder(URI.create(base + "/slow")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(slowEntered.await(10, TimeUnit.SECONDS)).isTrue();

        jersey.replace(application());

        assertThat(get("/ping").body()).isEqualTo("pong from 2");
        assertThat(shutDown).as("the first application still serves a request").isEmpty();
        slowRelease.countDown();
        HttpResponse<String> answer = slow.get(10, TimeUnit.SECONDS);
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("slow from 1");
        awaitShutDown(1);
        assertThat(shutDown).containsOnlyKeys(1);
    }

    /** An application is shut down after its last request has answered: the answer can arrive first. */
    private void awaitShutDown(int applications) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (shutDown.size() < applications && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private ResourceConfig application() {
        int generation = generations.incrementAndGet();
        ResourceConfig config = new JerseyApplication().build(List.of(new Resources(generation)));
        config.register(new ContainerLifecycleListener() {
            @Override
            public void onStartup(Container container) {}

            @Override
            public void onReload(Container container) {}

            @Override
            public void onShutdown(Container container) {
                shutDown.put(generation, true);
            }
        });
        return config;
    }

    /** Answers which application served the request. */
    @Path("/")
    public final class Resources implements RestResource {
        private final int generation;

        Resources(int generation) {
            this.generation = generation;
        }

        @GET
        @Path("ping")
        public String ping() {
            return "pong from " + generation;
        }

        @GET
        @Path("slow")
        public String slow() throws InterruptedException {
            slowEntered.countDown();
            slowRelease.await(10, TimeUnit.SECONDS);
            return "slow from " + generation;
        }
    }
}
