package io.gantry.engine.core.internal.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gantry.engine.api.error.ConflictException;
import io.gantry.engine.api.error.NotFoundException;
import io.gantry.engine.api.execution.ExecutionError;
import io.gantry.engine.api.execution.ExecutionRecord;
import io.gantry.engine.api.execution.ExecutionStatus;
import io.gantry.engine.api.execution.NodeRecord;
import io.gantry.engine.api.execution.NodeStatus;
import io.gantry.engine.api.service.ExecutionQuery;
import io.gantry.engine.api.storage.ExecutionRepository;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SqliteExecutionRepositoryTest extends DatabaseTestSupport {
    private static final String STARTER = "alice/tok_abcdefghijkl";
    private SqliteExecutionRepository repository;

    @BeforeEach
    void createRepository() {
        repository = new SqliteExecutionRepository(database, clock);
    }

    /** A run started now, with node a done and node b running. */
    private ExecutionRecord running(String id, String pipelineId) {
        Instant now = clock.instant();
        Map<String, NodeRecord> nodes = new LinkedHashMap<>();
        nodes.put(
                "a",
                new NodeRecord(
                        NodeStatus.SUCCEEDED,
                        "core.constant",
                        "io.gantry.core.functions",
                        "1.0.0",
                        now.plusNanos(1),
                        3L,
                        1,
                        Map.of(),
                        Map.of("value", 42),
                        null));
        nodes.put(
                "b",
                new NodeRecord(
                        NodeStatus.RUNNING,
                        "core.delay",
                        "io.gantry.core.functions",
                        "1.0.0",
                        now.plusMillis(3),
                        null,
                        1,
                        Map.of("value", 42),
                        Map.of(),
                        null));
        nodes.put("c", NodeRecord.pending("core.log"));
        return new ExecutionRecord(
                id,
                pipelineId,
                1,
                ExecutionStatus.RUNNING,
                now,
                null,
                null,
                1,
                3,
                nodes,
                null,
                STARTER,
                null,
                null,
                null,
                null);
    }

    private static ExecutionRecord finished(ExecutionRecord run, ExecutionStatus status, Instant at) {
        return new ExecutionRecord(
                run.id(),
                run.pipelineId(),
                run.pipelineVersion(),
                status,
                run.startedAt(),
                at,
                Duration.between(run.startedAt(), at).toMillis(),
                run.total(),
                run.total(),
                run.nodes(),
                status == ExecutionStatus.FAILED ? new ExecutionError("device-fault", "boom", "b", "axis-1") : null,
                run.startedBy(),
                null,
                null,
                null,
                null);
    }

    /** Inserts a run started now and finished one second later, then moves the clock on a minute. */
    private ExecutionRecord insertFinished(String id, String pipelineId, ExecutionStatus status) {
        ExecutionRecord run = running(id, pipelineId);
        repository.insert(finished(run, status, run.startedAt().plusSeconds(1)));
        clock.advance(Duration.ofMinutes(1));
        return run;
    }

    @Test
    void insertsUpdatesAndFindsAnExecutionExactly() {
        ExecutionRecord run = running("e1", "p");
        repository.insert(run);
        assertThat(repository.find("e1")).contains(run);

        ExecutionRecord done =
                finished(run, ExecutionStatus.FAILED, run.startedAt().plusMillis(1500));
        repository.update(done);

        assertThat(repository.find("e1")).contains(done);
        assertThat(repository.find("nope")).isEmpty();
    }

    @Test
    void keepsTheSkipReasonAndTheBranchOfANode() {
        ExecutionRecord run = running("e-skip", "p");
        Map<String, NodeRecord> nodes = new LinkedHashMap<>(run.nodes());
        nodes.put(
                "c",
                new NodeRecord(
                        NodeStatus.SKIPPED,
                        "core.log",
                        null,
                        null,
                        null,
                        null,
                        0,
                        Map.of(),
                        Map.of(),
                        null,
                        "condition-false",
                        "!a.ok",
                        0));
        ExecutionRecord withSkip = new ExecutionRecord(
                run.id(),
                run.pipelineId(),
                1,
                run.status(),
                run.startedAt(),
                null,
                null,
                2,
                3,
                nodes,
                null,
                STARTER,
                null,
                null,
                null,
                null);

        repository.insert(withSkip);

        assertThat(repository.find("e-skip")).contains(withSkip);
        assertThat(repository.find("e-skip").orElseThrow().nodes().get("c").reason())
                .isEqualTo("condition-false");
    }

    @Test
    void keepsWhoStartedARunAndNullWhenThatIsNotKnown() {
        repository.insert(running("e1", "p"));
        ExecutionRecord unknown = running("e2", "p");
        repository.insert(new ExecutionRecord(
                unknown.id(),
                unknown.pipelineId(),
                unknown.pipelineVersion(),
                unknown.status(),
                unknown.startedAt(),
                null,
                null,
                unknown.done(),
                unknown.total(),
                unknown.nodes(),
                null));

        assertThat(repository.find("e1").orElseThrow().startedBy()).isEqualTo(STARTER);
        assertThat(repository.find("e2").orElseThrow().startedBy()).isNull();
    }

    @Test
    void savesNewAndKnownRecordsInOneBatch() {
        ExecutionRecord first = running("e1", "p");
        repository.insert(first);
        ExecutionRecord firstDone =
                finished(first, ExecutionStatus.SUCCEEDED, first.startedAt().plusMillis(5));
        ExecutionRecord second = running("e2", "p");

        repository.saveAll(List.of(firstDone, second));

        assertThat(repository.find("e1")).contains(firstDone);
        assertThat(repository.find("e2")).contains(second);
        // written as UTF-8 bytes and cast: the column still holds text, whichever statement wrote it
        assertThat(database.query(
                        "look",
                        "SELECT typeof(nodes) || ' ' || length(nodes) FROM execution ORDER BY id",
                        row -> row.getString(1)))
                .containsExactly(
                        "text " + JsonCodec.write(firstDone.nodes()).length(),
                        "text " + JsonCodec.write(second.nodes()).length());
    }

    @Test
    void aStaleRunningSnapshotNeverReplacesTheRecordOfAnEndedRun() {
        ExecutionRecord started = running("e1", "p");
        ExecutionRecord done =
                finished(started, ExecutionStatus.SUCCEEDED, started.startedAt().plusMillis(5));
        repository.saveAll(List.of(done));

        repository.saveAll(List.of(started));

        assertThat(repository.find("e1")).contains(done);
    }

    @Test
    void keepsAnInlineRunWithoutPipeline() {
        ExecutionRecord inline = running("e1", null);
        repository.insert(inline);
        assertThat(repository.find("e1")).contains(inline);
    }

    @Test
    void refusesADuplicateInsertAndAnUpdateOfNothing() {
        repository.insert(running("e1", "p"));
        assertThatThrownBy(() -> repository.insert(running("e1", "p"))).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> repository.update(running("e2", "p"))).isInstanceOf(NotFoundException.class);
    }

    @Test
    void listsNewestFirstWithFilters() {
        insertFinished("old", "p", ExecutionStatus.SUCCEEDED);
        insertFinished("other", "q", ExecutionStatus.FAILED);
        insertFinished("mid", "p", ExecutionStatus.FAILED);
        repository.insert(running("new", "p"));

        assertThat(repository.list(new ExecutionQuery(null, null, 10)))
                .extracting(ExecutionRecord::id)
                .containsExactly("new", "mid", "other", "old");
        assertThat(repository.list(new ExecutionQuery("p", null, 10)))
                .extracting(ExecutionRecord::id)
                .containsExactly("new", "mid", "old");
        assertThat(repository.list(new ExecutionQuery(null, ExecutionStatus.FAILED, 10)))
                .extracting(ExecutionRecord::id)
                .containsExactly("mid", "other");
        assertThat(repository.list(new ExecutionQuery("p", ExecutionStatus.FAILED, 10)))
                .extracting(ExecutionRecord::id)
                .containsExactly("mid");
        assertThat(repository.list(new ExecutionQuery(null, null, 2)))
                .extracting(ExecutionRecord::id)
                .containsExactly("new", "mid");
        assertThatThrownBy(() -> repository.list(new ExecutionQuery(null, null, 0)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void ordersRunsStartedInTheSameInstantByInsertion() {
        repository.insert(running("first", "p"));
        repository.insert(running("second", "p"));

        assertThat(repository.list(new ExecutionQuery(null, null, 10)))
                .extracting(ExecutionRecord::id)
                .containsExactly("second", "first");
    }

    @Test
    void marksRunningExecutionsInterruptedAndTheirNodes() {
        ExecutionRecord run = running("cut", "p");
        repository.insert(run);
        insertFinished("ok", "p", ExecutionStatus.SUCCEEDED);
        clock.advance(Duration.ofSeconds(5));

        assertThat(repository.markInterrupted("the controller restarted")).isEqualTo(1);

        ExecutionRecord cut = repository.find("cut").orElseThrow();
        assertThat(cut.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(cut.startedBy()).as("the interruption keeps the starter").isEqualTo(STARTER);
        assertThat(cut.error())
                .isEqualTo(new ExecutionError(
                        ExecutionRepository.CONTROLLER_RESTARTED, "the controller restarted", null, null));
        assertThat(cut.finishedAt()).isEqualTo(clock.instant());
        assertThat(cut.durationMs())
                .isEqualTo(Duration.between(run.startedAt(), clock.instant()).toMillis());
        assertThat(cut.nodes().get("a")).isEqualTo(run.nodes().get("a"));
        assertThat(cut.nodes().get("b").status()).isEqualTo(NodeStatus.FAILED);
        assertThat(cut.nodes().get("b").error().nodeId()).isEqualTo("b");
        assertThat(cut.nodes().get("c").status()).isEqualTo(NodeStatus.SKIPPED);
        assertThat(cut.done()).isEqualTo(3);
        assertThat(repository.find("ok").orElseThrow().status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(repository.markInterrupted("again")).isZero();
    }

    @Test
    void handsBackTheRunsItEndedAsTheyAreNowRecorded() {
        repository.insert(running("cut", "p"));
        insertFinished("ok", "p", ExecutionStatus.SUCCEEDED);

        List<ExecutionRecord> ended = repository.endInterrupted("the controller restarted");

        assertThat(ended).containsExactly(repository.find("cut").orElseThrow());
        assertThat(ended.get(0).status()).isEqualTo(ExecutionStatus.FAILED);
    }

    @Test
    void prunesByCountKeepingTheNewestAndRunningOnes() {
        repository.insert(running("still-running", "p"));
        clock.advance(Duration.ofMinutes(1));
        for (int i = 1; i <= 5; i++) {
            insertFinished("e" + i, "p", ExecutionStatus.SUCCEEDED);
        }

        assertThat(repository.prune(2, null)).isEqualTo(3);

        assertThat(repository.list(new ExecutionQuery(null, null, 10)))
                .extracting(ExecutionRecord::id)
                .containsExactly("e5", "e4", "still-running");
        assertThat(repository.prune(0, Duration.ZERO)).isZero();
    }

    @Test
    void prunesByAgeOfTheEnd() {
        insertFinished("ancient", "p", ExecutionStatus.SUCCEEDED);
        clock.advance(Duration.ofDays(31));
        insertFinished("recent", "p", ExecutionStatus.FAILED);
        repository.insert(running("old-but-running", "p"));
        clock.advance(Duration.ofDays(31));

        assertThat(repository.prune(0, Duration.ofDays(40))).isEqualTo(1);

        assertThat(repository.list(new ExecutionQuery(null, null, 10)))
                .extracting(ExecutionRecord::id)
                .containsExactly("old-but-running", "recent");
    }
}
