package io.gantry.rest.bundle.internal.security;

import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.PreEncodedHttpField;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Headers that tell a browser how to treat every answer: no sniffing of content types, no framing by
 * other sites, no referrer leaving the controller, and for the HMI's pages a content security policy
 * that allows only the controller's own scripts, styles and connections (no inline script, no eval).
 */
public final class SecurityHeaders extends Handler.Wrapper {
    /** The HMI's policy; the page has no inline script or style, so none is allowed. */
    public static final String POLICY =
            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                    + "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
                    + "frame-ancestors 'none'";

    private static final HttpField NOSNIFF = new PreEncodedHttpField("X-Content-Type-Options", "nosniff");
    private static final HttpField NO_FRAMES = new PreEncodedHttpField("X-Frame-Options", "DENY");
    private static final HttpField NO_REFERRER = new PreEncodedHttpField("Referrer-Policy", "no-referrer");
    private static final HttpField CSP = new PreEncodedHttpField("Content-Security-Policy", POLICY);

    /** @param next what serves the requests */
    public SecurityHeaders(Handler next) {
        super(next);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        response.getHeaders().add(NOSNIFF);
        response.getHeaders().add(NO_FRAMES);
        response.getHeaders().add(NO_REFERRER);
        String path = request.getHttpURI().getPath();
        if (path == null || !path.startsWith("/api")) {
            response.getHeaders().add(CSP);
        }
        return super.handle(request, response, callback);
    }
}
