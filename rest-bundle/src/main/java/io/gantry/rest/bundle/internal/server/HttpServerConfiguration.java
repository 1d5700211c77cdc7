package io.gantry.rest.bundle.internal.server;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Settings of the embedded HTTP server (PID {@code io.gantry.rest.bundle.internal.server.HttpServer}).
 * When a value is not configured, the framework properties {@code gantry.http.host} and
 * {@code gantry.http.port} (set by the launcher from conf/ and the environment) apply.
 */
@ObjectClassDefinition(name = "Gantry HTTP server")
@interface HttpServerConfiguration {
    @AttributeDefinition(description = "Bind address; empty for the framework property gantry.http.host")
    String host() default "";

    @AttributeDefinition(description = "TCP port; -1 for the framework property gantry.http.port")
    int port() default -1;

    @AttributeDefinition(description = "Largest request body accepted, in bytes")
    long maxRequestBytes() default 1024 * 1024;
}
