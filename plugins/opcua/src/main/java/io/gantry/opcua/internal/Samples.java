package io.gantry.opcua.internal;

import io.gantry.engine.api.signal.SignalQuality;
import io.gantry.engine.api.signal.SignalSample;
import java.time.Instant;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;

/** A DataValue from the server as a signal's reading: its value in the signal's type, its quality and time. */
final class Samples {
    private Samples() {}

    /**
     * @param signal the signal
     * @param value  what the server sent (a data change, or a read)
     * @return the reading: quality after the status's class (Good, Uncertain, Bad), time the source's (else
     *     the server's, else now); a Bad one without value and with the status as its error, as is a value that
     *     does not fit the signal's type
     */
    static SignalSample of(SignalConfig signal, DataValue value) {
        StatusCode status = value.getStatusCode() == null ? StatusCode.GOOD : value.getStatusCode();
        Instant time = time(value);
        SignalQuality quality = Status.quality(status);
        if (quality == SignalQuality.BAD) {
            return new SignalSample(null, SignalQuality.BAD, time, signal.describe() + ": " + Status.describe(status));
        }
        try {
            Object converted = Values.forSignal(
                    signal.type(), Values.toJson(value.getValue().getValue()));
            return new SignalSample(converted, quality, time, null);
        } catch (IllegalArgumentException e) {
            return SignalSample.bad(
                    signal.describe() + ": " + e.getMessage() + ", which its type "
                            + signal.type().id() + " does not take",
                    time);
        }
    }

    /** @return when the value changed at its source; else when the server saw it; else now */
    static Instant time(DataValue value) {
        DateTime source = value.getSourceTime();
        if (source != null && !source.isNull()) {
            return source.getJavaInstant();
        }
        DateTime server = value.getServerTime();
        return server != null && !server.isNull() ? server.getJavaInstant() : Instant.now();
    }
}
