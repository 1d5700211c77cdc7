package io.gantry.rest.bundle.internal.events;

import java.lang.annotation.Annotation;

/** Hub settings for tests, as ConfigAdmin would give them. */
final class HubConfig {
    private HubConfig() {}

    static EventHubConfiguration of(int bufferSize, int clientQueueSize, int pingIntervalSeconds) {
        return new EventHubConfiguration() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return EventHubConfiguration.class;
            }

            @Override
            public int bufferSize() {
                return bufferSize;
            }

            @Override
            public int clientQueueSize() {
                return clientQueueSize;
            }

            @Override
            public long clientQueueBytes() {
                return 32L * 1024 * 1024;
            }

            @Override
            public int pingIntervalSeconds() {
                return pingIntervalSeconds;
            }

            @Override
            public int idleTimeoutSeconds() {
                return 300;
            }
        };
    }
}
