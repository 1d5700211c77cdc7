package io.gantry.rest.bundle.internal.security;

import io.gantry.engine.api.security.Role;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The least role a resource method needs. Every resource method carries this or {@link Anonymous};
 * one that carries neither is refused to everyone ({@link RoleCheckFeature}), and a test walks the
 * resources to keep it from happening.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface RequiresRole {
    /** @return the least role that may call the method */
    Role value();
}
