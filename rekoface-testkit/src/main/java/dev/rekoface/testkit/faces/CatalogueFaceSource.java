package dev.rekoface.testkit.faces;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import dev.rekoface.model.AgeRange;
import dev.rekoface.model.BooleanAttribute;
import dev.rekoface.model.BoundingBox;
import dev.rekoface.model.Emotion;
import dev.rekoface.model.EmotionType;
import dev.rekoface.model.FaceDetails;
import dev.rekoface.model.Gender;
import dev.rekoface.model.GenderType;
import dev.rekoface.model.Landmark;
import dev.rekoface.model.LandmarkType;
import dev.rekoface.model.Pose;
import dev.rekoface.model.Quality;
import dev.rekoface.testkit.fixtures.Fixtures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Serves the faces of known images from a face catalogue: hand-checked annotations (box, five landmarks, pose,
 * quality, identity, attributes) looked up by the SHA-256 of the image bytes. Schema: {@code catalogue-README.md} of
 * the fixture pack.
 *
 * <pre>{@code
 * FaceSource pack = CatalogueFaceSource.fromFixtures();              // the fixture pack's images
 * FaceSource mine = CatalogueFaceSource.fromFile(Path.of("my-catalogue.json")); // your own annotated images
 * }</pre>
 *
 * <p>The catalogue is the truth for its images: the same identity in two images is the same person. Immutable and
 * thread-safe.
 */
public final class CatalogueFaceSource implements FaceSource {
    /** The name used in {@link SourceFace#source()}. */
    public static final String NAME = "catalogue";

    private final Map<String, List<SourceFace>> bySha;
    private final Map<String, String> fileBySha;

    private CatalogueFaceSource(Map<String, List<SourceFace>> bySha, Map<String, String> fileBySha) {
        this.bySha = bySha;
        this.fileBySha = fileBySha;
    }

    /** Returns a source over the fixture pack's catalogue ({@link Fixtures#catalogueJson()}). */
    public static CatalogueFaceSource fromFixtures() {
        return fromJson(Fixtures.catalogueJson());
    }

    /**
     * Reads a catalogue file.
     *
     * @param file a catalogue in the fixture pack's schema
     * @return the source
     */
    public static CatalogueFaceSource fromFile(Path file) {
        try {
            return fromJson(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read face catalogue " + file, e);
        }
    }

    /**
     * Parses a catalogue.
     *
     * @param json the catalogue's JSON text
     * @return the source
     * @throws IllegalArgumentException if it is not a catalogue of schema 1
     */
    public static CatalogueFaceSource fromJson(String json) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(json);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("face catalogue is not JSON: " + e.getMessage(), e);
        }
        if (root == null || !root.has("images")) {
            throw new IllegalArgumentException("face catalogue has no 'images' array");
        }
        Map<String, List<SourceFace>> bySha = new HashMap<>();
        Map<String, String> files = new HashMap<>();
        for (JsonNode img : root.get("images")) {
            String sha = img.get("sha256").asString().toLowerCase(Locale.ROOT);
            List<SourceFace> faces = new ArrayList<>();
            int i = 0;
            for (JsonNode f : img.path("faces")) {
                faces.add(toFace(f, sha, i++));
            }
            bySha.put(sha, Collections.unmodifiableList(faces));
            files.put(sha, img.path("file").asString(sha));
        }
        return new CatalogueFaceSource(Map.copyOf(bySha), Map.copyOf(files));
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<SourceFace> detect(EmulatorImage image, String sha256) {
        return bySha.get(sha256);
    }

    /** Returns the catalogue's file name of an image, when it knows the image. */
    public Optional<String> fileName(String sha256) {
        return Optional.ofNullable(fileBySha.get(sha256));
    }

    /** Returns how many images the catalogue knows. */
    public int size() {
        return bySha.size();
    }

    /**
     * Compares two catalogue faces by identity: the same person gives 90-99.9, different people 1-29
     * (deterministic).
     */
    @Override
    public OptionalDouble similarity(SourceFace a, SourceFace b) {
        if (a.identity().isEmpty() || b.identity().isEmpty()) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(identitySimilarity(a, b));
    }

    /**
     * The deterministic similarity of two faces with identities: 90-99.9 for the same identity, 1-29 otherwise.
     *
     * @param a a face with an identity
     * @param b another face with an identity
     * @return the similarity in percent
     */
    public static double identitySimilarity(SourceFace a, SourceFace b) {
        String ka = a.identity().orElse("") + "@" + a.details().boundingBox();
        String kb = b.identity().orElse("") + "@" + b.details().boundingBox();
        String pair = ka.compareTo(kb) <= 0 ? ka + "|" + kb : kb + "|" + ka;
        double frac = (Math.floorMod(pair.hashCode() * 2654435761L, 1_000_003L)) / 1_000_003.0;
        if (a.identity().equals(b.identity())) {
            return ka.equals(kb) ? 99.99 : 93.0 + frac * 6.9;
        }
        return 1.0 + frac * 28.0;
    }

    private static SourceFace toFace(JsonNode f, String sha, int index) {
        JsonNode bb = f.get("boundingBox");
        FaceDetails.Builder b = FaceDetails.builder()
            .boundingBox(new BoundingBox(bb.get("left").asDouble(), bb.get("top").asDouble(), bb.get("width").asDouble(),
                bb.get("height").asDouble()));
        double score = f.path("detectorScore").isNumber() ? f.get("detectorScore").asDouble() : 0.9;
        b.confidence(99.9 + Math.min(0.099, score * 0.099));
        JsonNode lm = f.path("landmarks");
        String[][] names = {{"eyeLeft", "EYE_LEFT"}, {"eyeRight", "EYE_RIGHT"}, {"mouthLeft", "MOUTH_LEFT"},
            {"mouthRight", "MOUTH_RIGHT"}, {"nose", "NOSE"}};
        for (String[] n : names) {
            JsonNode p = lm.get(n[0]);
            if (p != null) {
                b.addLandmarks(Landmark.of(LandmarkType.valueOf(n[1]), p.get("x").asDouble(), p.get("y").asDouble()));
            }
        }
        if (f.has("pose")) {
            JsonNode p = f.get("pose");
            b.pose(new Pose(p.get("roll").asDouble(), p.get("yaw").asDouble(), p.get("pitch").asDouble()));
        }
        if (f.has("quality")) {
            JsonNode q = f.get("quality");
            b.quality(new Quality(q.get("brightness").asDouble(), q.get("sharpness").asDouble()));
        }
        JsonNode a = f.path("attributes");
        long seed = (sha + "#" + index).hashCode();
        if (a.has("ageRange")) {
            b.ageRange(new AgeRange(a.get("ageRange").get("low").asInt(), a.get("ageRange").get("high").asInt()));
        }
        if (a.has("gender")) {
            String g = a.get("gender").asString();
            b.gender(new Gender(GenderType.fromWire(g), g, conf(seed, 1)));
        }
        bool(a, "smile", seed, 2).ifPresent(b::smile);
        bool(a, "eyeglasses", seed, 3).ifPresent(b::eyeglasses);
        bool(a, "sunglasses", seed, 4).ifPresent(b::sunglasses);
        bool(a, "beard", seed, 5).ifPresent(b::beard);
        bool(a, "mustache", seed, 6).ifPresent(b::mustache);
        bool(a, "eyesOpen", seed, 7).ifPresent(b::eyesOpen);
        bool(a, "mouthOpen", seed, 8).ifPresent(b::mouthOpen);
        if (a.has("emotion")) {
            b.addEmotions(Emotion.of(EmotionType.fromWire(a.get("emotion").asString()), 90.0 + (conf(seed, 9) - 90.0) * 0.9));
        }
        String identity = f.hasNonNull("identity") ? f.get("identity").asString() : null;
        return new SourceFace(b.build(), identity, null, NAME);
    }

    private static Optional<BooleanAttribute> bool(JsonNode a, String name, long seed, int salt) {
        return a.has(name) ? Optional.of(new BooleanAttribute(a.get(name).asBoolean(), conf(seed, salt))) : Optional.empty();
    }

    /** A deterministic confidence in [90, 99.9]. */
    static double conf(long seed, int salt) {
        long h = (seed * 31 + salt) * 0x9E3779B97F4A7C15L;
        return 90.0 + (Math.floorMod(h >>> 7, 1000L) / 1000.0) * 9.9;
    }
}
