package dev.rekoface.testkit.faces;

import dev.rekoface.model.FaceDetails;
import java.util.Objects;
import java.util.Optional;

/**
 * One face as a {@link FaceSource} sees it: its geometry and the attributes the source knows (as a rekoface
 * {@link FaceDetails}, in ratios of the displayed image), plus what lets the emulator tell people apart: an identity
 * label (the catalogue's) and/or a descriptor vector (a face engine's).
 *
 * <p>Attributes the source does not know stay empty in {@link #details()}; the emulator fills them in the service's
 * shape. Descriptors are never logged.
 */
public final class SourceFace {
    private final FaceDetails details;
    private final String identity;
    private final float[] descriptor;
    private final String source;

    /**
     * Creates a face.
     *
     * @param details geometry and known attributes
     * @param identity a stable identity label (same label, same person), or null
     * @param descriptor a face descriptor (copied), or null
     * @param source the name of the source that found it
     */
    public SourceFace(FaceDetails details, String identity, float[] descriptor, String source) {
        this.details = Objects.requireNonNull(details, "details");
        this.identity = identity;
        this.descriptor = descriptor == null ? null : descriptor.clone();
        this.source = Objects.requireNonNull(source, "source");
    }

    /** Returns the geometry and known attributes. */
    public FaceDetails details() {
        return details;
    }

    /** Returns the identity label, when the source knows who this is. */
    public Optional<String> identity() {
        return Optional.ofNullable(identity);
    }

    /** Returns a copy of the descriptor, when the source computes one. */
    public Optional<float[]> descriptor() {
        return descriptor == null ? Optional.empty() : Optional.of(descriptor.clone());
    }

    /** Returns the name of the source that found this face. */
    public String source() {
        return source;
    }

    /**
     * Returns a copy with a descriptor added (for example a catalogue face described by a face engine).
     *
     * @param newDescriptor the descriptor
     * @return the copy
     */
    public SourceFace withDescriptor(float[] newDescriptor) {
        return new SourceFace(details, identity, newDescriptor, source);
    }

    @Override
    public String toString() {
        return "SourceFace[" + source + (identity != null ? ", " + identity : "") + ", " + details.boundingBox()
            + (descriptor != null ? ", descriptor" : "") + "]";
    }
}
