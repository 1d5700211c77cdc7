package io.gantry.opcua.internal;

import io.gantry.engine.api.signal.SignalQuality;
import java.util.Locale;
import java.util.Set;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;

/** OPC UA status codes in words: {@code Bad_NodeIdUnknown (0x80340000)}, and as a signal's quality. */
final class Status {
    /** The codes that say the link or the session failed rather than the request: connection trouble. */
    private static final Set<Long> LINK = Set.of(
            StatusCodes.Bad_ConnectionClosed,
            StatusCodes.Bad_ConnectionRejected,
            StatusCodes.Bad_Disconnect,
            StatusCodes.Bad_CommunicationError,
            StatusCodes.Bad_SecureChannelClosed,
            StatusCodes.Bad_SecureChannelIdInvalid,
            StatusCodes.Bad_ServerNotConnected,
            StatusCodes.Bad_SessionClosed,
            StatusCodes.Bad_SessionIdInvalid,
            StatusCodes.Bad_SessionNotActivated,
            StatusCodes.Bad_NotConnected,
            StatusCodes.Bad_TcpEndpointUrlInvalid,
            StatusCodes.Bad_ServerHalted,
            StatusCodes.Bad_Shutdown);
    /** The codes that say the answer did not come in time. */
    private static final Set<Long> TIMEOUT = Set.of(StatusCodes.Bad_Timeout, StatusCodes.Bad_RequestTimeout);

    private Status() {}

    /** @return its name, {@code Bad_NodeIdUnknown}; {@code Bad_0x80AB0000} for a code Milo does not know */
    static String name(StatusCode code) {
        return StatusCodes.lookup(code.getValue())
                .map(names -> names[0])
                .orElse((code.isGood() ? "Good" : code.isUncertain() ? "Uncertain" : "Bad") + "_" + hex(code));
    }

    /** @return its code in hex: {@code 0x80340000} */
    static String hex(StatusCode code) {
        return String.format(Locale.ROOT, "0x%08X", code.getValue());
    }

    /** @return name and hex: {@code Bad_NodeIdUnknown (0x80340000)} */
    static String describe(StatusCode code) {
        return name(code) + " (" + hex(code) + ")";
    }

    /** @return the quality a value of this status has: Good, Uncertain or Bad, after the code's class */
    static SignalQuality quality(StatusCode code) {
        if (code.isGood()) {
            return SignalQuality.GOOD;
        }
        return code.isUncertain() ? SignalQuality.UNCERTAIN : SignalQuality.BAD;
    }

    /** @return whether it says the connection or the session failed */
    static boolean isLink(StatusCode code) {
        return LINK.contains(code.getValue() & 0xFFFF0000L);
    }

    /** @return whether it says the answer did not come in time */
    static boolean isTimeout(StatusCode code) {
        return TIMEOUT.contains(code.getValue() & 0xFFFF0000L);
    }
}
