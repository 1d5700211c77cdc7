package io.gantry.rest.bundle.internal.server;

import io.gantry.rest.bundle.internal.problem.ProblemDocument;
import io.gantry.rest.bundle.internal.problem.RawProblems;
import io.gantry.rest.bundle.internal.security.ApiPaths;
import org.eclipse.jetty.ee10.servlet.ErrorHandler;
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

    /** The raw path, since a URI Jetty refused may have no canonical one. */
    private static boolean underApi(Request request) {
        String path = request.getHttpURI().getPath();
        return path != null && ApiPaths.covers(path);
    }
}
