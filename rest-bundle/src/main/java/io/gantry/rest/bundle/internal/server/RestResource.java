package io.gantry.rest.bundle.internal.server;

/**
 * Marks a DS component as a JAX-RS resource or provider of the {@code /api} application: a
 * component registered as this service is picked up by {@link HttpServer} dynamically.
 */
public interface RestResource {}
