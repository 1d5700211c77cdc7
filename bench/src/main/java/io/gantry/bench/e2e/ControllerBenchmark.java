package io.gantry.bench.e2e;

/** A benchmark against the shared controller that runs the shipped plugins, started once for all of them. */
abstract class ControllerBenchmark {
    protected final Setup setup;
    protected final Controller controller;

    ControllerBenchmark(Setup setup, Controller controller) {
        this.setup = setup;
        this.controller = controller;
    }

    /**
     * Measures and adds its figures to {@code results}.
     *
     * @throws EndpointMissing when the controller does not serve an endpoint it needs
     */
    abstract void run(Results results) throws Exception;
}
