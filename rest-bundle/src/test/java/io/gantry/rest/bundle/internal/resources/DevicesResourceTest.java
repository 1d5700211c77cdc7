package io.gantry.rest.bundle.internal.resources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.gantry.engine.api.error.PipelineValidationException;
import io.gantry.engine.api.error.Problem;
import io.gantry.rest.bundle.internal.json.DeviceJson;
import io.gantry.rest.bundle.internal.testing.InMemoryDeviceService;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The body checks of {@code POST} and {@code PUT /devices}, before the device service is called. */
class DevicesResourceTest {
    private final DevicesResource resource = new DevicesResource(new InMemoryDeviceService());

    @Test
    void createNamesEveryMissingField() {
        assertThat(problemsOf(() -> resource.create(new DeviceJson.Create(null, null, " ", null), null)))
                .extracting(Problem::path)
                .containsExactly("type", "name");
    }

    @Test
    void createRefusesABadIdBeforeLookingAtTheOtherFields() {
        assertThat(problemsOf(() -> resource.create(new DeviceJson.Create("../x", null, null, null), null)))
                .extracting(Problem::path, Problem::code)
                .containsExactly(tuple("id", "invalid-id"));
    }

    @Test
    void updateNeedsNameAndConfig() {
        assertThat(problemsOf(() -> resource.update("axis-1", new DeviceJson.Update(null, null))))
                .extracting(Problem::path)
                .containsExactly("name", "config");
    }

    @Test
    void aMissingBodyIsOneProblemAtTheRoot() {
        assertThat(problemsOf(() -> resource.create(null, null)))
                .containsExactly(new Problem("", "required", "a device body is required"));
        assertThat(problemsOf(() -> resource.update("axis-1", null)))
                .containsExactly(new Problem("", "required", "a body with name and config is required"));
    }

    private static List<Problem> problemsOf(Runnable call) {
        PipelineValidationException[] thrown = new PipelineValidationException[1];
        assertThatThrownBy(call::run).isInstanceOfSatisfying(PipelineValidationException.class, e -> thrown[0] = e);
        return thrown[0].problems();
    }
}
