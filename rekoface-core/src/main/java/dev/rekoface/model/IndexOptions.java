package dev.rekoface.model;

import dev.rekoface.InvalidArgumentException;
import java.util.Objects;

/**
 * How to index an image. The defaults are safe for indexing one person's photo: only the largest face
 * ({@code maxFaces = 1}, so a bystander is never stored under the person's id), the service's default attributes,
 * and the service's default quality filter {@code AUTO}. Immutable.
 */
public final class IndexOptions {
    /** The largest {@code maxFaces} IndexFaces accepts. */
    public static final int MAX_FACES = 100;
    private static final IndexOptions DEFAULTS = new IndexOptions(FaceAttributes.DEFAULT, 1, QualityFilter.AUTO);

    private final FaceAttributes attributes;
    private final int maxFaces;
    private final QualityFilter qualityFilter;

    private IndexOptions(FaceAttributes attributes, int maxFaces, QualityFilter qualityFilter) {
        this.attributes = attributes;
        this.maxFaces = maxFaces;
        this.qualityFilter = qualityFilter;
    }

    /** Returns the defaults: the largest face, default attributes, quality filter AUTO. */
    public static IndexOptions defaults() {
        return DEFAULTS;
    }

    /**
     * Returns a copy with other detection attributes (what the returned details contain).
     *
     * @param attributes the attributes
     * @return the copy
     */
    public IndexOptions withAttributes(FaceAttributes attributes) {
        return new IndexOptions(Objects.requireNonNull(attributes, "attributes"), maxFaces, qualityFilter);
    }

    /**
     * Returns a copy that stores up to {@code maxFaces} faces, largest first.
     *
     * @param maxFaces 1-100
     * @return the copy
     * @throws InvalidArgumentException outside 1-100
     */
    public IndexOptions withMaxFaces(int maxFaces) {
        if (maxFaces < 1 || maxFaces > MAX_FACES) {
            throw new InvalidArgumentException("maxFaces", "maxFaces " + maxFaces + " is out of range; IndexFaces accepts 1-100");
        }
        return new IndexOptions(attributes, maxFaces, qualityFilter);
    }

    /**
     * Returns a copy with another quality filter.
     *
     * @param qualityFilter the filter
     * @return the copy
     */
    public IndexOptions withQualityFilter(QualityFilter qualityFilter) {
        return new IndexOptions(attributes, maxFaces, Objects.requireNonNull(qualityFilter, "qualityFilter"));
    }

    /** Returns the detection attributes. */
    public FaceAttributes attributes() {
        return attributes;
    }

    /** Returns the most faces to store. */
    public int maxFaces() {
        return maxFaces;
    }

    /** Returns the quality filter. */
    public QualityFilter qualityFilter() {
        return qualityFilter;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IndexOptions x && attributes.equals(x.attributes) && maxFaces == x.maxFaces
            && qualityFilter == x.qualityFilter;
    }

    @Override
    public int hashCode() {
        return Objects.hash(attributes, maxFaces, qualityFilter);
    }

    @Override
    public String toString() {
        return "IndexOptions[attributes=" + attributes + ", maxFaces=" + maxFaces + ", qualityFilter=" + qualityFilter + "]";
    }
}
