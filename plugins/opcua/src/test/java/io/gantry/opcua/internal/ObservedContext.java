package io.gantry.opcua.internal;

import io.gantry.engine.api.device.DeviceContext;
import io.gantry.engine.api.signal.SignalSample;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The context a controller hands a device, recording what the device reports on its own and letting a test
 * wait for it: a wait on this object's monitor, woken by every report, never a sleep.
 */
final class ObservedContext implements DeviceContext {
    private final String deviceId;
    private final Map<String, Object> config;
    private final List<Map.Entry<String, SignalSample>> pushed = new ArrayList<>(); // guarded by this
    private final List<String> disconnects = new ArrayList<>(); // guarded by this
    private final List<String> faults = new ArrayList<>(); // guarded by this

    ObservedContext(String deviceId, Map<String, Object> config) {
        this.deviceId = deviceId;
        this.config = Map.copyOf(config);
    }

    @Override
    public String deviceId() {
        return deviceId;
    }

    @Override
    public Map<String, Object> config() {
        return config;
    }

    @Override
    public synchronized void reportFault(String reason) {
        faults.add(reason);
        notifyAll();
    }

    @Override
    public synchronized void reportDisconnected(String reason) {
        disconnects.add(reason);
        notifyAll();
    }

    @Override
    public synchronized void publishSignal(String signal, SignalSample sample) {
        pushed.add(Map.entry(signal, sample));
        notifyAll();
    }

    /** @return every reading pushed so far, in order */
    synchronized List<Map.Entry<String, SignalSample>> pushed() {
        return List.copyOf(pushed);
    }

    /** @return the readings of one signal pushed so far, in order */
    synchronized List<SignalSample> pushed(String signal) {
        return pushed.stream()
                .filter(entry -> entry.getKey().equals(signal))
                .map(Map.Entry::getValue)
                .toList();
    }

    /** @return the reasons of every dropped session reported so far */
    synchronized List<String> disconnects() {
        return List.copyOf(disconnects);
    }

    /** @return the faults reported so far */
    synchronized List<String> faults() {
        return List.copyOf(faults);
    }

    /**
     * @param signal  a signal
     * @param matches what the reading must be
     * @param timeout how long to wait at most
     * @return the first reading of the signal, from {@code after} on, that matches
     */
    synchronized SignalSample awaitSample(String signal, int after, Predicate<SignalSample> matches, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        int seen = 0;
        while (true) {
            List<SignalSample> samples = pushed(signal);
            for (int i = Math.max(after, seen); i < samples.size(); i++) {
                if (matches.test(samples.get(i))) {
                    return samples.get(i);
                }
            }
            seen = samples.size();
            waitUntil(deadline, "a matching reading of '" + signal + "'; it pushed " + samples);
        }
    }

    /** @return the first dropped-session reason, waiting for one */
    synchronized String awaitDisconnect(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (disconnects.isEmpty()) {
            waitUntil(deadline, "a dropped session to be reported");
        }
        return disconnects.get(0);
    }

    private void waitUntil(long deadline, String what) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            throw new AssertionError("no " + what + " in time");
        }
        try {
            wait(Math.max(1, left / 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted waiting for " + what, e);
        }
    }
}
