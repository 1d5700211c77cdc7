package io.gantry.engine.api.service;

/**
 * A file in deploy/ that the controller does not deploy, and why.
 *
 * @param file   its name in deploy/
 * @param reason what is wrong with it, in words an operator can act on
 */
public record RejectedFile(String file, String reason) {}
