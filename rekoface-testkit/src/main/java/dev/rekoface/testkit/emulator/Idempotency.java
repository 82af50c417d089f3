package dev.rekoface.testkit.emulator;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import dev.rekoface.Operation;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * {@code ClientRequestToken} idempotency (CreateUser, DeleteUser, AssociateFaces, DisassociateFaces): the same token
 * with the same request replays the first answer; with another request it fails with
 * IdempotentParameterMismatchException. Thread-safe: one call per token table at a time, taken before the state lock.
 */
final class Idempotency {
    private final Map<String, Answered> answered = new HashMap<>();

    private record Answered(String requestHash, ObjectNode response) {
    }

    /**
     * Runs an operation once per client request token.
     *
     * @param op the operation
     * @param req the request
     * @param call the operation's work
     * @return its answer, or the first answer given to the same token and request
     */
    ObjectNode run(Operation op, JsonNode req, Supplier<ObjectNode> call) {
        if (!req.hasNonNull("ClientRequestToken")) {
            return call.get();
        }
        ObjectNode copy = ((ObjectNode) req).deepCopy();
        copy.remove("ClientRequestToken");
        String hash = canonical(copy);
        String key = op.wireName() + "|" + req.path("CollectionId").asString() + "|" + req.get("ClientRequestToken").asString();
        synchronized (answered) {
            Answered prior = answered.get(key);
            if (prior != null) {
                if (!prior.requestHash().equals(hash)) {
                    throw ServiceError.badRequest("IdempotentParameterMismatchException",
                        "ClientRequestToken: " + req.get("ClientRequestToken").asString() + " was already used with different parameters");
                }
                return prior.response().deepCopy();
            }
            ObjectNode resp = call.get();
            answered.put(key, new Answered(hash, resp.deepCopy()));
            return resp;
        }
    }

    /**
     * Forgets every token while a change runs, in the same lock order as {@link #run} (the token table, then the
     * state), so no call sees the change half done.
     *
     * @param change the change, e.g. removing every collection
     */
    void clearWhile(Runnable change) {
        synchronized (answered) {
            change.run();
            answered.clear();
        }
    }

    /** Returns a JSON value as text with the members of every object sorted, so equal requests give equal text. */
    static String canonical(JsonNode n) {
        if (n.isObject()) {
            TreeMap<String, JsonNode> sorted = new TreeMap<>();
            n.properties().forEach(e -> sorted.put(e.getKey(), e.getValue()));
            StringBuilder sb = new StringBuilder("{");
            sorted.forEach((k, v) -> sb.append('"').append(k).append("\":").append(canonical(v)).append(','));
            return sb.append('}').toString();
        }
        if (n.isArray()) {
            StringBuilder sb = new StringBuilder("[");
            n.forEach(x -> sb.append(canonical(x)).append(','));
            return sb.append(']').toString();
        }
        return n.toString();
    }
}
