package io.gantry.engine.core.internal.storage;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.gantry.engine.api.storage.StorageException;
import io.gantry.engine.core.internal.time.IsoInstants;
import java.io.IOException;
import java.time.Instant;

/**
 * Writes and reads the JSON columns. What comes back from a JSON map or list ({@code Object}
 * values): integers as {@link Integer} when they fit, else {@link Long}, else
 * {@link java.math.BigInteger}; decimals as {@link Double}; maps as {@link java.util.LinkedHashMap}
 * (order kept), lists as {@link java.util.ArrayList}; null stays null. That is Jackson's default,
 * the same types the REST layer gets when it parses a request, so a definition read back equals
 * the one submitted. A {@code Long} that fits in an int comes back as an {@code Integer} (read
 * numbers through {@link Number}). Instants are ISO-8601 strings with every nanosecond kept.
 */
final class JsonCodec {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            // the same text as the module's Instant serializer, written without DateTimeFormatter
            // (added last, it is asked first)
            .addModule(new SimpleModule("gantry-instants").addSerializer(Instant.class, new InstantText()))
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            // a record that gains a component in a later version still reads older rows, and back
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private JsonCodec() {}

    /** An instant as its {@link Instant#toString()} text. */
    private static final class InstantText extends StdSerializer<Instant> {
        InstantText() {
            super(Instant.class);
        }

        @Override
        public void serialize(Instant value, JsonGenerator generator, SerializerProvider provider) throws IOException {
            generator.writeString(IsoInstants.format(value));
        }
    }

    /**
     * @param value a record, map, list or scalar made of JSON-like values
     * @return its JSON text
     * @throws IllegalArgumentException when it holds something JSON cannot express
     */
    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot store as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * For the large columns written on every run (an execution's nodes, an event batch): the text as
     * UTF-8 bytes, made without the String in between, which SQLite would only encode again. Bind it
     * as {@code CAST(? AS TEXT)}, so the column still holds text.
     *
     * @param value as for {@link #write(Object)}
     * @return its JSON text, UTF-8 encoded
     * @throws IllegalArgumentException when it holds something JSON cannot express
     */
    static byte[] writeUtf8(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot store as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * @param json JSON text from a column; null reads as null
     * @param type what to read
     * @return the value
     * @throws StorageException when the stored text does not read as {@code type}
     */
    static <T> T read(String json, Class<T> type) {
        try {
            return json == null ? null : MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new StorageException("stored JSON does not read as " + type.getSimpleName(), e);
        }
    }

    /**
     * @param json JSON text from a column; null reads as null
     * @param type what to read, with its type arguments
     * @return the value
     * @throws StorageException when the stored text does not read as {@code type}
     */
    static <T> T read(String json, TypeReference<T> type) {
        try {
            return json == null ? null : MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new StorageException("stored JSON does not read as " + type.getType(), e);
        }
    }
}
