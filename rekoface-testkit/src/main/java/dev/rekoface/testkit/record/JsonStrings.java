package dev.rekoface.testkit.record;

import tools.jackson.core.io.JsonStringEncoder;

/** JSON string quoting for canonical forms. */
final class JsonStrings {
    private JsonStrings() {
    }

    static String quote(String s) {
        return "\"" + new String(JsonStringEncoder.getInstance().quoteAsCharArray(s)) + "\"";
    }
}
