package io.gantry.engine.core.internal.device;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PluginCallsTest {
    private final ExecutorService pool = Executors.newCachedThreadPool(new DeviceThreads());
    private final PluginCalls calls = new PluginCalls(pool, 100);
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void stop() {
        release.countDown();
        pool.shutdownNow();
    }

    @Test
    void anOperatorReadsThePluginsMessageNotTheWrappers() {
        assertThat(PluginCalls.explain("connect", new CompletionException(new IllegalStateException("busy"))))
                .isEqualTo("connect failed: busy");
        assertThat(PluginCalls.explain(
                        "connect", new ExecutionException(new RuntimeException(new IOException("refused")))))
                .isEqualTo("connect failed: refused");
        assertThat(PluginCalls.explain("connect", new IllegalStateException("no link", new IOException("refused"))))
                .isEqualTo("connect failed: no link");
        assertThat(PluginCalls.explain("close", new NullPointerException()))
                .isEqualTo("close failed: NullPointerException");
    }

    @Test
    void aCallThatBlocksItsThreadFailsAtItsDeadlineOnThePool() {
        CompletableFuture<Object> blocked = calls.call("create", () -> {
            Await.uninterruptibly(release);
            return "late";
        });

        Throwable failure = blocked.handle((value, e) -> e).join();

        assertThat(PluginCalls.explain("create", failure)).isEqualTo("create did not complete within 100 ms");
    }

    @Test
    void aStageIsPassedOnAndNoAnswerIsAFailure() {
        assertThat(calls.stage("connect", () -> CompletableFuture.completedFuture(null))
                        .join())
                .isNull();
        Throwable failure =
                calls.stage("connect", () -> null).handle((value, e) -> e).join();
        assertThat(PluginCalls.explain("connect", failure)).isEqualTo("connect failed: connect() returned null");
    }
}
