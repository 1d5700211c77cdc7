package io.gantry.rest.bundle.internal.resources.filter;

import io.gantry.rest.bundle.internal.problem.PayloadTooLargeException;
import io.gantry.rest.bundle.internal.server.RestResource;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.InputStream;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Caps request bodies (PID {@code io.gantry.rest.bundle.internal.resources.filter.RequestBodyLimit}):
 * a declared Content-Length above the limit is refused with 413 before anything is read; a body
 * without one (chunked) is counted while it is parsed and cut off with 413 once it passes the limit.
 *
 * <p>Not Jetty's {@code org.eclipse.jetty.server.handler.SizeLimitHandler} (jetty-server; its
 * source read, and checked against the 12.1.14 bytecode we ship): for a declared length it calls
 * {@code Response.writeError(413)}, so the answer is Jetty's error page, not the {@code
 * application/problem+json} {@code payload-too-large} every {@code /api} error must be; for a
 * counted body it fails the whole request ({@code Request.fail} with a {@code
 * BadMessageException}), beneath Jersey and its exception mapper; it answers without reading the
 * refused body first, so a client still sending gets a TCP reset instead of the 413 (see {@code
 * DISCARD_LIMIT_BYTES}); and its limit is fixed when it is built, while this limit is a DS
 * configuration.
 */
@Component(service = RestResource.class)
@Designate(ocd = RequestBodyLimit.Configuration.class)
@Provider
@PreMatching
@Priority(Priorities.HEADER_DECORATOR)
public final class RequestBodyLimit implements ContainerRequestFilter, RestResource {
    /** The limit. */
    @ObjectClassDefinition(name = "Gantry REST request body limit")
    public @interface Configuration {
        /** @return the largest request body accepted, in bytes */
        @AttributeDefinition(description = "Largest request body accepted, in bytes")
        long maxBodyBytes() default 1024 * 1024;

        /** @return the largest plugin jar accepted by {@code POST /api/plugins}, in bytes */
        @AttributeDefinition(description = "Largest plugin jar accepted by POST /api/plugins, in bytes")
        long maxPluginBytes() default 64L * 1024 * 1024;
    }

    private final long maxBodyBytes;
    private final long maxPluginBytes;

    /** @param config the limit */
    @Activate
    public RequestBodyLimit(Configuration config) {
        this(config.maxBodyBytes(), config.maxPluginBytes());
    }

    RequestBodyLimit(long maxBodyBytes) {
        this(maxBodyBytes, maxBodyBytes);
    }

    RequestBodyLimit(long maxBodyBytes, long maxPluginBytes) {
        this.maxBodyBytes = maxBodyBytes;
        this.maxPluginBytes = maxPluginBytes;
    }

    /**
     * How much of a refused body is read and dropped before answering: a server that answers and
     * closes while the client is still sending makes TCP reset the connection, and the client never
     * reads the 413. Beyond this the connection is closed anyway.
     */
    private static final long DISCARD_LIMIT_BYTES = 16L * 1024 * 1024;

    private static void discardUpTo(ContainerRequestContext request, long limit) {
        try (InputStream body = request.getEntityStream()) {
            long left = limit;
            byte[] buffer = new byte[64 * 1024];
            int read;
            while (left > 0 && (read = body.read(buffer, 0, (int) Math.min(buffer.length, left))) >= 0) {
                left -= read;
            }
        } catch (IOException e) {
            // the client went away; the 413 is answered anyway
        }
    }

    @Override
    public void filter(ContainerRequestContext request) {
        // a plugin jar is a body of its own kind: megabytes, where JSON bodies are kilobytes
        boolean upload = "POST".equals(request.getMethod())
                && "plugins".equals(request.getUriInfo().getPath());
        long limit = upload ? maxPluginBytes : maxBodyBytes;
        if (request.getLength() > limit) {
            discardUpTo(request, DISCARD_LIMIT_BYTES);
            throw new PayloadTooLargeException(limit);
        }
        if (request.hasEntity()) {
            request.setEntityStream(new LimitedInputStream(request.getEntityStream(), limit));
        }
    }

    /**
     * @param contentLength the declared length; -1 when none
     * @return whether it is above the limit of JSON bodies
     */
    boolean exceedsDeclaredLength(long contentLength) {
        return contentLength > maxBodyBytes;
    }
}
