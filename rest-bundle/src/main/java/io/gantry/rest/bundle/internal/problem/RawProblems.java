package io.gantry.rest.bundle.internal.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Writes a problem document straight to a Jetty response, for answers given before Jersey: the
 * security gate's 401 and 403, and the errors Jetty itself raises (a malformed URI, a header too
 * large).
 */
public final class RawProblems {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private RawProblems() {}

    /**
     * @param response where to write
     * @param callback completed when written
     * @param problem  the document; its status is the response's
     */
    public static void write(Response response, Callback callback, ProblemDocument problem) {
        response.setStatus(problem.status());
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, ProblemDocument.MEDIA_TYPE);
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.write(true, ByteBuffer.wrap(bytes(problem)), callback);
    }

    /**
     * @param problem a document
     * @return its JSON
     */
    public static byte[] bytes(ProblemDocument problem) {
        try {
            return MAPPER.writeValueAsBytes(problem);
        } catch (JsonProcessingException e) {
            // a record of strings and numbers always serializes; keep the answer a problem regardless
            return ("{\"type\":\"urn:gantry:problem:internal\",\"status\":" + problem.status() + "}")
                    .getBytes(StandardCharsets.UTF_8);
        }
    }
}
