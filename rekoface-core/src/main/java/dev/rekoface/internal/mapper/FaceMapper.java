package dev.rekoface.internal.mapper;

import dev.rekoface.model.AgeRange;
import dev.rekoface.model.BooleanAttribute;
import dev.rekoface.model.BoundingBox;
import dev.rekoface.model.Emotion;
import dev.rekoface.model.EmotionType;
import dev.rekoface.model.EyeDirection;
import dev.rekoface.model.FaceDetails;
import dev.rekoface.model.Gender;
import dev.rekoface.model.GenderType;
import dev.rekoface.model.ImageSize;
import dev.rekoface.model.FaceComparison;
import dev.rekoface.model.Landmark;
import dev.rekoface.model.LandmarkType;
import dev.rekoface.model.Match;
import dev.rekoface.model.Point;
import dev.rekoface.model.Pose;
import dev.rekoface.model.Quality;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.RandomAccess;
import software.amazon.awssdk.services.rekognition.model.ComparedFace;
import software.amazon.awssdk.services.rekognition.model.CompareFacesMatch;
import software.amazon.awssdk.services.rekognition.model.ComparedSourceImageFace;
import software.amazon.awssdk.services.rekognition.model.CompareFacesResponse;
import software.amazon.awssdk.services.rekognition.model.DetectFacesResponse;
import software.amazon.awssdk.services.rekognition.model.FaceDetail;

/**
 * Maps the SDK's face shapes to rekoface models: DetectFaces and CompareFaces answers, and the face details, boxes and
 * confidences the other mappers share. Tolerant by design: a missing number is 0 only where the shape is
 * present but incomplete, confidences are clamped to 0-100, unknown enum strings map to UNKNOWN with the raw string
 * kept; nothing a newer or hand-edited response contains makes it throw.
 */
public final class FaceMapper {
    private FaceMapper() {
    }

    /**
     * Maps a DetectFaces answer.
     *
     * @param response the SDK response
     * @param size the displayed image size, or null when unknown
     * @return the faces, in the service's order
     */
    public static List<FaceDetails> detectFaces(DetectFacesResponse response, ImageSize size) {
        if (!response.hasFaceDetails()) {
            return List.of();
        }
        List<FaceDetail> details = response.faceDetails();
        FaceDetails[] out = new FaceDetails[details.size()];
        int i = 0;
        for (FaceDetail d : details) {
            out[i++] = face(d, size);
        }
        return List.of(out);
    }

    /**
     * Maps a CompareFaces answer.
     *
     * @param response the SDK response
     * @param sourceSize the source's displayed size, or null
     * @param targetSize the target's displayed size, or null
     * @return the comparison, matches best first
     */
    public static FaceComparison compareFaces(CompareFacesResponse response, ImageSize sourceSize, ImageSize targetSize) {
        FaceComparison.Builder b = FaceComparison.builder();
        face(response.sourceImageFace(), sourceSize).ifPresent(b::sourceFace);
        if (response.hasFaceMatches()) {
            b.addAllMatches(matches(response.faceMatches(), targetSize));
        }
        if (response.hasUnmatchedFaces()) {
            response.unmatchedFaces().forEach(f -> b.addUnmatchedFaces(face(f, targetSize)));
        }
        return b.build();
    }

    /** Returns the comparison of an image without a face: no source face, no match. */
    public static FaceComparison noFaceComparison() {
        return FaceComparison.builder().build();
    }

    /**
     * Maps a full face detail (DetectFaces, IndexFaces).
     *
     * @param d the SDK shape
     * @param size the displayed image size, or null when unknown
     * @return the face
     */
    public static FaceDetails face(FaceDetail d, ImageSize size) {
        FaceDetails.Builder b = FaceDetails.builder().boundingBox(box(d.boundingBox()));
        if (d.confidence() != null) {
            b.confidence(percent(d.confidence()));
        }
        if (d.ageRange() != null && d.ageRange().low() != null && d.ageRange().high() != null) {
            int low = Math.max(0, d.ageRange().low());
            b.ageRange(new AgeRange(low, Math.max(low, d.ageRange().high())));
        }
        if (d.gender() != null) {
            String raw = d.gender().valueAsString() == null ? "" : d.gender().valueAsString();
            b.gender(new Gender(genderType(raw), raw, percent(d.gender().confidence())));
        }
        if (d.smile() != null) {
            b.smile(flag(d.smile().value(), d.smile().confidence()));
        }
        if (d.eyeglasses() != null) {
            b.eyeglasses(flag(d.eyeglasses().value(), d.eyeglasses().confidence()));
        }
        if (d.sunglasses() != null) {
            b.sunglasses(flag(d.sunglasses().value(), d.sunglasses().confidence()));
        }
        if (d.beard() != null) {
            b.beard(flag(d.beard().value(), d.beard().confidence()));
        }
        if (d.mustache() != null) {
            b.mustache(flag(d.mustache().value(), d.mustache().confidence()));
        }
        if (d.eyesOpen() != null) {
            b.eyesOpen(flag(d.eyesOpen().value(), d.eyesOpen().confidence()));
        }
        if (d.mouthOpen() != null) {
            b.mouthOpen(flag(d.mouthOpen().value(), d.mouthOpen().confidence()));
        }
        if (d.faceOccluded() != null) {
            b.faceOccluded(flag(d.faceOccluded().value(), d.faceOccluded().confidence()));
        }
        if (d.eyeDirection() != null) {
            b.eyeDirection(new EyeDirection(num(d.eyeDirection().yaw()), num(d.eyeDirection().pitch()),
                percent(d.eyeDirection().confidence())));
        }
        if (d.hasEmotions()) {
            addEmotions(b, d.emotions());
        }
        if (d.hasLandmarks()) {
            addLandmarks(b, d.landmarks());
        }
        if (d.pose() != null) {
            b.pose(new Pose(num(d.pose().roll()), num(d.pose().yaw()), num(d.pose().pitch())));
        }
        if (d.quality() != null) {
            b.quality(new Quality(num(d.quality().brightness()), num(d.quality().sharpness())));
        }
        if (size != null) {
            b.imageSize(size);
        }
        return b.build();
    }

    /**
     * Maps a face inside a CompareFaces result.
     *
     * @param d the SDK shape
     * @param size the displayed image size, or null
     * @return the face
     */
    public static FaceDetails face(ComparedFace d, ImageSize size) {
        FaceDetails.Builder b = FaceDetails.builder().boundingBox(box(d.boundingBox()));
        if (d.confidence() != null) {
            b.confidence(percent(d.confidence()));
        }
        if (d.hasEmotions()) {
            addEmotions(b, d.emotions());
        }
        if (d.hasLandmarks()) {
            addLandmarks(b, d.landmarks());
        }
        if (d.smile() != null) {
            b.smile(flag(d.smile().value(), d.smile().confidence()));
        }
        if (d.pose() != null) {
            b.pose(new Pose(num(d.pose().roll()), num(d.pose().yaw()), num(d.pose().pitch())));
        }
        if (d.quality() != null) {
            b.quality(new Quality(num(d.quality().brightness()), num(d.quality().sharpness())));
        }
        if (size != null) {
            b.imageSize(size);
        }
        return b.build();
    }

    /**
     * Maps CompareFaces' source face (box and confidence only).
     *
     * @param d the SDK shape, may be null
     * @param size the displayed image size, or null
     * @return the face, or empty when the service sent none
     */
    public static Optional<FaceDetails> face(ComparedSourceImageFace d, ImageSize size) {
        if (d == null || d.boundingBox() == null) {
            return Optional.empty();
        }
        FaceDetails.Builder b = FaceDetails.builder().boundingBox(box(d.boundingBox()));
        if (d.confidence() != null) {
            b.confidence(percent(d.confidence()));
        }
        if (size != null) {
            b.imageSize(size);
        }
        return Optional.of(b.build());
    }

    /**
     * Maps CompareFaces matches, best first.
     *
     * @param matches the SDK matches
     * @param size the target's displayed size, or null
     * @return the matches
     */
    public static List<Match> matches(List<CompareFacesMatch> matches, ImageSize size) {
        List<Match> out = new ArrayList<>(matches.size());
        for (CompareFacesMatch m : matches) {
            if (m.face() != null) {
                out.add(new Match(percent(m.similarity()), face(m.face(), size)));
            }
        }
        out.sort(Comparator.comparingDouble(Match::similarity).reversed());
        return out;
    }

    /**
     * Maps a box; a missing box maps to an empty box at the origin.
     *
     * @param box the SDK box, may be null
     * @return the box
     */
    public static BoundingBox box(software.amazon.awssdk.services.rekognition.model.BoundingBox box) {
        if (box == null) {
            return new BoundingBox(0, 0, 0, 0);
        }
        return new BoundingBox(num(box.left()), num(box.top()), Math.max(0, num(box.width())), Math.max(0, num(box.height())));
    }

    // Indexed loops rather than forEach lambdas: ArrayList.forEach is shared by every caller, so its call to the
    // lambda turns megamorphic and is not inlined, and each face allocated two capturing lambdas. The SDK's lists are
    // random-access (unmodifiable wrappers of ArrayList); any other list is iterated.
    private static void addEmotions(FaceDetails.Builder b,
                                    List<software.amazon.awssdk.services.rekognition.model.Emotion> emotions) {
        if (emotions instanceof RandomAccess) {
            for (int i = 0, n = emotions.size(); i < n; i++) {
                software.amazon.awssdk.services.rekognition.model.Emotion e = emotions.get(i);
                b.addEmotions(emotion(e.typeAsString(), e.confidence()));
            }
        } else {
            for (software.amazon.awssdk.services.rekognition.model.Emotion e : emotions) {
                b.addEmotions(emotion(e.typeAsString(), e.confidence()));
            }
        }
    }

    private static void addLandmarks(FaceDetails.Builder b,
                                     List<software.amazon.awssdk.services.rekognition.model.Landmark> landmarks) {
        if (landmarks instanceof RandomAccess) {
            for (int i = 0, n = landmarks.size(); i < n; i++) {
                software.amazon.awssdk.services.rekognition.model.Landmark l = landmarks.get(i);
                b.addLandmarks(landmark(l.typeAsString(), l.x(), l.y()));
            }
        } else {
            for (software.amazon.awssdk.services.rekognition.model.Landmark l : landmarks) {
                b.addLandmarks(landmark(l.typeAsString(), l.x(), l.y()));
            }
        }
    }

    static Emotion emotion(String raw, Float confidence) {
        String type = raw == null ? "" : raw;
        return new Emotion(emotionType(type), type, percent(confidence));
    }

    /**
     * The service's exact emotion names, looked up without {@link EmotionType#fromWire}'s trim and upper-casing (which
     * cost more than the rest of mapping an emotion); any other spelling still goes through {@code fromWire}.
     */
    private static final Map<String, EmotionType> EMOTION_BY_NAME = new HashMap<>();

    static {
        for (EmotionType t : EmotionType.values()) {
            EMOTION_BY_NAME.put(t.name(), t);
        }
    }

    /** The service's exact spellings first, then {@link GenderType#fromWire} (which trims and ignores case). */
    private static GenderType genderType(String raw) {
        if (raw.equals(GenderType.MALE.wireName())) {
            return GenderType.MALE;
        }
        if (raw.equals(GenderType.FEMALE.wireName())) {
            return GenderType.FEMALE;
        }
        return GenderType.fromWire(raw);
    }

    private static EmotionType emotionType(String raw) {
        EmotionType t = EMOTION_BY_NAME.get(raw);
        return t != null ? t : EmotionType.fromWire(raw);
    }

    static Landmark landmark(String raw, Float x, Float y) {
        String type = raw == null ? "" : raw;
        return new Landmark(LandmarkType.fromWire(type), type, new Point(num(x), num(y)));
    }

    private static BooleanAttribute flag(Boolean value, Float confidence) {
        return new BooleanAttribute(Boolean.TRUE.equals(value), percent(confidence));
    }

    /** Returns the value clamped to 0-100 (0 when missing or not a number). */
    public static double percent(Float value) {
        if (value == null || value.isNaN()) {
            return 0;
        }
        return Math.max(0, Math.min(100, value.doubleValue()));
    }

    private static double num(Float value) {
        return value == null || !Float.isFinite(value) ? 0 : value.doubleValue();
    }
}
