package io.gantry.rest.bundle.internal.problem;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProblemKindTest {
    @Test
    void codesAreKebabCaseOfTheNames() {
        assertThat(ProblemKind.DEVICE_NOT_CONNECTED.code()).isEqualTo("device-not-connected");
        assertThat(ProblemKind.ofCode("payload-too-large")).contains(ProblemKind.PAYLOAD_TOO_LARGE);
        assertThat(ProblemKind.ofCode("nonsense")).isEmpty();
    }

    @Test
    void statusesRaisedByJerseyMapToTheGenericKind() {
        assertThat(ProblemKind.ofStatus(503)).isEqualTo(ProblemKind.UNAVAILABLE);
        assertThat(ProblemKind.ofStatus(504)).isEqualTo(ProblemKind.TIMEOUT);
        assertThat(ProblemKind.ofStatus(409)).isEqualTo(ProblemKind.CONFLICT);
        assertThat(ProblemKind.ofStatus(400)).isEqualTo(ProblemKind.BAD_REQUEST);
        assertThat(ProblemKind.ofStatus(418)).isEqualTo(ProblemKind.BAD_REQUEST);
        assertThat(ProblemKind.ofStatus(599)).isEqualTo(ProblemKind.INTERNAL);
    }
}
