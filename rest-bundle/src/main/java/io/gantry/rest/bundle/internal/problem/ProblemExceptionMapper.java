package io.gantry.rest.bundle.internal.problem;

import io.gantry.rest.bundle.internal.server.RestResource;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.UUID;
import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one error mapping of the API: every exception a request raises becomes an
 * {@code application/problem+json} answer. Internal errors get a fresh error id that is in the
 * answer and in the log (with the stack trace); the answer itself never carries a stack trace.
 */
@Component(service = RestResource.class)
@Provider
public final class ProblemExceptionMapper implements ExceptionMapper<Throwable>, RestResource {
    private static final Logger LOG = LoggerFactory.getLogger(ProblemExceptionMapper.class);
    private static final List<String> KEPT_HEADERS = List.of("WWW-Authenticate", "Retry-After");

    @Override
    public Response toResponse(Throwable thrown) {
        if (thrown instanceof WebApplicationException web && web.getResponse().getStatus() < 400) {
            // a redirect or "not modified" raised as an exception is an answer, not an error
            return web.getResponse();
        }
        ProblemDocument problem = ProblemClassifier.classify(thrown);
        if (problem.status() >= 500 && problem.type().endsWith(":" + ProblemKind.INTERNAL.code())) {
            String errorId = UUID.randomUUID().toString();
            LOG.error("internal error {} while answering a request", errorId, thrown);
            problem = problem.withErrorId(errorId);
        } else if (problem.status() >= 500) {
            LOG.warn("answering {}: {}", problem.status(), problem.detail());
        }
        Response.ResponseBuilder answer = Response.status(problem.status())
                .type(ProblemDocument.MEDIA_TYPE)
                .entity(problem);
        if (thrown instanceof WebApplicationException web) {
            // a 401's challenge and a 429's wait are part of the answer, not of the error
            for (String header : KEPT_HEADERS) {
                Object value = web.getResponse().getHeaders().getFirst(header);
                if (value != null) {
                    answer.header(header, value);
                }
            }
        }
        if (problem.status() == Response.Status.REQUEST_ENTITY_TOO_LARGE.getStatusCode()) {
            // the rest of a refused body may be unread, so the server closes the connection after the
            // answer: say so, or a client that pools connections sends its next request into a closed one
            answer.header("Connection", "close");
        }
        return answer.build();
    }
}
