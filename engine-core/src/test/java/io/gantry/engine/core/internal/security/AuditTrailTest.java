package io.gantry.engine.core.internal.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gantry.engine.api.security.AuditEntry;
import io.gantry.engine.api.security.AuditQuery;
import io.gantry.engine.api.storage.StorageException;
import io.gantry.engine.core.internal.storage.MutableClock;
import io.gantry.engine.core.internal.storage.SqliteAuditLog;
import io.gantry.engine.core.internal.storage.SqliteDatabase;
import io.gantry.engine.core.internal.storage.TestDatabases;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditTrailTest {
    private static final long WAIT_SECONDS = 10;

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-03T08:00:00Z"));
    private SqliteDatabase database;
    private SqliteAuditLog log;
    private AuditTrailImpl trail;

    @BeforeEach
    void open() {
        database = TestDatabases.open(dir.resolve("gantry.db"));
        log = new SqliteAuditLog(database, clock);
        trail = new AuditTrailImpl(log, null, clock, AuditTrailImpl.WAIT);
    }

    @AfterEach
    void close() {
        trail.deactivate();
        database.close();
    }

    private static AuditEntry entry(Instant at, String who, String action, String target, String outcome) {
        return new AuditEntry(0, at, who, action, target, outcome, 200, "10.0.0.7", "");
    }

    private AuditEntry recordNow(String who, String action, String target, String outcome) {
        AuditEntry recorded = trail.record(entry(null, who, action, target, outcome));
        clock.advance(Duration.ofSeconds(1));
        return recorded;
    }

    private static AuditQuery all() {
        return new AuditQuery(null, null, null, null, null, null, 100);
    }

    @Test
    void anEntryIsOnDiskWhenRecordReturns() {
        AuditEntry recorded = trail.record(
                new AuditEntry(0, null, "alice", "POST /api/pipelines", "/api/pipelines", "ok", 201, "10.0.0.7", null));

        assertThat(recorded.id()).isPositive();
        assertThat(recorded.at()).as("the time is set when absent").isEqualTo(clock.instant());
        assertThat(recorded.detail()).isEmpty();

        trail.deactivate();
        database.close();
        database = TestDatabases.open(dir.resolve("gantry.db"));
        trail = new AuditTrailImpl(new SqliteAuditLog(database, clock), null, clock, AuditTrailImpl.WAIT);

        assertThat(trail.find(all())).containsExactly(recorded);
    }

    @Test
    void keepsTheTimeAnEntryCameWithAndNumbersEntriesInIncreasingOrder() {
        Instant earlier = clock.instant().minus(Duration.ofMinutes(5));
        AuditEntry first = trail.record(entry(earlier, "bob", "login", "", "denied"));
        AuditEntry second = trail.record(entry(null, "bob", "login", "", "ok"));

        assertThat(first.at()).isEqualTo(earlier);
        assertThat(second.id()).isGreaterThan(first.id());
    }

    @Test
    void concurrentCallersShareACommit() throws Exception {
        AtomicInteger commits = new AtomicInteger();
        CountDownLatch firstCommitHeld = new CountDownLatch(1);
        CountDownLatch releaseFirstCommit = new CountDownLatch(1);
        List<Integer> batchSizes = new ArrayList<>();
        UnaryOperator<List<AuditEntry>> holdingTheFirst = batch -> {
            synchronized (batchSizes) {
                batchSizes.add(batch.size());
            }
            if (commits.incrementAndGet() == 1) {
                firstCommitHeld.countDown();
                await(releaseFirstCommit);
            }
            return log.appendAll(batch);
        };
        trail.deactivate();
        trail = new AuditTrailImpl(log, holdingTheFirst, clock, Duration.ofSeconds(WAIT_SECONDS));
        int callers = 16;
        ExecutorService threads = Executors.newFixedThreadPool(callers);
        try {
            List<Future<AuditEntry>> recorded = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                String who = "caller-" + i;
                recorded.add(threads.submit(() -> trail.record(entry(null, who, "login", "", "ok"))));
            }
            await(firstCommitHeld);
            int inFirst;
            synchronized (batchSizes) {
                inFirst = batchSizes.get(0);
            }
            // the rest queue up behind the commit on its way to disk (no sleep: the queue is watched)
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
            while (trail.backlog() < callers - inFirst) {
                assertThat(System.nanoTime()).as("all callers queued").isLessThan(deadline);
                Thread.onSpinWait();
            }
            releaseFirstCommit.countDown();

            for (Future<AuditEntry> future : recorded) {
                assertThat(future.get(WAIT_SECONDS, TimeUnit.SECONDS).id()).isPositive();
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(commits).as("commits for %d callers", callers).hasValue(2);
        assertThat(trail.find(all())).hasSize(callers);
    }

    @Test
    void aWriteThatTakesTooLongIsAStorageFailure() {
        CountDownLatch never = new CountDownLatch(1);
        trail.deactivate();
        trail = new AuditTrailImpl(
                log,
                batch -> {
                    await(never);
                    return log.appendAll(batch);
                },
                clock,
                Duration.ofMillis(50));
        try {
            assertThatThrownBy(() -> trail.record(entry(null, "alice", "login", "", "ok")))
                    .isInstanceOf(StorageException.class)
                    .hasMessage("the audit entry 'login' was not on disk within 50 ms");
        } finally {
            never.countDown();
        }
    }

    @Test
    void aFailedWriteReachesItsCallers() {
        trail.deactivate();
        trail = new AuditTrailImpl(
                log,
                batch -> {
                    throw new StorageException("disk full");
                },
                clock,
                AuditTrailImpl.WAIT);

        assertThatThrownBy(() -> trail.record(entry(null, "alice", "login", "", "ok")))
                .isInstanceOf(StorageException.class)
                .hasMessage("disk full");
    }

    @Test
    void aClosedTrailRefusesEntriesAndWritesWhatWasQueuedFirst() {
        CompletableFuture<AuditEntry> queued;
        AuditWriter writer = new AuditWriter(log::appendAll);
        queued = writer.submit(entry(clock.instant(), "alice", "login", "", "ok"));
        writer.close();

        assertThat(queued).isCompleted();
        assertThat(writer.submit(entry(clock.instant(), "bob", "login", "", "ok")))
                .isCompletedExceptionally();
        assertThat(trail.find(all())).extracting(AuditEntry::who).containsExactly("alice");
    }

    @Test
    void findsByWhoAUsersTokensIncludedNewestFirst() {
        AuditEntry alice = recordNow("alice", "login", "", "ok");
        AuditEntry aliceToken = recordNow("alice/tok_abcdefghijkl", "GET /api/pipelines", "/api/pipelines", "ok");
        recordNow("alice.b", "login", "", "ok");
        recordNow("alicex/tok_abcdefghijkl", "login", "", "ok");
        AuditEntry underscore = recordNow("a_b", "login", "", "ok");
        recordNow("axb", "login", "", "ok");

        assertThat(trail.find(new AuditQuery("alice", null, null, null, null, null, 10)))
                .containsExactly(aliceToken, alice);
        assertThat(trail.find(new AuditQuery("alice/tok_abcdefghijkl", null, null, null, null, null, 10)))
                .containsExactly(aliceToken);
        assertThat(trail.find(new AuditQuery("a_b", null, null, null, null, null, 10)))
                .as("'_' is a letter here, not a wildcard")
                .containsExactly(underscore);
    }

    @Test
    void findsByActionTargetOutcomeAndTime() {
        Instant start = clock.instant();
        AuditEntry login = recordNow("alice", "login", "", "denied");
        AuditEntry run =
                recordNow("alice", "POST /api/pipelines/{id}/executions", "/api/pipelines/p1/executions", "ok");
        AuditEntry delete = recordNow("bob", "DELETE /api/pipelines/{id}", "/api/pipelines/p_1", "refused");

        assertThat(trail.find(new AuditQuery(null, "POST", null, null, null, null, 10)))
                .containsExactly(run);
        assertThat(trail.find(new AuditQuery(null, null, "p_1", null, null, null, 10)))
                .as("'_' is matched as given")
                .containsExactly(delete);
        assertThat(trail.find(new AuditQuery(null, null, "%", null, null, null, 10)))
                .isEmpty();
        assertThat(trail.find(new AuditQuery(null, null, null, "denied", null, null, 10)))
                .containsExactly(login);
        assertThat(trail.find(new AuditQuery(null, null, null, null, run.at(), null, 10)))
                .as("since is inclusive")
                .containsExactly(delete, run);
        assertThat(trail.find(new AuditQuery(null, null, null, null, start, run.at(), 10)))
                .as("until is exclusive")
                .containsExactly(login);
        assertThat(trail.find(new AuditQuery(null, null, null, null, null, null, 2)))
                .containsExactly(delete, run);
        assertThatThrownBy(() -> trail.find(new AuditQuery(null, null, null, null, null, null, 0)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void returnsAtMostAThousandEntries() {
        List<AuditEntry> many = new ArrayList<>();
        for (int i = 0; i < SqliteAuditLog.MAX_LIMIT + 5; i++) {
            many.add(entry(clock.instant().plusMillis(i), "bulk", "login", "", "ok"));
        }
        log.appendAll(many);

        assertThat(trail.find(new AuditQuery(null, null, null, null, null, null, Integer.MAX_VALUE)))
                .hasSize(SqliteAuditLog.MAX_LIMIT);
    }

    @Test
    void retentionDeletesEntriesOlderThanItsAge() {
        recordNow("alice", "login", "", "ok");
        clock.advance(Duration.ofDays(10));
        AuditEntry recent = recordNow("bob", "login", "", "ok");

        assertThat(log.prune(Duration.ofDays(5))).isEqualTo(1);
        assertThat(log.prune(Duration.ZERO)).as("0 keeps everything").isZero();
        assertThat(trail.find(all())).containsExactly(recent);
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(WAIT_SECONDS, TimeUnit.SECONDS)) {
                throw new AssertionError("waited " + WAIT_SECONDS + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
