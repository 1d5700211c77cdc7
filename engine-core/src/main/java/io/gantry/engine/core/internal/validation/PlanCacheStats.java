package io.gantry.engine.core.internal.validation;

/**
 * The plan cache's counters at one moment.
 *
 * @param hits          runs that reused a plan
 * @param misses        runs of a stored version that compiled its plan
 * @param invalidations plans dropped because a function or device they use changed
 * @param size          plans kept now
 */
public record PlanCacheStats(long hits, long misses, long invalidations, int size) {}
