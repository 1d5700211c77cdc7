package io.gantry.engine.core.internal.storage;

/**
 * A value as it will be stored: its JSON text and the value read back from that text. Writers
 * return the read-back value, so what a save returns equals what a later read returns (numbers
 * typed as {@link JsonCodec} says). Done before taking the write lock, so the lock is held only
 * for SQL.
 *
 * @param json  the JSON text to store
 * @param value the value as later reads will return it
 * @param <T>   the value's type
 */
record StoredJson<T>(String json, T value) {
    static <T> StoredJson<T> of(T value, Class<T> type) {
        String json = JsonCodec.write(value);
        return new StoredJson<>(json, JsonCodec.read(json, type));
    }
}
