package io.gantry.engine.core.internal.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonCodecTest {
    private record Stamped(Instant at, List<Instant> more) {}

    @Test
    void writesInstantsAsJacksonsTimeModuleDoesAndReadsThemBack() throws Exception {
        JsonMapper timeModule = JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .build();
        Stamped stamped = new Stamped(
                Instant.parse("2026-12-06T20:59:05.121564523Z"),
                List.of(
                        Instant.EPOCH,
                        Instant.parse("1969-12-31T23:59:59.5Z"),
                        Instant.parse("+12000-01-01T00:00:00Z")));

        String json = JsonCodec.write(stamped);

        assertEquals(timeModule.writeValueAsString(stamped), json);
        assertEquals("\"2026-12-06T20:59:05.121Z\"", JsonCodec.write(Instant.parse("2026-12-06T20:59:05.121Z")));
        assertEquals(stamped, JsonCodec.read(json, Stamped.class));
        assertEquals(
                Map.of("at", "1970-01-01T00:00:00Z"),
                JsonCodec.read(JsonCodec.write(Map.of("at", Instant.EPOCH)), Map.class));
    }
}
