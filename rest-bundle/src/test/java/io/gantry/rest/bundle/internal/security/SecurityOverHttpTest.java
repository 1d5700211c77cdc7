package io.gantry.rest.bundle.internal.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gantry.engine.api.security.Role;
import io.gantry.rest.bundle.internal.problem.ProblemExceptionMapper;
import io.gantry.rest.bundle.internal.resources.DevicesResource;
import io.gantry.rest.bundle.internal.resources.HealthResource;
import io.gantry.rest.bundle.internal.resources.SessionResource;
import io.gantry.rest.bundle.internal.server.EmbeddedApi;
import io.gantry.rest.bundle.internal.testing.Configs;
import io.gantry.rest.bundle.internal.testing.FakeCredentials;
import io.gantry.rest.bundle.internal.testing.InMemoryDeviceService;
import io.gantry.rest.bundle.internal.testing.RecordingAuditTrail;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/**
 * The security gate, the role checks, the session resource and the audit filter together over real
 * HTTP on an embedded Jetty, with the controller's chain of handlers; the core's credentials are a
 * fake. The real controller's matrix of roles and routes is {@code SecurityIT} in itests.
 */
class SecurityOverHttpTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String VIEWER = "gnt_viewer";
    private static final String ENGINEER = "gnt_engineer";

    private static final FakeCredentials credentials = new FakeCredentials()
            .token(VIEWER, "vera", Role.VIEWER)
            .token(ENGINEER, "erik", Role.ENGINEER)
            .password("olga", "correct horse battery", Role.OPERATOR);
    private static final RecordingAuditTrail audit = new RecordingAuditTrail();
    private static EmbeddedApi api;

    @BeforeAll
    static void start() throws Exception {
        api = startApi();
    }

    /** Each server has a guard of its own: the brute force test's must not slow down the others' logins. */
    private static EmbeddedApi startApi() throws Exception {
        BrowserSessions sessions =
                new BrowserSessions(Configs.of(BrowserSessions.Configuration.class, Map.of()), credentials);
        return EmbeddedApi.start(
                List.of(
                        new ProblemExceptionMapper(),
                        new CallerFilter(),
                        new RoleCheckFeature(),
                        new AuditFilter(audit),
                        new SessionResource(credentials, sessions, new LoginGuard()),
                        new HealthResource(
                                Configs.of(HealthResource.Configuration.class, Map.of("requiredParts", new String[0])),
                                noBundles()),
                        new DevicesResource(new InMemoryDeviceService())),
                new SecurityGate(credentials, sessions));
    }

    @AfterAll
    static void stop() throws Exception {
        api.close();
    }

    @Test
    void answersARequestWithoutCredentials401WithAChallengeAndAProblem() throws Exception {
        HttpResponse<String> answer = send(get("/devices"));

        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(answer.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"gantry\"");
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json(answer).get("detail").asText()).contains("Authorization: Bearer");
    }

    @Test
    void refusesATokenInTheQueryStringSayingWhy() throws Exception {
        HttpResponse<String> answer = send(get("/devices?access_token=" + VIEWER));

        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(json(answer).get("detail").asText()).contains("credentials in the URL are refused");
    }

    @Test
    void refusesMalformedAndUnknownTokensAsInvalid() throws Exception {
        for (String header : List.of(
                "Bearer",
                "Bearer ",
                "Basic dmVyYTp4",
                "Bearer gnt_viewer extra",
                "Bearer gnt_viewe",
                "bearer gnt_unknown",
                "Bearer " + "a".repeat(300))) {
            HttpResponse<String> answer = send(get("/devices").header("Authorization", header));
            assertThat(answer.statusCode()).as(header).isEqualTo(401);
            assertThat(answer.headers().firstValue("WWW-Authenticate").orElseThrow())
                    .as(header)
                    .contains("error=");
        }
    }

    @Test
    void letsAViewerReadButNotChange() throws Exception {
        assertThat(send(get("/devices").header("Authorization", "Bearer " + VIEWER))
                        .statusCode())
                .isEqualTo(200);
        HttpResponse<String> change =
                send(post("/devices", "{\"type\":\"t\",\"name\":\"n\"}").header("Authorization", "Bearer " + VIEWER));

        assertThat(change.statusCode()).isEqualTo(403);
        assertThat(json(change).get("detail").asText())
                .isEqualTo("this needs the role engineer; vera/tok_vera is viewer");
        assertThat(audit.entries()).anySatisfy(entry -> {
            assertThat(entry.who()).isEqualTo("vera/tok_vera");
            assertThat(entry.action()).isEqualTo("POST /api/devices");
            assertThat(entry.outcome()).isEqualTo("denied");
            assertThat(entry.source()).isEqualTo("127.0.0.1");
        });
    }

    @Test
    void healthSaysOnlyItsStatusToAnonymousCallers() throws Exception {
        JsonNode anonymous = json(send(get("/health")));
        JsonNode viewer = json(send(get("/health").header("Authorization", "Bearer " + VIEWER)));

        assertThat(anonymous.get("status").asText()).isEqualTo("UP");
        assertThat(anonymous.has("checks")).isFalse();
        assertThat(viewer.has("checks")).isTrue();
    }

    @Test
    void aBrowserSessionNeedsItsCsrfTokenForEveryChange() throws Exception {
        HttpResponse<String> login =
                send(post("/session", "{\"user\":\"olga\",\"password\":\"correct horse battery\"}"));
        assertThat(login.statusCode()).isEqualTo(201);
        String setCookie = login.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(setCookie)
                .contains("HttpOnly")
                .containsIgnoringCase("SameSite=Strict")
                .doesNotContain("Secure");
        String cookie = setCookie.substring(0, setCookie.indexOf(';'));
        String csrf = json(login).get("csrfToken").asText();

        assertThat(send(get("/session").header("Cookie", cookie)).statusCode()).isEqualTo(200);
        HttpResponse<String> withoutCsrf = send(post("/devices/d1/connect", "").header("Cookie", cookie));
        assertThat(withoutCsrf.statusCode()).isEqualTo(403);
        assertThat(json(withoutCsrf).get("detail").asText()).contains("X-CSRF-Token");
        HttpResponse<String> foreign = send(post("/devices/d1/connect", "")
                .header("Cookie", cookie)
                .header("X-CSRF-Token", csrf)
                .header("Origin", "http://evil.example"));
        assertThat(foreign.statusCode()).isEqualTo(403);
        HttpResponse<String> withCsrf =
                send(post("/devices/d1/connect", "").header("Cookie", cookie).header("X-CSRF-Token", csrf));
        assertThat(withCsrf.statusCode()).isNotIn(401, 403); // an operator may connect; d1 does not exist

        assertThat(send(delete("/session").header("Cookie", cookie).header("X-CSRF-Token", csrf))
                        .statusCode())
                .isEqualTo(204);
        assertThat(send(get("/session").header("Cookie", cookie)).statusCode()).isEqualTo(401);
    }

    @Test
    void answersUnknownUsersAndWrongPasswordsAlikeAndThenSlowsDown() throws Exception {
        try (EmbeddedApi own = startApi()) {
            bruteForce(own);
        }
    }

    private static void bruteForce(EmbeddedApi api) throws Exception {
        HttpResponse<String> unknown =
                send(post(api, "/session", "{\"user\":\"nobody\",\"password\":\"whatever it is\"}"));
        HttpResponse<String> wrong =
                send(post(api, "/session", "{\"user\":\"olga\",\"password\":\"wrong wrong wrong\"}"));
        assertThat(unknown.statusCode()).isEqualTo(401);
        assertThat(json(unknown).get("detail")).isEqualTo(json(wrong).get("detail"));

        HttpResponse<String> last = wrong;
        for (int attempt = 0; attempt < LoginGuard.FREE_FAILURES; attempt++) {
            last = send(post(api, "/session", "{\"user\":\"mallory\",\"password\":\"guess " + attempt + "\"}"));
        }
        HttpResponse<String> throttled = send(post(api, "/session", "{\"user\":\"mallory\",\"password\":\"guess\"}"));
        assertThat(json(last).get("retryAfterSeconds").asLong()).isPositive();
        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(throttled.headers().firstValue("Retry-After")).isPresent();
        assertThat(json(throttled).get("retryAfterSeconds").asLong()).isPositive();
    }

    @Test
    void answersJettysOwnErrorsUnderApiAsProblems() throws Exception {
        HttpResponse<String> ambiguous = send(get("/pipelines/..%2F..%2Fetc%2Fpasswd"));

        assertThat(ambiguous.statusCode()).isEqualTo(400);
        assertThat(ambiguous.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json(ambiguous).get("type").asText()).startsWith("urn:gantry:problem:");
    }

    @Test
    void marksEveryAnswerForBrowsers() throws Exception {
        HttpResponse<String> answer = send(get("/health"));

        assertThat(answer.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(answer.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(answer.headers().firstValue("Cache-Control")).hasValue("no-store");
    }

    private static HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(URI.create(api.base() + path)).GET();
    }

    private static HttpRequest.Builder post(String path, String json) {
        return post(api, path, json);
    }

    private static HttpRequest.Builder post(EmbeddedApi api, String path, String json) {
        return HttpRequest.newBuilder(URI.create(api.base() + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
    }

    private static HttpRequest.Builder delete(String path) {
        return HttpRequest.newBuilder(URI.create(api.base() + path)).DELETE();
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> answer) throws Exception {
        return JSON.readTree(answer.body());
    }

    private static BundleContext noBundles() {
        return (BundleContext) Proxy.newProxyInstance(
                BundleContext.class.getClassLoader(),
                new Class<?>[] {BundleContext.class},
                (proxy, method, args) -> method.getName().equals("getBundles") ? new Bundle[0] : null);
    }
}
