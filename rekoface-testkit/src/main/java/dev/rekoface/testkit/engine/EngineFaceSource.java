package dev.rekoface.testkit.engine;

import dev.rekoface.engine.EngineFace;
import dev.rekoface.engine.EngineImageException;
import dev.rekoface.engine.FaceDescriptor;
import dev.rekoface.engine.FaceEngine;
import dev.rekoface.engine.PixelPoint;
import dev.rekoface.model.FaceDetails;
import dev.rekoface.testkit.faces.EmulatorImage;
import dev.rekoface.testkit.faces.FaceSource;
import dev.rekoface.testkit.faces.SourceFace;
import dev.rekoface.testkit.faces.UnreadableImageException;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Function;

/**
 * A {@link FaceSource} backed by the pure-Java {@link FaceEngine} of {@code rekoface-engine}: finds the faces of any
 * image (it knows every image, so it never returns {@code null}) and compares them by descriptor.
 *
 * <p>Each face's {@link SourceFace#details()} holds the box and the five main landmarks as ratios of the displayed
 * image ({@code mouthLeft}/{@code mouthRight} are the engine's corners placed from the mouth centre), the confidence
 * (100 x the detector score), pose, quality, the image size and the eight Rekognition emotions from the expression
 * network (neutral &rarr; {@code CALM}, happy &rarr; {@code HAPPY}, sad &rarr; {@code SAD}, angry &rarr;
 * {@code ANGRY}, fearful &rarr; {@code FEAR}, disgusted &rarr; {@code DISGUSTED}, surprised &rarr; {@code SURPRISED},
 * {@code CONFUSED} 0); age, gender, glasses and the other attributes stay empty. Each face carries its 128-d
 * descriptor and no identity. An image the engine cannot decode ({@link EngineImageException}) is an
 * {@link UnreadableImageException}. Results are cached per image SHA-256 (the {@value #CACHE_SIZE} most recently used
 * images).
 *
 * <p>Thread-safe.
 */
public final class EngineFaceSource implements FaceSource {
    /** Name of this source, as in {@link SourceFace#source()}. */
    public static final String NAME = "engine";
    /** How many images' faces are kept. */
    public static final int CACHE_SIZE = 32;

    private final FaceEngine engine;
    private final Map<String, List<SourceFace>> cache = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, List<SourceFace>> eldest) {
            return size() > CACHE_SIZE;
        }
    };

    /** Creates the source over the shared engine ({@link FaceEngine#load()}). */
    public EngineFaceSource() {
        this(FaceEngine.load());
    }

    /**
     * Creates the source over an engine.
     *
     * @param engine the engine
     */
    public EngineFaceSource(FaceEngine engine) {
        this.engine = Objects.requireNonNull(engine, "engine");
    }

    /** Returns the engine this source uses. */
    public FaceEngine engine() {
        return engine;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<SourceFace> detect(EmulatorImage image, String sha256) {
        Objects.requireNonNull(image, "image");
        if (sha256 != null) {
            synchronized (cache) {
                List<SourceFace> hit = cache.get(sha256);
                if (hit != null) {
                    return hit;
                }
            }
        }
        List<SourceFace> result = withUpright(image, upright -> {
            List<SourceFace> faces = new ArrayList<>();
            for (EngineFace f : engine.detect(upright)) {
                FaceDetails details = EngineFaceMapper.details(f, EngineFaceMapper.emotions(engine.expressions(upright, f)));
                faces.add(new SourceFace(details, null, engine.describe(upright, f).values(), NAME));
            }
            return List.copyOf(faces);
        });
        if (sha256 != null) {
            synchronized (cache) {
                cache.put(sha256, result);
            }
        }
        return result;
    }

    /**
     * Compares two faces by descriptor with {@link FaceDescriptor#similarity}; empty unless both carry a descriptor of
     * the same, non-zero length (faces of other sources can be given one with {@link #describe}).
     */
    @Override
    public OptionalDouble similarity(SourceFace a, SourceFace b) {
        float[] da = a.descriptor().orElse(null);
        float[] db = b.descriptor().orElse(null);
        if (da == null || db == null || da.length != db.length || da.length == 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(FaceDescriptor.of(da).similarity(FaceDescriptor.of(db)));
    }

    /**
     * Computes the engine descriptor of a face known by geometry only (e.g. a catalogue face), aligned on its
     * {@code eyeLeft}, {@code eyeRight} and the mid-point of {@code mouthLeft}/{@code mouthRight}, so that it can be
     * compared with engine faces.
     *
     * @param image the image the face's ratios refer to (its displayed, upright pixels)
     * @param face the face
     * @return the descriptor
     * @throws IllegalArgumentException if one of those landmarks is missing
     * @throws dev.rekoface.testkit.faces.UnreadableImageException if the image cannot be decoded
     */
    public float[] describe(EmulatorImage image, FaceDetails face) {
        return withUpright(image, upright -> {
            PixelPoint[] p = EngineFaceMapper.alignmentPoints(face, upright.getWidth(), upright.getHeight());
            return engine.describe(upright, p[0], p[1], p[2]).values();
        });
    }

    /** Describes a face of another source from its eyes and mouth; empty when those landmarks are missing. */
    @Override
    public Optional<float[]> describe(EmulatorImage image, String sha256, FaceDetails face) {
        try {
            return Optional.of(describe(image, face));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * Decodes an image upright with the engine's bounded decoder (the EXIF orientation the emulator read) and runs
     * work on it while the engine's decoding budget is held.
     *
     * @throws UnreadableImageException naming the image (SHA-256 prefix, format, stored size) and the engine's reason
     */
    private static <T> T withUpright(EmulatorImage image, Function<BufferedImage, T> work) {
        try {
            return FaceEngine.withUprightImage(image.openStream(), image.exifOrientation(), work);
        } catch (EngineImageException e) {
            throw new UnreadableImageException("image " + image.sha256().substring(0, 12) + " (" + image.format() + ", "
                + image.width() + "x" + image.height() + "): " + e.getMessage(), e);
        }
    }
}
