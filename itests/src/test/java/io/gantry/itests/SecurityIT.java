package io.gantry.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gantry.engine.api.security.Role;
import io.gantry.itests.support.AdminToken;
import io.gantry.itests.support.Await;
import io.gantry.itests.support.EventStreamClient;
import io.gantry.itests.support.GantryContainer;
import io.gantry.itests.support.Http;
import io.gantry.itests.support.RawHttp;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.inject.Inject;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

/**
 * Security in the real controller: the endpoint × role matrix, derived from the resources registered
 * in the running framework (not from a list), and attempts to get past the gate — credentials in the
 * wrong place, broken, revoked or expired tokens, sessions without their CSRF token, path tricks,
 * method overrides, HEAD and OPTIONS, a huge header, the event stream, a login brute force.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class SecurityIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String REST_RESOURCE = "io.gantry.rest.bundle.internal.server.RestResource";
    private static final String REQUIRES_ROLE = "io.gantry.rest.bundle.internal.security.RequiresRole";
    private static final String ANONYMOUS = "io.gantry.rest.bundle.internal.security.Anonymous";
    private static final String PIPELINE = """
            {"id":"guarded","name":"guarded","nodes":[{"id":"a","function":"core.constant","params":{"value":1}}],"edges":[]}""";

    @Inject
    private BundleContext context;

    private Http admin;
    private int port;

    @Configuration
    public Option[] config() {
        return GantryContainer.options(GantryContainer.withShippedPlugins(Path.of("target/itest-security/deploy")));
    }

    @Before
    public void controllerUp() {
        port = Integer.parseInt(context.getProperty("gantry.http.port"));
        admin = new Http(port);
        Await.until(
                "the API answers the admin",
                Duration.ofSeconds(60),
                () -> admin.get("/api/session").statusCode() == 200);
    }

    @Test
    public void everyEndpointRefusesEveryRoleBelowItsOwnAndAdmitsItsOwn() throws Exception {
        Map<Role, Http> clients = new EnumMap<>(Role.class);
        for (Role role : Role.values()) {
            clients.put(role, admin.withToken(token("matrix-" + role.id(), role, null)));
        }
        List<Endpoint> endpoints = endpoints();
        assertTrue("resources found: " + endpoints, endpoints.size() > 30);
        List<String> wrong = new ArrayList<>();
        int cells = 0;
        for (Endpoint endpoint : endpoints) {
            HttpResponse<String> anonymous =
                    Http.anonymous(port).send(endpoint.verb, endpoint.path, endpoint.mediaType, endpoint.body());
            cells++;
            if (endpoint.role == null ? isRefusal(anonymous) : anonymous.statusCode() != 401) {
                wrong.add(endpoint + " without credentials: " + anonymous.statusCode());
            }
            if (endpoint.role != null
                    && anonymous.headers().firstValue("WWW-Authenticate").isEmpty()) {
                wrong.add(endpoint + " 401 without WWW-Authenticate");
            }
            for (Role role : Role.values()) {
                HttpResponse<String> answer =
                        clients.get(role).send(endpoint.verb, endpoint.path, endpoint.mediaType, endpoint.body());
                cells++;
                boolean allowed = endpoint.role == null || role.includes(endpoint.role);
                if (allowed ? isRefusal(answer) : answer.statusCode() != 403) {
                    wrong.add(endpoint + " as " + role.id() + ": " + answer.statusCode() + " " + answer.body());
                }
            }
        }
        System.out.println(
                "security matrix: " + endpoints.size() + " endpoints x (anonymous + 4 roles) = " + cells + " cells");
        assertEquals(List.of(), wrong);
    }

    @Test
    public void credentialsInTheWrongPlaceOrBrokenAreRefused() throws Exception {
        String token = AdminToken.ofThisContainer();
        Map<String, RawHttp.Answer> attempts = new TreeMap<>();
        attempts.put("01 token in the query (access_token)", raw("GET", "/api/pipelines?access_token=" + token));
        attempts.put("02 token in the query (token)", raw("GET", "/api/pipelines?token=" + token));
        attempts.put("03 Bearer without a token", raw("GET", "/api/pipelines", "Authorization: Bearer"));
        attempts.put(
                "04 truncated token",
                raw("GET", "/api/pipelines", "Authorization: Bearer " + token.substring(0, token.length() - 1)));
        attempts.put(
                "05 token with one more character",
                raw("GET", "/api/pipelines", "Authorization: Bearer " + token + "A"));
        attempts.put(
                "06 token as Basic credentials",
                raw(
                        "GET",
                        "/api/pipelines",
                        "Authorization: Basic "
                                + java.util.Base64.getEncoder().encodeToString(("admin:" + token).getBytes())));
        attempts.put("07 another scheme (Token)", raw("GET", "/api/pipelines", "Authorization: Token " + token));
        attempts.put(
                "08 two Authorization headers",
                raw("GET", "/api/pipelines", "Authorization: Bearer " + token, "Authorization: Bearer gnt_x"));
        attempts.put(
                "09 token with a trailing space and junk",
                raw("GET", "/api/pipelines", "Authorization: Bearer " + token + " x"));
        attempts.put("10 token in a cookie", raw("GET", "/api/pipelines", "Cookie: gantry_session=" + token));
        attempts.put(
                "11 forged session cookie",
                raw("GET", "/api/pipelines", "Cookie: gantry_session=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"));
        attempts.put(
                "12 Authorization header of 64 KiB",
                raw("GET", "/api/pipelines", "Authorization: Bearer " + "A".repeat(64 * 1024)));
        attempts.put("13 POST /api/health without credentials", raw("POST", "/api/health"));
        attempts.put("14 GET /api/session without credentials", raw("GET", "/api/session"));
        attempts.put(
                "15 X-Forwarded-For does not stand for credentials",
                raw("GET", "/api/pipelines", "X-Forwarded-For: 127.0.0.1"));
        List<String> wrong = new ArrayList<>();
        attempts.forEach((what, answer) -> {
            report(what, answer);
            if (answer.status() != 401 && answer.status() != 431) {
                wrong.add(what + ": " + answer.status());
            }
            if (!answer.contentType().startsWith("application/problem+json")) {
                wrong.add(what + ": not problem+json but " + answer.contentType());
            }
        });
        assertEquals(List.of(), wrong);
    }

    @Test
    public void pathTricksEarnNoMoreThanTheCanonicalPathWould() {
        Map<String, String> tricks = new TreeMap<>();
        tricks.put("16 dot segments", "/api/../api/pipelines");
        tricks.put("17 doubled slash before api", "//api/pipelines");
        tricks.put("18 doubled slash inside", "/api//pipelines");
        tricks.put("19 encoded slashes", "/api/pipelines/..%2F..%2Fetc%2Fpasswd");
        tricks.put("20 upper case", "/API/pipelines");
        tricks.put("21 trailing dot", "/api/pipelines.");
        tricks.put("22 matrix parameter", "/api/pipelines;jsessionid=x");
        tricks.put("23 out of health by dot segments", "/api/health/../pipelines");
        tricks.put("24 out of health by a matrix parameter", "/api/health;/../pipelines");
        tricks.put("25 encoded dot segments", "/api/health/%2e%2e/pipelines");
        tricks.put("26 out of the HMI by dot segments", "/index.html/../api/pipelines");
        tricks.put("27 backslash", "/api\\pipelines");
        List<String> wrong = new ArrayList<>();
        tricks.forEach((what, target) -> {
            RawHttp.Answer answer = raw("GET", target);
            report(what + " " + target, answer);
            if (answer.status() < 400
                    || (answer.body().contains("\"id\"") && answer.body().contains("guarded"))) {
                wrong.add(what + " " + target + ": " + answer.status() + " " + answer.body());
            }
            if (answer.status() != 404 && !answer.contentType().startsWith("application/problem+json")) {
                wrong.add(what + " " + target + ": " + answer.status() + " not problem+json: " + answer.contentType());
            }
        });
        assertEquals(List.of(), wrong);
    }

    @Test
    public void methodTricksDoNotChangeWhatIsAllowed() throws Exception {
        if (admin.get("/api/pipelines/guarded").statusCode() == 404) {
            assertEquals(201, admin.post("/api/pipelines", PIPELINE).statusCode());
        }
        String viewer = token("tricks-viewer", Role.VIEWER, null);
        RawHttp.Answer override = raw(
                "GET", "/api/pipelines/guarded", "Authorization: Bearer " + viewer, "X-HTTP-Method-Override: DELETE");
        report("28 X-HTTP-Method-Override: DELETE on a viewer's GET", override);
        assertEquals(200, override.status());
        RawHttp.Answer overridePost =
                raw("POST", "/api/pipelines/guarded", "Authorization: Bearer " + viewer, "X-HTTP-Method-Override: GET");
        report("29 X-HTTP-Method-Override: GET on a viewer's POST", overridePost);
        assertTrue(overridePost.status() == 403 || overridePost.status() == 405);
        assertEquals("still there", 200, admin.get("/api/pipelines/guarded").statusCode());
        RawHttp.Answer head = raw("HEAD", "/api/pipelines");
        report("30 HEAD without credentials", head);
        assertEquals(401, head.status());
        RawHttp.Answer options = raw("OPTIONS", "/api/pipelines");
        report("31 OPTIONS without credentials", options);
        assertEquals(401, options.status());
        RawHttp.Answer deleteAsViewer = raw("DELETE", "/api/pipelines/guarded", "Authorization: Bearer " + viewer);
        report("32 viewer DELETE", deleteAsViewer);
        assertEquals(403, deleteAsViewer.status());
    }

    @Test
    public void revokedAndExpiredTokensStopWorking() throws Exception {
        String revoked = token("to-revoke", Role.OPERATOR, null);
        assertEquals(200, admin.withToken(revoked).get("/api/pipelines").statusCode());
        assertEquals(
                200,
                admin.send("DELETE", "/api/tokens/" + tokenId(revoked), null).statusCode());
        RawHttp.Answer afterRevoke = raw("GET", "/api/pipelines", "Authorization: Bearer " + revoked);
        report("33 revoked token", afterRevoke);
        assertEquals(401, afterRevoke.status());

        String expiring = token("expiring", Role.VIEWER, Instant.now().plusSeconds(2));
        assertEquals(200, admin.withToken(expiring).get("/api/pipelines").statusCode());
        Await.until(
                "the token expired",
                Duration.ofSeconds(20),
                () -> admin.withToken(expiring).get("/api/pipelines").statusCode() == 401);
        report("34 expired token", raw("GET", "/api/pipelines", "Authorization: Bearer " + expiring));
    }

    @Test
    public void aSessionCookieNeedsItsCsrfTokenAndItsOwnOrigin() throws Exception {
        HttpResponse<String> login =
                Http.anonymous(port).post("/api/session", "{\"token\":\"" + AdminToken.ofThisContainer() + "\"}");
        assertEquals(login.body(), 201, login.statusCode());
        String setCookie = login.headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(
                setCookie,
                setCookie.contains("HttpOnly") && setCookie.toLowerCase().contains("samesite=strict"));
        String cookie = "Cookie: " + setCookie.substring(0, setCookie.indexOf(';'));
        String csrf = JSON.readTree(login.body()).path("csrfToken").asText();

        assertEquals(200, raw("GET", "/api/pipelines", cookie).status());
        RawHttp.Answer noCsrf = raw("DELETE", "/api/pipelines/none", cookie);
        report("35 session cookie without X-CSRF-Token", noCsrf);
        assertEquals(403, noCsrf.status());
        RawHttp.Answer wrongCsrf = raw("DELETE", "/api/pipelines/none", cookie, "X-CSRF-Token: " + csrf + "x");
        report("36 session cookie with a wrong X-CSRF-Token", wrongCsrf);
        assertEquals(403, wrongCsrf.status());
        RawHttp.Answer foreign =
                raw("DELETE", "/api/pipelines/none", cookie, "X-CSRF-Token: " + csrf, "Origin: http://evil.example");
        report("37 session cookie and CSRF token from another origin", foreign);
        assertEquals(403, foreign.status());
        RawHttp.Answer right = raw("DELETE", "/api/pipelines/none", cookie, "X-CSRF-Token: " + csrf);
        assertEquals("admitted, and there is no such pipeline", 404, right.status());
        assertEquals(
                204,
                raw("DELETE", "/api/session", cookie, "X-CSRF-Token: " + csrf).status());
        RawHttp.Answer afterLogout = raw("GET", "/api/pipelines", cookie);
        report("38 session cookie after logout", afterLogout);
        assertEquals(401, afterLogout.status());
    }

    @Test
    public void theEventStreamNeedsCredentialsAndClosesWhenTheyAreRevoked() throws Exception {
        RawHttp.Answer bare = raw(
                "GET",
                "/api/events",
                "Upgrade: websocket",
                "Connection: Upgrade",
                "Sec-WebSocket-Version: 13",
                "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==");
        report("39 WebSocket upgrade without credentials", bare);
        assertEquals(401, bare.status());
        String token = token("stream", Role.VIEWER, null);
        RawHttp.Answer inUrl = raw(
                "GET",
                "/api/events?access_token=" + token,
                "Upgrade: websocket",
                "Connection: Upgrade",
                "Sec-WebSocket-Version: 13",
                "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==");
        report("40 WebSocket with the token in the URL", inUrl);
        assertEquals(401, inUrl.status());
        try (EventStreamClient stream = EventStreamClient.connect(port, "", token)) {
            assertEquals(
                    200,
                    admin.send("DELETE", "/api/tokens/" + tokenId(token), null).statusCode());
            Await.until("the stream closed", Duration.ofSeconds(10), () -> stream.closeStatus() != null);
            System.out.println("security bypass | 41 WebSocket whose token is revoked mid-stream | closed "
                    + stream.closeStatus() + " " + stream.closeReason());
            assertEquals(Integer.valueOf(1008), stream.closeStatus());
        }
    }

    @Test
    public void loginGuessingIsSlowedDownAndSaysSo() throws Exception {
        Http anonymous = Http.anonymous(port);
        HttpResponse<String> unknown =
                anonymous.post("/api/session", "{\"user\":\"nobody\",\"password\":\"not a password\"}");
        HttpResponse<String> wrong =
                anonymous.post("/api/session", "{\"user\":\"admin\",\"password\":\"not a password\"}");
        assertEquals(401, unknown.statusCode());
        assertEquals(
                "no user enumeration",
                JSON.readTree(unknown.body()).path("detail"),
                JSON.readTree(wrong.body()).path("detail"));
        HttpResponse<String> answer = wrong;
        for (int attempt = 0; attempt < 10 && answer.statusCode() != 429; attempt++) {
            answer = anonymous.post("/api/session", "{\"user\":\"admin\",\"password\":\"guess " + attempt + "\"}");
        }
        System.out.println("security bypass | 42 login brute force | " + answer.statusCode() + " " + answer.body());
        assertEquals(429, answer.statusCode());
        assertTrue(answer.headers().firstValue("Retry-After").isPresent());
        assertTrue(JSON.readTree(answer.body()).path("retryAfterSeconds").asLong() > 0);
        // the token still works: a guessed-at user is slowed down, not locked out of the API
        assertEquals(200, admin.get("/api/pipelines").statusCode());
    }

    private static boolean isRefusal(HttpResponse<String> answer) {
        return answer.statusCode() == 401 || answer.statusCode() == 403;
    }

    private RawHttp.Answer raw(String method, String target, String... headers) {
        return RawHttp.send(port, method, target, headers);
    }

    private static void report(String what, RawHttp.Answer answer) {
        String detail = answer.body().replaceAll(".*\"detail\":\"([^\"]*)\".*", "$1");
        System.out.println("security bypass | " + what + " | " + answer.status() + " "
                + (detail.length() > 120 ? detail.substring(0, 120) : detail).replace('\n', ' '));
    }

    private String token(String name, Role role, Instant expiresAt) throws IOException {
        String body = "{\"name\":\"" + name + "\",\"role\":\"" + role.id() + "\""
                + (expiresAt == null ? "" : ",\"expiresAt\":\"" + expiresAt + "\"") + "}";
        HttpResponse<String> created = admin.post("/api/tokens", body);
        assertEquals(created.body(), 201, created.statusCode());
        return JSON.readTree(created.body()).path("token").asText();
    }

    private String tokenId(String secret) throws IOException {
        HttpResponse<String> whoAmI = admin.withToken(secret).get("/api/session");
        JsonNode session = JSON.readTree(whoAmI.body());
        return session.path("tokenId").asText();
    }

    /** Every resource method of the running controller, from the REST resources registered now. */
    private List<Endpoint> endpoints() throws Exception {
        List<Endpoint> endpoints = new ArrayList<>();
        for (ServiceReference<?> reference : context.getServiceReferences(REST_RESOURCE, null)) {
            Object resource = context.getService(reference);
            try {
                Class<?> type = resource.getClass();
                String base = pathOf(type.getAnnotations());
                if (base == null) {
                    continue; // a filter or feature, not a resource
                }
                for (Method method : type.getMethods()) {
                    String verb = httpMethod(method);
                    if (verb != null) {
                        String sub = pathOf(method.getAnnotations());
                        String consumes = consumesOf(method.getAnnotations());
                        if (consumes == null) {
                            consumes = consumesOf(type.getAnnotations());
                        }
                        endpoints.add(new Endpoint(
                                verb,
                                concrete(base, sub),
                                roleOf(method),
                                consumes == null ? "application/json" : consumes));
                    }
                }
            } finally {
                context.ungetService(reference);
            }
        }
        return endpoints;
    }

    private static String concrete(String base, String sub) {
        String path = "/api/" + base + "/" + (sub == null ? "" : sub);
        path = path.replaceAll("\\{version[^}]*}", "1").replaceAll("\\{[^}]*}", "x1");
        return path.replaceAll("/+", "/").replaceAll("(.)/$", "$1");
    }

    private static String httpMethod(Method method) throws Exception {
        for (Annotation annotation : method.getAnnotations()) {
            for (Annotation meta : annotation.annotationType().getAnnotations()) {
                if (meta.annotationType().getName().equals("jakarta.ws.rs.HttpMethod")) {
                    return (String) meta.annotationType().getMethod("value").invoke(meta);
                }
            }
        }
        return null;
    }

    private static String pathOf(Annotation[] annotations) throws Exception {
        for (Annotation annotation : annotations) {
            if (annotation.annotationType().getName().equals("jakarta.ws.rs.Path")) {
                return (String) annotation.annotationType().getMethod("value").invoke(annotation);
            }
        }
        return null;
    }

    /** @return the first media type of a {@code @Consumes}, or null */
    private static String consumesOf(Annotation[] annotations) throws Exception {
        for (Annotation annotation : annotations) {
            if (annotation.annotationType().getName().equals("jakarta.ws.rs.Consumes")) {
                String[] types = (String[])
                        annotation.annotationType().getMethod("value").invoke(annotation);
                return types.length == 0 ? null : types[0];
            }
        }
        return null;
    }

    /** @return the declared least role; null for an anonymous method */
    private static Role roleOf(Method method) throws Exception {
        for (Annotation annotation : method.getAnnotations()) {
            String name = annotation.annotationType().getName();
            if (name.equals(REQUIRES_ROLE)) {
                Object role = annotation.annotationType().getMethod("value").invoke(annotation);
                return Role.valueOf(((Enum<?>) role).name());
            }
            if (name.equals(ANONYMOUS)) {
                return null;
            }
        }
        throw new AssertionError(method + " declares no role");
    }

    private record Endpoint(String verb, String path, Role role, String mediaType) {
        /** An empty body of the type the method takes: enough to pass matching, never enough to change anything. */
        byte[] body() {
            boolean json = mediaType.contains("json");
            return (verb.equals("POST") || verb.equals("PUT")) && json ? "{}".getBytes() : new byte[0];
        }

        @Override
        public String toString() {
            return verb + " " + path + " (" + (role == null ? "anonymous" : role.id()) + ")";
        }
    }
}
