package io.gantry.engine.core.internal.deploy;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Settings of hot deployment (PID {@code io.gantry.engine.core.internal.deploy.PluginDeployer}). */
@ObjectClassDefinition(name = "Gantry plugin deployment")
@interface PluginDeployerConfiguration {
    @AttributeDefinition(description = "How long an update waits for calls in flight on the old version, in ms")
    long drainTimeoutMs() default 5_000;

    @AttributeDefinition(
            description = "How long a started plugin's components may take to come up before it is"
                    + " judged on what came up, in ms")
    long activationTimeoutMs() default 10_000;

    @AttributeDefinition(
            description = "After a change in deploy/ is seen, how long a file must stay alike before it is taken"
                    + " as written, in ms (the poll, felix.fileinstall.poll, also catches what the watch misses)")
    long settleMs() default 100;

    @AttributeDefinition(description = "How long a refresh of the updated bundle may take, in ms")
    long refreshTimeoutMs() default 10_000;
}
