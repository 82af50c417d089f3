package dev.rekoface.testkit.faces;

import dev.rekoface.model.BoundingBox;
import dev.rekoface.model.FaceDetails;
import dev.rekoface.model.Landmark;
import dev.rekoface.model.LandmarkType;
import java.util.List;
import java.util.OptionalDouble;

/**
 * The last resort of the emulator's source chain: a <b>SIMULATED</b> face for any image no other source knows.
 *
 * <p>Every image gets exactly one face whose box, landmarks and attributes are derived from the SHA-256 of its bytes:
 * deterministic (same bytes, same face) but meaningless — it is not a detection. Two simulated faces are the same
 * "person" only when they come from the same bytes. Use a {@link CatalogueFaceSource} (or a real face engine) when a
 * test needs faces that mean something. Thread-safe.
 */
public final class SimulatedFaceSource implements FaceSource {
    /** The name used in {@link SourceFace#source()}. */
    public static final String NAME = "simulated";

    /** Creates the fallback source. */
    public SimulatedFaceSource() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<SourceFace> detect(EmulatorImage image, String sha256) {
        long h = Long.parseUnsignedLong(sha256.substring(0, 15), 16);
        double aspect = image.displayedSize().width() / (double) image.displayedSize().height();
        double w = 0.25 + (h % 100) / 1000.0;          // 0.25-0.35 of the width
        double hgt = Math.min(0.9, w * aspect * 1.3);   // a face about 1.3 times taller than wide
        double left = 0.5 - w / 2 + ((h >>> 8) % 100 - 50) / 1000.0;
        double top = Math.max(0.02, 0.45 - hgt / 2 + ((h >>> 16) % 100 - 50) / 1000.0);
        FaceDetails d = FaceDetails.builder()
            .boundingBox(new BoundingBox(left, top, w, hgt))
            .confidence(99.9)
            .addLandmarks(
                Landmark.of(LandmarkType.EYE_LEFT, left + 0.3 * w, top + 0.4 * hgt),
                Landmark.of(LandmarkType.EYE_RIGHT, left + 0.7 * w, top + 0.4 * hgt),
                Landmark.of(LandmarkType.MOUTH_LEFT, left + 0.36 * w, top + 0.75 * hgt),
                Landmark.of(LandmarkType.MOUTH_RIGHT, left + 0.64 * w, top + 0.75 * hgt),
                Landmark.of(LandmarkType.NOSE, left + 0.5 * w, top + 0.6 * hgt))
            .build();
        return List.of(new SourceFace(d, "simulated:" + sha256.substring(0, 16), null, NAME));
    }

    /** Simulated faces from the same bytes compare at 99.9; others at a low deterministic value (5-25). */
    @Override
    public OptionalDouble similarity(SourceFace a, SourceFace b) {
        if (!NAME.equals(a.source()) || !NAME.equals(b.source())) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(CatalogueFaceSource.identitySimilarity(a, b));
    }
}
