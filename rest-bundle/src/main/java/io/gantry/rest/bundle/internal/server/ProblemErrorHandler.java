package io.gantry.rest.bundle.internal.server;

import io.gantry.rest.bundle.internal.problem.ProblemDocument;
import io.gantry.rest.bundle.internal.problem.RawProblems;
import io.gantry.rest.bundle.internal.security.ApiPaths;
import java.nio.ByteBuffer;
import org.eclipse.jetty.ee10.servlet.ErrorHandler;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Answers the errors Jetty raises itself, before any resource runs (an ambiguous or malformed URI, a
 * header too large, a request that matched nothing), as problem+json under {@code /api}, like every
 * other error there; elsewhere (the HMI) Jetty's own page stays. Installed on the server and on the
 * {@code /api} servlet context, which keeps an error handler of its own.
 */
final class ProblemErrorHandler extends ErrorHandler {
    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        if (!underApi(request)) {
            return super.handle(request, response, callback);
        }
        int code = response.getStatus() >= 400 ? response.getStatus() : 500;
        Object message = request.getAttribute(ERROR_MESSAGE);
        RawProblems.write(
                response, callback, ProblemDocument.ofStatus(code, message == null ? null : message.toString()));
        return true;
    }

    /**
     * A request Jetty could not even parse (a backslash in the path, a broken request line) has no
     * path to decide by: it gets a problem wherever it was going.
     */
    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(HttpHeader.CONTENT_TYPE, ProblemDocument.MEDIA_TYPE);
        return ByteBuffer.wrap(RawProblems.bytes(ProblemDocument.ofStatus(status, reason)));
    }

    /** The raw path, since a URI Jetty refused may have no canonical one. */
    private static boolean underApi(Request request) {
        String path = request.getHttpURI().getPath();
        return path != null && ApiPaths.covers(path);
    }
}
