package dev.rekoface.testkit.emulator;

import tools.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Reads members of a request body that the service model has already checked. */
final class Requests {
    private Requests() {
    }

    /** Returns a string list member, or null when absent. */
    static List<String> strings(JsonNode arr) {
        if (arr == null || arr.isNull()) {
            return null;
        }
        List<String> out = new ArrayList<>();
        arr.forEach(n -> out.add(n.asString()));
        return out;
    }

    /** Returns an integer member, or a default when absent. */
    static int integer(JsonNode req, String name, int dflt) {
        return req.hasNonNull(name) ? req.get(name).asInt() : dflt;
    }

    /** Returns a string member, or null when absent. */
    static String text(JsonNode req, String name) {
        return req.hasNonNull(name) ? req.get(name).asString() : null;
    }
}
