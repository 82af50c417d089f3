package dev.rekoface.testkit.emulator;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * A face, stored face or user with its similarity to a probe, in percent (CompareFaces, SearchFaces, SearchUsers).
 *
 * @param similarity the similarity, 0-100
 * @param item what was compared
 * @param <T> its type
 */
record Scored<T>(double similarity, T item) {
    /**
     * Returns the most similar first, at most {@code max}; equally similar ones keep their order.
     *
     * @param scored the candidates that passed the threshold
     * @param max the most to return
     * @param <T> their type
     * @return the best, most similar first
     */
    static <T> List<Scored<T>> best(List<Scored<T>> scored, int max) {
        List<Scored<T>> sorted = new ArrayList<>(scored);
        sorted.sort(Comparator.comparingDouble((Scored<T> s) -> s.similarity()).reversed());
        return sorted.subList(0, Math.min(max, sorted.size()));
    }

    /**
     * Returns the best as the service lists matches: {@code [{"Similarity": s, member: item}, ...]}.
     *
     * @param scored the candidates that passed the threshold
     * @param max the most to list
     * @param member the member naming the item, e.g. {@code Face} or {@code User}
     * @param json the item as the service shows it
     * @param <T> the item type
     * @return the matches, most similar first
     */
    static <T> ArrayNode matches(List<Scored<T>> scored, int max, String member, Function<T, ObjectNode> json) {
        ArrayNode arr = EmulatorState.JSON.createArrayNode();
        for (Scored<T> m : best(scored, max)) {
            ObjectNode o = arr.addObject();
            o.put("Similarity", FaceRenderer.f(m.similarity()));
            o.set(member, json.apply(m.item()));
        }
        return arr;
    }
}
