package io.gantry.engine.core.internal.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gantry.engine.api.error.ConflictException;
import io.gantry.engine.api.error.NotFoundException;
import io.gantry.engine.api.error.PreconditionFailedException;
import io.gantry.engine.api.pipeline.EdgeDefinition;
import io.gantry.engine.api.pipeline.NodeDefinition;
import io.gantry.engine.api.pipeline.PipelineDefinition;
import io.gantry.engine.api.pipeline.PipelineVersion;
import io.gantry.engine.api.pipeline.RepeatSpec;
import io.gantry.engine.api.pipeline.RetrySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SqlitePipelineRepositoryTest extends DatabaseTestSupport {
    private SqlitePipelineRepository repository;

    @BeforeEach
    void createRepository() {
        repository = new SqlitePipelineRepository(database, clock);
    }

    static PipelineDefinition pipeline(String id, String name) {
        return new PipelineDefinition(
                id,
                name,
                null,
                List.of(
                        NodeDefinition.of("a", "core.constant", Map.of("value", 1)),
                        NodeDefinition.of("b", "core.log", Map.of())),
                List.of(new EdgeDefinition("a.value", "b.value")));
    }

    @Test
    void storesVersionsOneTwoThreeAndReadsEachBack() {
        repository.create(pipeline("p", "first"));
        clock.advance(Duration.ofSeconds(1));
        repository.saveNewVersion("p", pipeline("p", "second"), 1);
        clock.advance(Duration.ofSeconds(1));
        PipelineVersion third = repository.saveNewVersion("p", pipeline("p", "third"), 2);

        assertThat(third.version()).isEqualTo(3);
        assertThat(repository.latest("p")).contains(third);
        assertThat(repository.version("p", 1).orElseThrow().definition().name()).isEqualTo("first");
        assertThat(repository.version("p", 2).orElseThrow().definition().name()).isEqualTo("second");
        assertThat(repository.version("p", 2).orElseThrow().savedAt())
                .isEqualTo(Instant.parse("2026-11-26T10:00:01.123456789Z"));
        assertThat(repository.version("p", 4)).isEmpty();
        assertThat(repository.versions("p"))
                .extracting(PipelineVersion::version)
                .containsExactly(1, 2, 3);
    }

    @Test
    void createKeepsTheGivenIdOrAssignsOne() {
        assertThat(repository.create(pipeline("mine", "n")).id()).isEqualTo("mine");
        PipelineVersion assigned = repository.create(pipeline(null, "n"));
        assertThat(assigned.id()).isNotBlank();
        assertThat(assigned.definition().id()).isEqualTo(assigned.id());
        assertThat(repository.latest(assigned.id())).contains(assigned);
    }

    @Test
    void refusesADuplicateId() {
        repository.create(pipeline("p", "first"));
        assertThatThrownBy(() -> repository.create(pipeline("p", "again")))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("'p'");
        assertThat(repository.versions("p")).hasSize(1);
    }

    @Test
    void rejectsAStaleExpectedVersionNamingBothVersions() {
        repository.create(pipeline("p", "first"));
        repository.saveNewVersion("p", pipeline("p", "second"), 1);

        assertThatThrownBy(() -> repository.saveNewVersion("p", pipeline("p", "stale"), 1))
                .isInstanceOf(PreconditionFailedException.class)
                .hasMessageContaining("expected version 1")
                .hasMessageContaining("current version is 2");
        assertThat(repository.latest("p").orElseThrow().definition().name()).isEqualTo("second");
    }

    @Test
    void savesWithoutACheckWhenNoVersionIsExpected() {
        repository.create(pipeline("p", "first"));
        assertThat(repository.saveNewVersion("p", pipeline("other-id", "second"), null))
                .satisfies(v -> assertThat(v.version()).isEqualTo(2))
                .satisfies(v -> assertThat(v.definition().id()).isEqualTo("p"));
    }

    @Test
    void savingAnUnknownPipelineIsNotFound() {
        assertThatThrownBy(() -> repository.saveNewVersion("nope", pipeline("nope", "x"), null))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void ofTwoThreadsSavingOnTheSameVersionExactlyOneWins() throws Exception {
        repository.create(pipeline("p", "first"));
        int threads = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<PipelineVersion>> results = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                String name = "writer-" + i;
                Callable<PipelineVersion> save = () -> {
                    start.await();
                    return repository.saveNewVersion("p", pipeline("p", name), 1);
                };
                results.add(pool.submit(save));
            }
            start.countDown();
            int won = 0;
            int rejected = 0;
            for (Future<PipelineVersion> result : results) {
                try {
                    result.get();
                    won++;
                } catch (ExecutionException e) {
                    assertThat(e.getCause()).isInstanceOf(PreconditionFailedException.class);
                    rejected++;
                }
            }
            assertThat(won).isEqualTo(1);
            assertThat(rejected).isEqualTo(threads - 1);
            assertThat(repository.versions("p")).hasSize(2);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void restoreSavesAnOldDefinitionAsANewVersion() {
        repository.create(pipeline("p", "first"));
        repository.saveNewVersion("p", pipeline("p", "second"), 1);

        PipelineVersion restored = repository.restore("p", 1, 2);

        assertThat(restored.version()).isEqualTo(3);
        assertThat(restored.definition())
                .isEqualTo(repository.version("p", 1).orElseThrow().definition());
        assertThat(repository.versions("p")).hasSize(3);
        assertThatThrownBy(() -> repository.restore("p", 9, null)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> repository.restore("p", 1, 2)).isInstanceOf(PreconditionFailedException.class);
    }

    @Test
    void listsTheLatestOfEveryPipelineAndDeletesWithHistory() {
        repository.create(pipeline("b", "b1"));
        repository.create(pipeline("a", "a1"));
        repository.saveNewVersion("a", pipeline("a", "a2"), 1);

        assertThat(repository.latestOfAll())
                .extracting(v -> v.id() + ":" + v.version())
                .containsExactly("a:2", "b:1");

        assertThat(repository.delete("a")).isTrue();
        assertThat(repository.delete("a")).isFalse();
        assertThat(repository.versions("a")).isEmpty();
        assertThat(repository.latest("a")).isEmpty();
        assertThat(repository.create(pipeline("a", "again")).version()).isEqualTo(1);
    }

    @Test
    void roundTripsNestedParamsExactly() {
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("list", Arrays.asList(1, 2.5, "three", true, null, List.of(4, 5)));
        nested.put("map", Map.of("x", -7, "y", Map.of("deep", false)));
        nested.put("nothing", null);
        nested.put("big", 3_000_000_000L);
        nested.put("pi", 3.141592653589793);
        nested.put("text", "ünïcødé \"quoted\"");
        NodeDefinition node = new NodeDefinition(
                "n", "servo.move_to", "axis-1", nested, new RetrySpec(3, 100, 2.0, 1000, 0.1), 5000L);
        PipelineDefinition definition =
                new PipelineDefinition("json", "json", "all kinds of values", List.of(node), List.of());

        PipelineVersion created = repository.create(definition);

        assertThat(created.definition()).isEqualTo(definition);
        assertThat(repository.latest("json").orElseThrow().definition()).isEqualTo(definition);
    }

    @Test
    void roundTripsConditionsJoinsOrderEdgesAndLoops() {
        PipelineDefinition definition = new PipelineDefinition(
                "seq",
                "sequence",
                null,
                List.of(
                        NodeDefinition.of("weigh", "core.compare", Map.of()),
                        NodeDefinition.of("reject", "core.log", Map.of()).withWhen("!weigh.result"),
                        NodeDefinition.of("done", "core.log", Map.of()).withJoin(NodeDefinition.JOIN_ANY),
                        NodeDefinition.of("poll", "core.compare", Map.of())
                                .withRepeat(RepeatSpec.until("result", 20, 500L)),
                        NodeDefinition.of("stack", "core.log", Map.of()).withRepeat(RepeatSpec.times(3))),
                List.of(
                        new EdgeDefinition("weigh", "reject"),
                        new EdgeDefinition("reject", "done", EdgeDefinition.ON_FAILURE),
                        new EdgeDefinition("weigh.result", "done.in")));

        repository.create(definition);

        assertThat(repository.latest("seq").orElseThrow().definition()).isEqualTo(definition);
    }

    @Test
    void numbersComeBackAsJacksonReadsThem() {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("smallLong", 5L);
        params.put("float", 1.5f);
        repository.create(new PipelineDefinition(
                "n", "n", null, List.of(NodeDefinition.of("a", "core.constant", params)), List.of()));

        Map<String, Object> read =
                repository.latest("n").orElseThrow().definition().nodes().get(0).params();

        // documented in JsonCodec: an int-sized integer reads as Integer, a decimal as Double
        assertThat(read.get("smallLong")).isEqualTo(5);
        assertThat(read.get("float")).isEqualTo(1.5d);
    }

    @Test
    void theLatestVersionReadOnceStaysRightAcrossSavesAndDeletes() {
        repository.create(pipeline("p", "first"));
        assertThat(repository.latest("p").orElseThrow().version()).isEqualTo(1);
        repository.saveNewVersion("p", pipeline("p", "second"), 1);
        assertThat(repository.latest("p").orElseThrow().definition().name()).isEqualTo("second");
        // what a repository that never cached anything reads from the file agrees
        assertThat(new SqlitePipelineRepository(database, clock).latest("p")).isEqualTo(repository.latest("p"));
        repository.delete("p");
        assertThat(repository.latest("p")).isEmpty();
        repository.create(pipeline("p", "again"));
        assertThat(repository.latest("p").orElseThrow().definition().name()).isEqualTo("again");
    }

    @Test
    void readsRacingWithSavesNeverLeaveAnOlderVersionCached() throws Exception {
        repository.create(pipeline("p", "v1"));
        ExecutorService readers = Executors.newFixedThreadPool(3);
        try {
            AtomicBoolean saving = new AtomicBoolean(true);
            List<Future<?>> reads = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                reads.add(readers.submit(() -> {
                    while (saving.get()) {
                        repository.latest("p");
                    }
                }));
            }
            for (int version = 1; version < 200; version++) {
                repository.saveNewVersion("p", pipeline("p", "v" + (version + 1)), version);
            }
            saving.set(false);
            for (Future<?> read : reads) {
                read.get();
            }
        } finally {
            readers.shutdownNow();
        }
        assertThat(repository.latest("p").orElseThrow().version()).isEqualTo(200);
    }
}
