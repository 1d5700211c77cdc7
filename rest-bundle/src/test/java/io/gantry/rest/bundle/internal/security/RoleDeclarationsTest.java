package io.gantry.rest.bundle.internal.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.gantry.rest.bundle.internal.testing.ResourceClasses;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every resource method of the bundle, found by walking its classes, declares who may call it; only
 * the health status and the login are open to anonymous callers.
 */
class RoleDeclarationsTest {
    @Test
    void everyResourceMethodDeclaresExactlyOneRoleOrIsAnonymous() throws Exception {
        List<String> undeclared = new ArrayList<>();
        List<String> anonymous = new ArrayList<>();
        int methods = 0;
        for (Class<?> type : ResourceClasses.all()) {
            for (Method method : type.getDeclaredMethods()) {
                if (ResourceClasses.httpMethod(method) == null) {
                    continue;
                }
                methods++;
                boolean role = method.isAnnotationPresent(RequiresRole.class);
                boolean open = method.isAnnotationPresent(Anonymous.class);
                if (role == open) {
                    undeclared.add(type.getSimpleName() + "." + method.getName());
                }
                if (open) {
                    anonymous.add(type.getSimpleName() + "." + method.getName());
                }
            }
        }
        assertThat(methods).as("resource methods found").isGreaterThan(30);
        assertThat(undeclared)
                .as("methods with neither or both of @RequiresRole and @Anonymous")
                .isEmpty();
        assertThat(anonymous).containsExactlyInAnyOrder("HealthResource.health", "SessionResource.login");
    }
}
