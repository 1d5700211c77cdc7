package io.gantry.rest.bundle.internal.security;

import io.gantry.engine.api.security.Credentials;
import io.gantry.engine.api.security.Identity;
import io.gantry.rest.bundle.internal.problem.ProblemDocument;
import io.gantry.rest.bundle.internal.problem.ProblemKind;
import io.gantry.rest.bundle.internal.problem.RawProblems;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Who is calling, decided once for every request before any context sees it. Under {@code /api}
 * (the event stream included) a request needs a bearer token or a browser session, except the few
 * {@link AnonymousRoutes}; what the caller may do is then each resource method's own declaration
 * ({@link RoleCheckFeature}). A request made with the session cookie that changes something must
 * carry the session's CSRF token and, when it says where it comes from, come from this origin.
 *
 * <p>Credentials are taken from the {@code Authorization} header and the session cookie only: a token
 * in the URL is refused with a reason, because URLs end up in logs, histories and proxies.
 */
@Component(service = SecurityGate.class)
public final class SecurityGate {
    /** The session cookie's name. */
    public static final String COOKIE = "gantry_session";
    /** The header a session's page sends its CSRF token in. */
    public static final String CSRF_HEADER = "X-CSRF-Token";

    private static final int MAX_AUTHORIZATION_LENGTH = 256;
    private static final String CHALLENGE = "Bearer realm=\"gantry\"";

    private final Credentials credentials;
    private final BrowserSessions sessions;

    /**
     * @param credentials checks tokens
     * @param sessions    the browsers logged in
     */
    @Activate
    public SecurityGate(@Reference Credentials credentials, @Reference BrowserSessions sessions) {
        this.credentials = credentials;
        this.sessions = sessions;
    }

    /**
     * @param next what serves the requests let through
     * @return a handler that lets through only what may pass
     */
    public Handler.Wrapper around(Handler next) {
        Handler.Wrapper gate = new Handler.Wrapper() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                return SecurityGate.this.handle(request, response, callback, getHandler());
            }
        };
        gate.setHandler(next);
        return gate;
    }

    private boolean handle(Request request, Response response, Callback callback, Handler next) throws Exception {
        String path = request.getHttpURI().getCanonicalPath();
        if (path == null || !ApiPaths.covers(path)) {
            return next.handle(request, response, callback);
        }
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        String method = request.getMethod();
        boolean anonymous = AnonymousRoutes.allows(method, path);
        List<String> authorization = request.getHeaders().getValuesList(HttpHeader.AUTHORIZATION);
        Caller caller;
        if (!authorization.isEmpty()) {
            Optional<String> token = bearerToken(authorization);
            if (token.isEmpty()) {
                return refuse(
                        response, callback, "invalid_request", "the Authorization header must be one 'Bearer <token>'");
            }
            Optional<Identity> identity = credentials.authenticateToken(token.get());
            if (identity.isEmpty()) {
                return refuse(
                        response, callback, "invalid_token", "the token is not valid: unknown, revoked or expired");
            }
            caller = new Caller(identity.get(), null);
        } else {
            caller = sessionCaller(request).orElse(null);
            if (caller == null && !anonymous) {
                return refuse(response, callback, null, withoutCredentials(request));
            }
            if (caller != null && !anonymous && AnonymousRoutes.mutates(method)) {
                String problem = forgeryProblem(request, caller);
                if (problem != null) {
                    RawProblems.write(response, callback, ProblemDocument.of(ProblemKind.FORBIDDEN, problem));
                    return true;
                }
            }
            if (caller != null && isUpgrade(request)) {
                // a page of another origin on the same site (another port of this host) can open a
                // WebSocket that carries the cookie: browsers always say the origin of an upgrade
                String problem = foreignOrigin(request);
                if (problem != null) {
                    RawProblems.write(response, callback, ProblemDocument.of(ProblemKind.FORBIDDEN, problem));
                    return true;
                }
            }
        }
        if (caller != null) {
            request.setAttribute(Caller.ATTRIBUTE, caller);
        }
        request.setAttribute(Caller.SOURCE_ATTRIBUTE, Request.getRemoteAddr(request));
        return next.handle(request, response, callback);
    }

    private static Optional<String> bearerToken(List<String> authorization) {
        if (authorization.size() != 1) {
            return Optional.empty();
        }
        String value = authorization.get(0);
        if (value.length() > MAX_AUTHORIZATION_LENGTH || value.length() < 8) {
            return Optional.empty();
        }
        if (!value.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        String token = value.substring(7);
        return token.isEmpty() || !token.chars().allMatch(SecurityGate::tokenChar)
                ? Optional.empty()
                : Optional.of(token);
    }

    private static boolean tokenChar(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
    }

    private Optional<Caller> sessionCaller(Request request) {
        for (org.eclipse.jetty.http.HttpCookie cookie : Request.getCookies(request)) {
            if (COOKIE.equals(cookie.getName())) {
                Optional<BrowserSession> session = sessions.use(cookie.getValue());
                if (session.isPresent()) {
                    return Optional.of(
                            new Caller(session.get().identity(), session.get().id()));
                }
            }
        }
        return Optional.empty();
    }

    private String forgeryProblem(Request request, Caller caller) {
        String expected =
                sessions.peek(caller.sessionId()).map(BrowserSession::csrfToken).orElse("");
        String given = request.getHeaders().get(CSRF_HEADER);
        if (given == null
                || expected.isEmpty()
                || !MessageDigest.isEqual(
                        given.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8))) {
            return "a change made with the session cookie must carry the " + CSRF_HEADER
                    + " header the login answered with";
        }
        return foreignOrigin(request);
    }

    private static String foreignOrigin(Request request) {
        String origin = request.getHeaders().get(HttpHeader.ORIGIN);
        if (origin != null && !sameOrigin(origin, request)) {
            return "a request made with the session cookie must come from this controller's own pages, not " + origin;
        }
        return null;
    }

    private static boolean isUpgrade(Request request) {
        String upgrade = request.getHeaders().get(HttpHeader.UPGRADE);
        return upgrade != null && upgrade.equalsIgnoreCase("websocket");
    }

    private static boolean sameOrigin(String origin, Request request) {
        String host = request.getHeaders().get(HttpHeader.HOST);
        return host != null
                && (origin.equalsIgnoreCase("http://" + host) || origin.equalsIgnoreCase("https://" + host));
    }

    private static String withoutCredentials(Request request) {
        String query = request.getHttpURI().getQuery();
        if (query != null && query.toLowerCase(Locale.ROOT).contains("token")) {
            return "credentials in the URL are refused (URLs end up in logs and proxies); send the token as "
                    + "'Authorization: Bearer <token>'";
        }
        boolean staleCookie = Request.getCookies(request).stream().anyMatch(c -> COOKIE.equals(c.getName()));
        return staleCookie
                ? "the session has ended; log in again"
                : "this needs credentials: 'Authorization: Bearer <token>' or a session from POST /api/session";
    }

    private static boolean refuse(Response response, Callback callback, String error, String detail) {
        response.getHeaders()
                .put(new HttpField(
                        HttpHeader.WWW_AUTHENTICATE,
                        error == null ? CHALLENGE : CHALLENGE + ", error=\"" + error + "\""));
        RawProblems.write(response, callback, ProblemDocument.of(ProblemKind.UNAUTHORIZED, detail));
        return true;
    }
}
