package io.gantry.bench.e2e;

/**
 * The controller does not serve an endpoint a benchmark needs (yet): the benchmark is reported as
 * skipped with this message instead of failing the whole run.
 */
final class EndpointMissing extends RuntimeException {
    private static final long serialVersionUID = 1L;

    EndpointMissing(String message) {
        super(message);
    }
}
