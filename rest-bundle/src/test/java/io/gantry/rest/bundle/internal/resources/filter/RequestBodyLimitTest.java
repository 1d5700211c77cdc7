package io.gantry.rest.bundle.internal.resources.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gantry.rest.bundle.internal.problem.PayloadTooLargeException;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

class RequestBodyLimitTest {
    @Test
    void declaredLengthAboveTheLimitIsRefused() {
        RequestBodyLimit limit = new RequestBodyLimit(1024);
        assertThat(limit.exceedsDeclaredLength(1025)).isTrue();
        assertThat(limit.exceedsDeclaredLength(1024)).isFalse();
        assertThat(limit.exceedsDeclaredLength(-1)).isFalse();
    }

    @Test
    void streamUpToTheLimitReadsFully() throws Exception {
        try (InputStream in = new LimitedInputStream(new ByteArrayInputStream(new byte[1024]), 1024)) {
            assertThat(in.readAllBytes()).hasSize(1024);
        }
    }

    @Test
    void streamBeyondTheLimitIsCutOff() {
        InputStream in = new LimitedInputStream(new ByteArrayInputStream(new byte[1025]), 1024);
        assertThatThrownBy(in::readAllBytes).isInstanceOf(PayloadTooLargeException.class);
    }

    @Test
    void singleByteReadsAndSkipsCountToo() throws Exception {
        InputStream in = new LimitedInputStream(new ByteArrayInputStream(new byte[10]), 5);
        assertThat(in.skip(5)).isEqualTo(5);
        assertThat(in.markSupported()).isFalse();
        assertThatThrownBy(in::read).isInstanceOf(PayloadTooLargeException.class);
    }
}
