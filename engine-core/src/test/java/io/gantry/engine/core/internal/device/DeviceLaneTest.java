package io.gantry.engine.core.internal.device;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DeviceLaneTest {
    private final ExecutorService pool = Executors.newCachedThreadPool(new DeviceThreads());
    private final DeviceLane lane = new DeviceLane("axis", pool);

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    @Test
    void aStepStartsOnlyWhenTheOneBeforeHasCompletedAndAFailureDoesNotStopTheNext() {
        List<String> done = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> firstAnswer = new CompletableFuture<>();

        CompletableFuture<Void> first = lane.then(() -> firstAnswer.thenRun(() -> done.add("first")));
        CompletableFuture<Void> failing = lane.then(() -> {
            throw new IllegalStateException("a bug in a step");
        });
        CompletableFuture<Void> third = lane.then(() -> {
            done.add("third");
            return null;
        });

        assertThat(third).isNotDone();
        firstAnswer.complete(null);
        Await.done(third, "the third step");
        assertThat(first).isDone();
        assertThat(failing).isCompletedExceptionally();
        assertThat(done).containsExactly("first", "third");
    }
}
