package io.gantry.rest.bundle.internal.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A resource method anyone may call, without credentials: only the health status and the login. The
 * {@link SecurityGate} lets the same routes through before Jersey ({@link AnonymousRoutes}).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Anonymous {}
