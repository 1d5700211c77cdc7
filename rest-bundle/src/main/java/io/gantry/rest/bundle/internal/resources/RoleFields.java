package io.gantry.rest.bundle.internal.resources;

import io.gantry.engine.api.security.Role;
import io.gantry.rest.bundle.internal.problem.FieldProblems;

/** Reads a role named in a request body, refusing an unknown one with the field's path. */
final class RoleFields {
    private RoleFields() {}

    static Role role(String id, String path) {
        try {
            return Role.of(id);
        } catch (IllegalArgumentException e) {
            new FieldProblems().add(path, "enum", e.getMessage()).throwIfAny();
            throw e; // not reached: throwIfAny threw
        }
    }
}
