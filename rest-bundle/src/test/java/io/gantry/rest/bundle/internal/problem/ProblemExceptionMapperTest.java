package io.gantry.rest.bundle.internal.problem;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.gantry.engine.api.error.CircularDependencyException;
import io.gantry.engine.api.error.ConflictException;
import io.gantry.engine.api.error.DeviceException;
import io.gantry.engine.api.error.DeviceFaultException;
import io.gantry.engine.api.error.DeviceNotConnectedException;
import io.gantry.engine.api.error.DeviceTimeoutException;
import io.gantry.engine.api.error.ExecutionCancelledException;
import io.gantry.engine.api.error.GantryException;
import io.gantry.engine.api.error.InvalidConfigException;
import io.gantry.engine.api.error.NotFoundException;
import io.gantry.engine.api.error.PipelineValidationException;
import io.gantry.engine.api.error.PluginUnavailableException;
import io.gantry.engine.api.error.PreconditionFailedException;
import io.gantry.engine.api.error.Problem;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.RedirectionException;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ProblemExceptionMapperTest {
    private final ProblemExceptionMapper mapper = new ProblemExceptionMapper();

    static Stream<Arguments> domainExceptions() {
        List<Problem> problems = List.of(new Problem("nodes[0].function", "unknown-function", "no such function"));
        return Stream.of(
                Arguments.of(new PipelineValidationException(problems), 422, "validation"),
                Arguments.of(new InvalidConfigException("bad"), 422, "validation"),
                Arguments.of(new CircularDependencyException(List.of("a", "b", "a"), problems), 422, "cycle"),
                Arguments.of(new NotFoundException("none"), 404, "not-found"),
                Arguments.of(new ConflictException("taken"), 409, "conflict"),
                Arguments.of(new PreconditionFailedException("stale"), 412, "precondition-failed"),
                Arguments.of(new DeviceNotConnectedException("axis", "not connected"), 409, "device-not-connected"),
                Arguments.of(new DeviceFaultException("axis", "stalled"), 502, "device-fault"),
                Arguments.of(new DeviceTimeoutException("axis", "slow"), 504, "device-timeout"),
                Arguments.of(new PluginUnavailableException("gone"), 503, "plugin-unavailable"),
                Arguments.of(new ExecutionCancelledException("stopped"), 409, "cancelled"),
                Arguments.of(new PayloadTooLargeException(10), 413, "payload-too-large"),
                Arguments.of(coded("timeout"), 504, "timeout"),
                Arguments.of(coded("unauthorized"), 401, "unauthorized"),
                Arguments.of(coded("forbidden"), 403, "forbidden"));
    }

    @ParameterizedTest
    @MethodSource("domainExceptions")
    void mapsEachDomainCodeToItsStatusAndType(GantryException e, int status, String code) {
        ProblemDocument problem = problemOf(mapper.toResponse(e), status);
        assertThat(problem.type()).isEqualTo("urn:gantry:problem:" + code);
        assertThat(problem.detail()).isEqualTo(e.getMessage());
        assertThat(problem.errorId()).isNull();
    }

    @Test
    void validationCarriesEveryFieldError() {
        var e = new PipelineValidationException(List.of(new Problem("nodes[2].function", "required", "missing")));
        ProblemDocument problem = problemOf(mapper.toResponse(e), 422);
        assertThat(problem.errors())
                .containsExactly(new ProblemDocument.FieldError("nodes[2].function", "missing", "required"));
    }

    @Test
    void cycleNamesTheCycleInDetailAndMember() {
        var e = new CircularDependencyException(List.of("a", "b", "a"), List.of(new Problem("edges", "cycle", "c")));
        ProblemDocument problem = problemOf(mapper.toResponse(e), 422);
        assertThat(problem.detail()).contains("a -> b -> a");
        assertThat(problem.cycle()).containsExactly("a", "b", "a");
    }

    @Test
    void deviceProblemsNameTheDevice() {
        assertThat(problemOf(mapper.toResponse(new DeviceFaultException("axis-2", "stall")), 502)
                        .deviceId())
                .isEqualTo("axis-2");
    }

    @Test
    void aDeviceExceptionWithAPluginsOwnCodeIsTheDevicesAnswerNotAnInternalError() {
        DeviceException refused = new DeviceException(
                "plc-1", "modbus-exception", "holding register 40: illegal data address (exception 2)", null) {};

        ProblemDocument problem = problemOf(mapper.toResponse(refused), 502);

        assertThat(problem.detail()).contains("holding register 40");
        assertThat(problem.deviceId()).isEqualTo("plc-1");
    }

    @Test
    void unexpectedExceptionIs500WithErrorIdAndNoStackTrace() throws Exception {
        Response response = mapper.toResponse(new IllegalStateException("secret internals at Foo.java:12"));
        ProblemDocument problem = problemOf(response, 500);
        assertThat(problem.type()).isEqualTo("urn:gantry:problem:internal");
        assertThat(problem.errorId()).matches("[0-9a-f-]{36}");
        assertThat(problem.instance()).isEqualTo("urn:uuid:" + problem.errorId());
        String json = new ObjectMapper().writeValueAsString(problem);
        assertThat(json).doesNotContain("secret", "Foo.java", "at ", "Exception");
    }

    @Test
    void everyInternalErrorGetsItsOwnId() {
        String first = problemOf(mapper.toResponse(new RuntimeException()), 500).errorId();
        String second =
                problemOf(mapper.toResponse(new RuntimeException()), 500).errorId();
        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void malformedJsonIs400InvalidJson() {
        var e = new JsonParseException(null, "Unexpected character");
        assertThat(problemOf(mapper.toResponse(e), 400).type()).isEqualTo("urn:gantry:problem:invalid-json");
    }

    @Test
    void jacksonExceptionsWrappedByJerseyAreStillRecognised() throws Exception {
        Exception unknown = readFailure("{\"name\":\"x\",\"colour\":1}");
        ProblemDocument problem = problemOf(mapper.toResponse(new ProcessingException("reading", unknown)), 422);
        assertThat(problem.errors().get(0).path()).isEqualTo("colour");
        assertThat(problem.errors().get(0).code()).isEqualTo("unknown-field");
    }

    @Test
    void payloadTooLargeIsFoundInsideWrappers() {
        var wrapped = new ProcessingException("reading", new RuntimeException(new PayloadTooLargeException(1)));
        assertThat(problemOf(mapper.toResponse(wrapped), 413).type()).endsWith(":payload-too-large");
    }

    @Test
    void jerseyStatusExceptionsBecomeProblems() {
        assertThat(problemOf(mapper.toResponse(new NotAllowedException("GET")), 405)
                        .type())
                .endsWith(":method-not-allowed");
        assertThat(problemOf(mapper.toResponse(new NotSupportedException()), 415)
                        .type())
                .endsWith(":unsupported-media-type");
        assertThat(problemOf(mapper.toResponse(new jakarta.ws.rs.NotFoundException()), 404)
                        .type())
                .endsWith(":not-found");
    }

    @Test
    void answersRaisedAsExceptionsBelow400PassUnchanged() {
        Response redirect =
                mapper.toResponse(new RedirectionException(Response.Status.SEE_OTHER, URI.create("/api/health")));
        assertThat(redirect.getStatus()).isEqualTo(303);
    }

    @Test
    void unknownDomainCodeIsTreatedAsInternal() {
        assertThat(problemOf(mapper.toResponse(coded("something-new")), 500).errorId())
                .isNotNull();
    }

    private static Exception readFailure(String json) {
        try {
            new ObjectMapper()
                    .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(json, Named.class);
            throw new AssertionError("expected a failure");
        } catch (UnrecognizedPropertyException e) {
            return e;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    record Named(String name) {}

    private static GantryException coded(String code) {
        return new GantryException("coded " + code) {
            @Override
            public String code() {
                return code;
            }
        };
    }

    private static ProblemDocument problemOf(Response response, int status) {
        assertThat(response.getStatus()).isEqualTo(status);
        assertThat(response.getMediaType().toString()).isEqualTo("application/problem+json");
        ProblemDocument problem = (ProblemDocument) response.getEntity();
        assertThat(problem.status()).isEqualTo(status);
        assertThat(problem.title()).isNotBlank();
        return problem;
    }
}
