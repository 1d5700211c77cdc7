package io.gantry.rest.bundle.internal.resources;

import io.gantry.engine.api.security.Credentials;
import io.gantry.engine.api.security.Identity;
import io.gantry.engine.api.security.Role;
import io.gantry.rest.bundle.internal.json.SecurityJson;
import io.gantry.rest.bundle.internal.problem.FieldProblems;
import io.gantry.rest.bundle.internal.problem.ProblemDocument;
import io.gantry.rest.bundle.internal.problem.ProblemKind;
import io.gantry.rest.bundle.internal.security.Anonymous;
import io.gantry.rest.bundle.internal.security.AuditNotes;
import io.gantry.rest.bundle.internal.security.BrowserSession;
import io.gantry.rest.bundle.internal.security.BrowserSessions;
import io.gantry.rest.bundle.internal.security.Caller;
import io.gantry.rest.bundle.internal.security.LoginGuard;
import io.gantry.rest.bundle.internal.security.RequiresRole;
import io.gantry.rest.bundle.internal.security.SecurityGate;
import io.gantry.rest.bundle.internal.server.RestResource;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Duration;
import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code /api/session}: the HMI's login ({@code POST}, with a user and password or with a token),
 * who is calling ({@code GET}) and logout ({@code DELETE}). A login answers with the session cookie
 * (HttpOnly, SameSite=Strict, Secure under TLS) and the CSRF token the page sends back on every change.
 */
@Component(service = RestResource.class)
@Path("session")
@Produces(MediaType.APPLICATION_JSON)
public final class SessionResource implements RestResource {
    private static final String REFUSED = "unknown user or wrong password";

    private final Credentials credentials;
    private final BrowserSessions sessions;
    private final LoginGuard guard;

    /**
     * @param credentials checks passwords and tokens
     * @param sessions    the logged-in browsers
     * @param guard       slows down guessing
     */
    @Activate
    public SessionResource(
            @Reference Credentials credentials, @Reference BrowserSessions sessions, @Reference LoginGuard guard) {
        this.credentials = credentials;
        this.sessions = sessions;
        this.guard = guard;
    }

    /**
     * @param body     user and password, or token
     * @param request  for the client's address and the audit line
     * @param security whether the connection is TLS
     * @return 201 with the session, 401 when refused, 429 while guessing is being slowed down
     */
    @POST
    @Anonymous
    @Consumes(MediaType.APPLICATION_JSON)
    public Response login(
            SecurityJson.Login body, @Context ContainerRequestContext request, @Context SecurityContext security) {
        FieldProblems.requireBody(body, "a login body is required: {\"user\":…,\"password\":…} or {\"token\":…}");
        boolean byToken = body.token() != null;
        if (byToken) {
            if (body.user() != null || body.password() != null) {
                new FieldProblems()
                        .add("token", "exclusive", "give a token, or a user and password, not both")
                        .throwIfAny();
            }
        } else {
            new FieldProblems()
                    .requireText(body.user(), "user")
                    .requireText(body.password(), "password")
                    .throwIfAny();
        }
        String source = String.valueOf(request.getProperty(Caller.SOURCE_ATTRIBUTE));
        String tried = byToken ? "(token)" : body.user();
        AuditNotes.who(request, byToken ? "anonymous" : body.user());
        Duration wait = guard.waitBefore(source, tried);
        if (!wait.isZero()) {
            AuditNotes.detail(request, "throttled");
            return problem(
                    ProblemDocument.of(
                            ProblemKind.TOO_MANY_REQUESTS,
                            "too many failed logins; try again in " + seconds(wait) + " s"),
                    wait);
        }
        Optional<Identity> identity = byToken
                ? credentials.authenticateToken(body.token())
                : credentials.authenticatePassword(body.user(), body.password());
        if (identity.isEmpty()) {
            Duration earned = guard.failed(source, tried);
            return problem(
                    ProblemDocument.of(ProblemKind.UNAUTHORIZED, byToken ? "the token is not valid" : REFUSED), earned);
        }
        guard.succeeded(source, tried);
        AuditNotes.who(request, identity.get().who());
        BrowserSession session = sessions.open(identity.get());
        return Response.status(Response.Status.CREATED)
                .cookie(cookie(session.id(), security.isSecure(), false))
                .entity(json(new Caller(session.identity(), session.id()), session))
                .build();
    }

    /**
     * @param security the caller
     * @return who is calling, with the CSRF token when it is a browser session
     */
    @GET
    @RequiresRole(Role.VIEWER)
    public SecurityJson.Session whoAmI(@Context SecurityContext security) {
        Caller caller = (Caller) security.getUserPrincipal();
        return json(
                caller, caller.viaSession() ? sessions.peek(caller.sessionId()).orElse(null) : null);
    }

    /**
     * @param security the caller
     * @return 204, with the cookie cleared
     */
    @DELETE
    @RequiresRole(Role.VIEWER)
    public Response logout(@Context SecurityContext security) {
        Caller caller = (Caller) security.getUserPrincipal();
        if (!caller.viaSession()) {
            throw new io.gantry.engine.api.error.ConflictException(
                    "a token has no session to end; revoke it with DELETE /api/tokens/"
                            + caller.identity().tokenId());
        }
        sessions.close(caller.sessionId());
        return Response.noContent()
                .cookie(cookie("", security.isSecure(), true))
                .build();
    }

    private SecurityJson.Session json(Caller caller, BrowserSession session) {
        Identity identity = caller.identity();
        return new SecurityJson.Session(
                identity.user(),
                identity.role().id(),
                identity.tokenId(),
                caller.viaSession() ? "session" : "token",
                session == null ? null : session.csrfToken(),
                session == null ? null : sessions.idleTimeout().toSeconds());
    }

    private static NewCookie cookie(String value, boolean secure, boolean clear) {
        return new NewCookie.Builder(SecurityGate.COOKIE)
                .value(value)
                .path("/")
                .httpOnly(true)
                .secure(secure)
                .sameSite(NewCookie.SameSite.STRICT)
                .maxAge(clear ? 0 : NewCookie.DEFAULT_MAX_AGE)
                .build();
    }

    private static Response problem(ProblemDocument problem, Duration wait) {
        Response.ResponseBuilder answer = Response.status(problem.status())
                .type(ProblemDocument.MEDIA_TYPE)
                .entity(problem.withRetryAfter(seconds(wait)));
        if (!wait.isZero()) {
            answer.header("Retry-After", seconds(wait));
        }
        if (problem.status() == 401) {
            answer.header("WWW-Authenticate", "Bearer realm=\"gantry\"");
        }
        return answer.build();
    }

    private static long seconds(Duration wait) {
        return (wait.toMillis() + 999) / 1000;
    }
}
