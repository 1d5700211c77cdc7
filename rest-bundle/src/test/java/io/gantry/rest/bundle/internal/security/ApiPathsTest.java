package io.gantry.rest.bundle.internal.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ApiPathsTest {
    @Test
    void countsEverySpellingOfApiAsTheApi() {
        for (String path : new String[] {
            "/api",
            "/api/",
            "/api/pipelines",
            "/API/pipelines",
            "//api/x",
            "/api;x=1",
            "/api\\pipelines",
            "/Api//health"
        }) {
            assertThat(ApiPaths.covers(path)).as(path).isTrue();
        }
    }

    @Test
    void leavesTheHmisFilesAlone() {
        for (String path : new String[] {"/", "/index.html", "/js/api.js", "/apis", "/apidocs/x"}) {
            assertThat(ApiPaths.covers(path)).as(path).isFalse();
        }
    }
}
