package io.gantry.rest.bundle.internal.resources;

import io.gantry.engine.api.security.IssuedToken;
import io.gantry.engine.api.security.Role;
import io.gantry.engine.api.security.UserAdministration;
import io.gantry.rest.bundle.internal.json.SecurityJson;
import io.gantry.rest.bundle.internal.problem.FieldProblems;
import io.gantry.rest.bundle.internal.security.Caller;
import io.gantry.rest.bundle.internal.security.RequiresRole;
import io.gantry.rest.bundle.internal.server.RestResource;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code /api/tokens}: API tokens (admin only). A token's secret is in the answer that creates it and
 * nowhere else; the controller keeps only its SHA-256.
 */
@Component(service = RestResource.class)
@Path("tokens")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class TokensResource implements RestResource {
    private final UserAdministration users;

    /** @param users the user administration */
    @Activate
    public TokensResource(@Reference UserAdministration users) {
        this.users = users;
    }

    /** @param user only this user's, or everyone's @return tokens, newest first */
    @GET
    @RequiresRole(Role.ADMIN)
    public List<SecurityJson.Token> list(@QueryParam("user") String user) {
        return users.tokens(user).stream().map(SecurityJson.Token::of).toList();
    }

    /**
     * @param body     name, and optionally owner, role and expiry
     * @param security the caller: the owner when none is named
     * @param uriInfo  for the Location header
     * @return 201 with the token and, this once, its secret
     */
    @POST
    @RequiresRole(Role.ADMIN)
    public Response create(SecurityJson.TokenBody body, @Context SecurityContext security, @Context UriInfo uriInfo) {
        FieldProblems.requireBody(body, "a token body is required: {\"name\":…,\"user\":…,\"role\":…}");
        new FieldProblems().requireText(body.name(), "name").throwIfAny();
        Caller caller = (Caller) security.getUserPrincipal();
        String owner = body.user() == null ? caller.identity().user() : body.user();
        Role role = body.role() == null ? users.user(owner).role() : RoleFields.role(body.role(), "role");
        IssuedToken issued = users.createToken(owner, body.name(), role, body.expiresAt());
        return Response.created(uriInfo.getBaseUriBuilder()
                        .path("tokens")
                        .path(issued.info().id())
                        .build())
                .entity(SecurityJson.Token.of(issued))
                .build();
    }

    /** @param id a token's id @return the token, revoked */
    @DELETE
    @Path("{id}")
    @RequiresRole(Role.ADMIN)
    public SecurityJson.Token revoke(@PathParam("id") String id) {
        return SecurityJson.Token.of(users.revokeToken(id));
    }
}
