package dev.rekoface.testkit.emulator;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

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
}
