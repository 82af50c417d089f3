package dev.rekoface.model;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Which facial attributes to request: {@link #DEFAULT} (box, confidence, pose, quality and the five main landmarks
 * only), {@link #ALL}, or a chosen set ({@link #of}).
 *
 * <p>{@code DEFAULT} returns no age, gender, emotions or smile: ask for them.
 */
public final class FaceAttributes {
    /** The service's default: bounding box, confidence, pose, quality, landmarks. */
    public static final FaceAttributes DEFAULT = new FaceAttributes("DEFAULT", EnumSet.noneOf(FaceAttribute.class));
    /** Every attribute the service can return (slower and billed the same). */
    public static final FaceAttributes ALL = new FaceAttributes("ALL", EnumSet.allOf(FaceAttribute.class));

    private final String name;
    private final Set<FaceAttribute> attributes;

    private FaceAttributes(String name, EnumSet<FaceAttribute> attributes) {
        this.name = name;
        this.attributes = Collections.unmodifiableSet(attributes);
    }

    /**
     * Requests the default set plus the given attributes.
     *
     * @param first an attribute
     * @param more more attributes
     * @return the selection
     */
    public static FaceAttributes of(FaceAttribute first, FaceAttribute... more) {
        Objects.requireNonNull(first, "first");
        EnumSet<FaceAttribute> set = EnumSet.of(first, more);
        return new FaceAttributes(set.toString(), set);
    }

    /** Returns true if this is {@link #DEFAULT}. */
    public boolean isDefault() {
        return this == DEFAULT;
    }

    /** Returns true if this is {@link #ALL}. */
    public boolean isAll() {
        return this == ALL;
    }

    /** Returns the requested attributes beyond the default set (all of them for {@link #ALL}). */
    public Set<FaceAttribute> attributes() {
        return attributes;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FaceAttributes other && name.equals(other.name) && attributes.equals(other.attributes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, attributes);
    }

    @Override
    public String toString() {
        return name;
    }
}
