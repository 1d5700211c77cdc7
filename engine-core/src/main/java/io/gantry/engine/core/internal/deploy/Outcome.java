package io.gantry.engine.core.internal.deploy;

/**
 * How starting a plugin version went.
 *
 * @param failure what went wrong, in the plugin's own words; null when it serves
 * @param refused whether the registry refused it (an id owned by another plugin, a wrong descriptor)
 */
record Outcome(String failure, boolean refused) {
    static final Outcome SERVING = new Outcome(null, false);

    static Outcome failed(String failure) {
        return new Outcome(failure, false);
    }

    static Outcome refused(String failure) {
        return new Outcome(failure, true);
    }

    boolean serving() {
        return failure == null;
    }

    /** @return the plugin list's state for a version that ended this way and nothing earlier serves */
    String state() {
        return refused ? "REFUSED" : "FAILED";
    }
}
