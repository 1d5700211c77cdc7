package io.gantry.rest.bundle.internal.hmi;

import java.nio.ByteBuffer;
import java.util.Optional;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Answers {@code GET} and {@code HEAD} with the HMI's files: {@code ETag} with {@code 304} for a
 * matching {@code If-None-Match}, {@code Cache-Control} by kind of file, and headers that keep the
 * page to its own origin (the page talks only to {@code /api} on the same host).
 *
 * <p>Not Jetty's {@code org.eclipse.jetty.server.handler.ResourceHandler} (jetty-server; its source
 * read, and checked against the 12.1.14 bytecode we ship): it reads files through Jetty's {@code
 * ResourceFactory}, which knows {@code file:}, {@code jar:} and {@code jrt:} but not the {@code
 * bundle:} URLs of this bundle's own resources (jetty-osgi, which would, is not in the
 * distribution); its {@code ETag} is weak, {@code W/"..."} from name, modification time and size,
 * where docs/HMI.md promises a strong tag of the content; it has one {@code Cache-Control} for
 * every file, where vendored libraries are immutable and the page's own files revalidated; and it declines methods other than
 * {@code GET}/{@code HEAD}, which then end as a 404 instead of 405 with {@code Allow}. Its
 * precompressed content needs a {@code .gz} or {@code .br} file beside each file; the bundle ships
 * none, so that would bring nothing.
 */
final class StaticFileHandler extends Handler.Abstract.NonBlocking {
    private final StaticFiles files;

    /** @param files where the files come from */
    StaticFileHandler(StaticFiles files) {
        this.files = files;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        String method = request.getMethod();
        boolean head = HttpMethod.HEAD.is(method);
        if (!head && !HttpMethod.GET.is(method)) {
            response.getHeaders().put(HttpHeader.ALLOW, "GET, HEAD");
            Response.writeError(request, response, callback, HttpStatus.METHOD_NOT_ALLOWED_405);
            return true;
        }
        Optional<StaticFiles.StaticFile> found = files.find(Request.getPathInContext(request));
        if (found.isEmpty()) {
            Response.writeError(request, response, callback, HttpStatus.NOT_FOUND_404);
            return true;
        }
        StaticFiles.StaticFile file = found.get();
        var headers = response.getHeaders();
        headers.put(HttpHeader.ETAG, file.etag());
        headers.put(HttpHeader.CACHE_CONTROL, file.cacheControl());
        // nosniff, the referrer policy and the Content-Security-Policy come from SecurityHeaders, for
        // every answer outside /api
        if (matches(request.getHeaders().getField(HttpHeader.IF_NONE_MATCH), file.etag())) {
            response.setStatus(HttpStatus.NOT_MODIFIED_304);
            response.write(true, null, callback);
            return true;
        }
        response.setStatus(HttpStatus.OK_200);
        headers.put(HttpHeader.CONTENT_TYPE, file.contentType());
        headers.put(HttpHeader.CONTENT_LENGTH, file.content().length);
        response.write(true, head ? null : ByteBuffer.wrap(file.content()), callback);
        return true;
    }

    private static boolean matches(HttpField ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String tag : ifNoneMatch.getValues()) {
            if (tag.equals("*") || tag.equals(etag)) {
                return true;
            }
        }
        return false;
    }
}
