package io.gantry.rest.bundle.internal.events;

import java.util.LinkedHashMap;
import java.util.Map;

/** The notice that events a client asked for are no longer kept, sent in their place. */
final class GapNotice {
    /** Its topic. */
    static final String TOPIC = "gantry/stream/GAP";

    private GapNotice() {}

    /**
     * @param json  writes it
     * @param epoch the epoch of the missing events, or null when the controller has none
     * @param from  the first missing seq
     * @param to    the last missing seq, or null when not known (an epoch no longer kept at all)
     * @return its message
     */
    static String of(EventJson json, String epoch, long from, Long to) {
        Map<String, Object> gap = new LinkedHashMap<>();
        gap.put("topic", TOPIC);
        if (epoch != null) {
            gap.put("epoch", epoch);
        }
        gap.put("from", from);
        if (to != null) {
            gap.put("to", to);
        }
        return json.write(gap);
    }
}
