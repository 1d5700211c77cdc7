package io.gantry.engine.core.internal.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ActivationCheckTest {
    @Test
    void theFailureShownIsTheDeepestCauseInThePluginsOwnWords() {
        String trace = """
                java.lang.reflect.InvocationTargetException
                \tat java.base/jdk.internal.reflect.DirectConstructorHandleAccessor.newInstance(Unknown Source)
                \tat org.apache.felix.scr.impl.inject.internal.ComponentConstructorImpl.newInstance(ComponentConstructorImpl.java:326)
                Caused by: java.lang.IllegalStateException: wrapped
                \t... 30 more
                Caused by: java.io.IOException: cannot open the belt controller port
                \tat com.vendor.belt.BeltDriver.<init>(BeltDriver.java:21)
                """;
        assertThat(ActivationCheck.rootCause(trace)).isEqualTo("cannot open the belt controller port");
    }

    @Test
    void aFailureWithoutCauseShowsItsMessageOrItsSimpleName() {
        assertThat(ActivationCheck.rootCause("java.lang.IllegalStateException: no belt\n\tat x.Y.z(Y.java:1)"))
                .isEqualTo("no belt");
        assertThat(ActivationCheck.rootCause("java.lang.NullPointerException\n\tat x.Y.z(Y.java:1)"))
                .isEqualTo("NullPointerException");
        assertThat(ActivationCheck.rootCause(null)).isEqualTo("activation failed");
    }
}
