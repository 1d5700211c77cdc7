package io.gantry.rest.bundle.internal.resources;

import io.gantry.engine.api.security.Role;
import io.gantry.engine.api.security.UserAdministration;
import io.gantry.engine.api.security.UserInfo;
import io.gantry.rest.bundle.internal.json.SecurityJson;
import io.gantry.rest.bundle.internal.problem.FieldProblems;
import io.gantry.rest.bundle.internal.security.BrowserSessions;
import io.gantry.rest.bundle.internal.security.RequiresRole;
import io.gantry.rest.bundle.internal.server.RestResource;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code /api/users}: the controller's users (admin only). Passwords go in, never out; a new password
 * logs the user's browsers out.
 */
@Component(service = RestResource.class)
@Path("users")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class UsersResource implements RestResource {
    private final UserAdministration users;
    private final BrowserSessions sessions;

    /**
     * @param users    the user administration
     * @param sessions the browsers logged in, logged out when their user's password changes
     */
    @Activate
    public UsersResource(@Reference UserAdministration users, @Reference BrowserSessions sessions) {
        this.users = users;
        this.sessions = sessions;
    }

    /** @return every user */
    @GET
    @RequiresRole(Role.ADMIN)
    public List<SecurityJson.User> list() {
        return users.users().stream().map(SecurityJson.User::of).toList();
    }

    /** @param name a user's name @return the user */
    @GET
    @Path("{name}")
    @RequiresRole(Role.ADMIN)
    public SecurityJson.User get(@PathParam("name") String name) {
        return SecurityJson.User.of(users.user(name));
    }

    /**
     * @param body    name, role and optionally a password
     * @param uriInfo for the Location header
     * @return 201 with the user
     */
    @POST
    @RequiresRole(Role.ADMIN)
    public Response create(SecurityJson.UserBody body, @Context UriInfo uriInfo) {
        FieldProblems.requireBody(body, "a user body is required: {\"name\":…,\"role\":…,\"password\":…}");
        new FieldProblems()
                .requireText(body.name(), "name")
                .requireText(body.role(), "role")
                .throwIfAny();
        UserInfo created = users.createUser(body.name(), RoleFields.role(body.role(), "role"), body.password());
        return Response.created(uriInfo.getBaseUriBuilder()
                        .path("users")
                        .path(created.name())
                        .build())
                .entity(SecurityJson.User.of(created))
                .build();
    }

    /**
     * @param name a user's name
     * @param body a new role, a new password, or both
     * @return the user
     */
    @PUT
    @Path("{name}")
    @RequiresRole(Role.ADMIN)
    public SecurityJson.User update(@PathParam("name") String name, SecurityJson.UserBody body) {
        FieldProblems.requireBody(body, "give a role, a password or both");
        if (body.name() != null && !body.name().equals(name)) {
            new FieldProblems()
                    .add("name", "immutable", "a user cannot be renamed")
                    .throwIfAny();
        }
        if (body.role() == null && body.password() == null) {
            new FieldProblems()
                    .add("", "required", "give a role, a password or both")
                    .throwIfAny();
        }
        Role role = body.role() == null ? null : RoleFields.role(body.role(), "role");
        UserInfo updated = users.updateUser(name, role, body.password());
        if (body.password() != null) {
            sessions.closeAllOf(name);
        }
        return SecurityJson.User.of(updated);
    }

    /** @param name a user's name @return 204; its tokens are revoked */
    @DELETE
    @Path("{name}")
    @RequiresRole(Role.ADMIN)
    public Response delete(@PathParam("name") String name) {
        users.deleteUser(name);
        // at once, and so that a user made again under the same name inherits no browser
        sessions.closeAllOf(name);
        return Response.noContent().build();
    }
}
