package io.gantry.rest.bundle.internal.resources;

import io.gantry.engine.api.security.Role;
import io.gantry.rest.bundle.internal.security.RequiresRole;
import io.gantry.rest.bundle.internal.server.RestResource;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.osgi.service.component.annotations.Component;

/**
 * {@code GET /api/openapi.json}: the OpenAPI 3.0 description of the API. It is hand-written
 * (openapi.json beside this class): the generators scan classes through class loaders in ways
 * that do not fit OSGi bundles. A unit test keeps it in step with the resources' annotations.
 */
@Component(service = RestResource.class)
@Path("openapi.json")
public final class OpenApiResource implements RestResource {
    static final String DOCUMENT = "openapi.json";

    private final byte[] document = load();

    /** @return the document */
    @GET
    @RequiresRole(Role.VIEWER)
    @Produces(MediaType.APPLICATION_JSON)
    public byte[] document() {
        return document.clone();
    }

    private static byte[] load() {
        try (InputStream in = OpenApiResource.class.getResourceAsStream(DOCUMENT)) {
            if (in == null) {
                throw new IllegalStateException(DOCUMENT + " is missing from the bundle");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
