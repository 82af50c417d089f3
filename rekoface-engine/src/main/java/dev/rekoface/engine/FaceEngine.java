package dev.rekoface.engine;

import dev.rekoface.model.Emotion;
import dev.rekoface.model.EmotionType;
import dev.rekoface.model.FaceDetails;
import dev.rekoface.model.ImageSize;
import dev.rekoface.model.Landmark;
import dev.rekoface.model.LandmarkType;
import dev.rekoface.model.Point;
import dev.rekoface.testkit.faces.EmulatorImage;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A pure-Java local face engine: detects faces with MediaPipe's BlazeFace, describes them with dlib's face recognition
 * ResNet and reads expressions with face-api.js's expression network, all run in plain Java (no native code, no
 * network). The models ship in this module (see {@code NOTICE-models.md}) and are checked against their SHA-256 when
 * loaded.
 *
 * <pre>{@code
 * FaceEngine engine = FaceEngine.load();
 * BufferedImage photo = ImageIO.read(path.toFile());   // an upright picture (EXIF orientation already applied)
 * for (EngineFace face : engine.detect(photo)) {
 *     float[] d = engine.descriptor(photo, face);
 *     ...
 * }
 * double percent = FaceEngine.similarity(d1, d2);   // >= 80: same person
 * }</pre>
 *
 * <p>Thread-safe: one instance (the models are loaded once, about 30 MB of heap) can be shared by any number of
 * threads; each thread keeps its own scratch buffers. Descriptors and image bytes are never logged.
 */
public final class FaceEngine {
    /** Descriptor length. */
    public static final int DESCRIPTOR_SIZE = 128;
    /** Descriptor chip side in pixels. */
    public static final int DESCRIPTOR_CHIP = RecognitionNet.SIZE;
    /** Expression chip side in pixels. */
    public static final int EXPRESSION_CHIP = ExpressionNet.SIZE;
    /**
     * The expression classes in the order of {@link #expressions}: neutral, happy, sad, angry, fearful, disgusted,
     * surprised.
     */
    public static final List<String> EXPRESSIONS =
        List.of("neutral", "happy", "sad", "angry", "fearful", "disgusted", "surprised");
    /**
     * The descriptor distance that maps to similarity 80 (Rekognition's default threshold). dlib's own same-person
     * cut is 0.6; 0.59 is where the fixtures separate with engine geometry (same person at most 0.573, different
     * people at least 0.604, faces of 100 px and more).
     */
    public static final double THRESHOLD_DISTANCE = 0.59;
    /** Width of the logistic similarity curve, in distance units. */
    public static final double SIMILARITY_WIDTH = 0.05;

    private static final EmotionType[] EMOTION_OF_EXPRESSION = {EmotionType.CALM, EmotionType.HAPPY, EmotionType.SAD,
        EmotionType.ANGRY, EmotionType.FEAR, EmotionType.DISGUSTED, EmotionType.SURPRISED};

    private final FaceDetector detector;
    private final RecognitionNet recognition;
    private final ExpressionNet expression;
    private final long weightBytes;

    private FaceEngine(ModelStore store) {
        BlazeFace shortRange = BlazeFace.shortRange(new TfliteGraph(ModelStore.SHORT_RANGE, store.read(ModelStore.SHORT_RANGE)));
        BlazeFace fullRange = BlazeFace.fullRange(new TfliteGraph(ModelStore.FULL_RANGE, store.read(ModelStore.FULL_RANGE)));
        this.detector = new FaceDetector(shortRange, fullRange);
        this.recognition = new RecognitionNet(TfjsWeights.read(store, ModelStore.RECOGNITION_MANIFEST, ModelStore.RECOGNITION_BIN));
        this.expression = new ExpressionNet(TfjsWeights.read(store, ModelStore.EXPRESSION_MANIFEST, ModelStore.EXPRESSION_BIN));
        this.weightBytes = shortRange.weightBytes() + fullRange.weightBytes() + recognition.weightBytes()
            + expression.weightBytes();
    }

    private static final class Shared {
        static final FaceEngine INSTANCE = new FaceEngine(ModelStore.classpath());
    }

    /**
     * Returns the shared engine with the models shipped on the classpath, loading them on first use (about a second).
     *
     * @return the engine
     * @throws EngineModelException if a model file is missing or corrupt
     */
    public static FaceEngine load() {
        return Shared.INSTANCE;
    }

    /**
     * Loads a new engine from a directory holding the model files under their usual names
     * ({@code face_detection_short_range.tflite}, {@code face_detection_full_range.tflite},
     * {@code face_recognition_model-weights_manifest.json}, {@code face_recognition_model.bin},
     * {@code face_expression_model-weights_manifest.json}, {@code face_expression_model.bin}). Each file must have
     * the SHA-256 of the shipped copy.
     *
     * @param modelDirectory the directory
     * @return the engine
     * @throws EngineModelException naming the file (and the expected and actual hashes) if one is missing or corrupt
     */
    public static FaceEngine load(Path modelDirectory) {
        return new FaceEngine(ModelStore.directory(modelDirectory));
    }

    /**
     * Finds the faces of an upright image (already turned by its EXIF orientation). Images larger than 2000 px are
     * searched on an area-averaged reduction; geometry always refers to the given image.
     *
     * @param upright the image as people see it
     * @return the faces, best detector score first; empty when there is none
     */
    public List<EngineFace> detect(BufferedImage upright) {
        Objects.requireNonNull(upright, "upright");
        Raster raster = Raster.of(upright, FaceDetector.WORKING_SIDE);
        ImageSize size = new ImageSize(upright.getWidth(), upright.getHeight());
        List<EngineFace> faces = new ArrayList<>();
        for (FaceDetector.Det d : detector.detect(raster)) {
            faces.add(toFace(upright, size, raster, d));
        }
        faces.sort(Comparator.comparingDouble((EngineFace f) -> -f.score()));
        return List.copyOf(faces);
    }

    /**
     * Finds the faces of an image, decoded and turned upright first. The declared size is read before decoding: an
     * image over 100 megapixels is refused without allocating its pixels, one over 40 megapixels is decoded
     * subsampled (geometry ratios are unchanged; {@link EngineFace#imageSize()} is then the subsampled size).
     *
     * @param image the image
     * @return the faces in ratios of its displayed size
     * @throws dev.rekoface.testkit.faces.UnreadableImageException if the image is over the bound or cannot be decoded
     */
    public List<EngineFace> detect(EmulatorImage image) {
        return ImageDecoder.withUpright(image, this::detect);
    }

    private static EngineFace toFace(BufferedImage img, ImageSize size, Raster r, FaceDetector.Det d) {
        double sx = r.scale;
        double sy = r.scaleY;
        Point eyeL = new Point(d.kp[0] * sx, d.kp[1] * sy);
        Point eyeR = new Point(d.kp[2] * sx, d.kp[3] * sy);
        Point nose = new Point(d.kp[4] * sx, d.kp[5] * sy);
        Point mouth = new Point(d.kp[6] * sx, d.kp[7] * sy);
        double side = (d.w * sx + d.h * sy) / 2;
        double[] box = FaceGeometry.box(d.cx * sx, d.cy * sy, side, size.width(), size.height());
        FaceDetails details = FaceDetails.builder()
            .boundingBox(FaceGeometry.ratioBox(box, size))
            .confidence(Math.min(100, Math.max(0, 100.0 * d.score)))
            .landmarks(FaceGeometry.landmarks(eyeL, eyeR, nose, mouth, size))
            .pose(FaceGeometry.pose(eyeL, eyeR, nose, mouth))
            .quality(FaceGeometry.quality(img, box[0], box[1], box[2], box[3]))
            .imageSize(size)
            .build();
        return new EngineFace(details, d.score, eyeL, eyeR, nose, mouth);
    }

    /**
     * Computes the 128-d descriptor of a detected face.
     *
     * @param upright the image the face was found in
     * @param face the face
     * @return the descriptor (not L2-normalised), a new array
     */
    public float[] descriptor(BufferedImage upright, EngineFace face) {
        return recognition.describe(Chips.cut(upright, face.eyeLeft().x(), face.eyeLeft().y(), face.eyeRight().x(),
            face.eyeRight().y(), face.mouth().x(), face.mouth().y(), DESCRIPTOR_CHIP));
    }

    /**
     * Computes the descriptor of a face given by geometry only (for example a hand-checked catalogue face): the chip
     * is aligned on its {@code eyeLeft}, {@code eyeRight} and mouth centre (the mid-point of {@code mouthLeft} and
     * {@code mouthRight}).
     *
     * @param upright the upright image the ratios refer to
     * @param face a face with those four landmarks
     * @return the descriptor
     * @throws IllegalArgumentException if a landmark is missing
     */
    public float[] descriptor(BufferedImage upright, FaceDetails face) {
        double[] p = alignmentPoints(face, upright.getWidth(), upright.getHeight());
        return recognition.describe(Chips.cut(upright, p[0], p[1], p[2], p[3], p[4], p[5], DESCRIPTOR_CHIP));
    }

    /**
     * Computes the seven expression probabilities of a detected face, in the order of {@link #EXPRESSIONS}.
     *
     * @param upright the image the face was found in
     * @param face the face
     * @return 7 probabilities summing to 1
     */
    public float[] expressions(BufferedImage upright, EngineFace face) {
        return expression.classify(Chips.cut(upright, face.eyeLeft().x(), face.eyeLeft().y(), face.eyeRight().x(),
            face.eyeRight().y(), face.mouth().x(), face.mouth().y(), EXPRESSION_CHIP));
    }

    /**
     * Computes the expression probabilities of a face given by geometry only (see
     * {@link #descriptor(BufferedImage, FaceDetails)}).
     *
     * @param upright the upright image
     * @param face a face with eye and mouth-corner landmarks
     * @return 7 probabilities
     */
    public float[] expressions(BufferedImage upright, FaceDetails face) {
        double[] p = alignmentPoints(face, upright.getWidth(), upright.getHeight());
        return expression.classify(Chips.cut(upright, p[0], p[1], p[2], p[3], p[4], p[5], EXPRESSION_CHIP));
    }

    /**
     * Computes the descriptor of an already aligned 150x150 chip (e.g. one cut by {@link #alignedChip}).
     *
     * @param chip a 150x150 RGB image
     * @return the descriptor
     */
    public float[] descriptorOfChip(BufferedImage chip) {
        return recognition.describe(pixels(chip, DESCRIPTOR_CHIP));
    }

    /**
     * Computes the expression probabilities of an already aligned 112x112 chip.
     *
     * @param chip a 112x112 RGB image
     * @return 7 probabilities
     */
    public float[] expressionsOfChip(BufferedImage chip) {
        return expression.classify(pixels(chip, EXPRESSION_CHIP));
    }

    private static int[] pixels(BufferedImage chip, int size) {
        if (chip.getWidth() != size || chip.getHeight() != size) {
            throw new IllegalArgumentException("chip must be " + size + "x" + size + ", was " + chip.getWidth() + "x"
                + chip.getHeight());
        }
        return chip.getRGB(0, 0, size, size, null, 0, size);
    }

    /**
     * Cuts an aligned face chip: the similarity transform that puts the eye centres and the mouth centre on dlib's
     * mean-face template (eyes at (0.2255, 0.216) and (0.7548, 0.216), mouth at (0.4901, 0.8042), 0.25 padding),
     * sampled with an anti-aliased bilinear filter.
     *
     * @param upright the image
     * @param eyeLeft image-left eye centre in pixels
     * @param eyeRight image-right eye centre in pixels
     * @param mouth mouth centre in pixels
     * @param size chip side (150 for descriptors, 112 for expressions)
     * @return the chip
     */
    public static BufferedImage alignedChip(BufferedImage upright, Point eyeLeft, Point eyeRight, Point mouth, int size) {
        int[] rgb = Chips.cut(upright, eyeLeft.x(), eyeLeft.y(), eyeRight.x(), eyeRight.y(), mouth.x(), mouth.y(), size);
        BufferedImage out = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        out.setRGB(0, 0, size, size, rgb, 0, size);
        return out;
    }

    static double[] alignmentPoints(FaceDetails face, int width, int height) {
        Point l = need(face, LandmarkType.EYE_LEFT);
        Point r = need(face, LandmarkType.EYE_RIGHT);
        Point ml = need(face, LandmarkType.MOUTH_LEFT);
        Point mr = need(face, LandmarkType.MOUTH_RIGHT);
        return new double[] {l.x() * width, l.y() * height, r.x() * width, r.y() * height,
            (ml.x() + mr.x()) / 2 * width, (ml.y() + mr.y()) / 2 * height};
    }

    private static Point need(FaceDetails face, LandmarkType type) {
        return face.landmark(type).map(Landmark::position)
            .orElseThrow(() -> new IllegalArgumentException("face has no " + type.wireName() + " landmark"));
    }

    /**
     * Returns the Euclidean distance between two descriptors (dlib: same person below about 0.6).
     *
     * @param a a descriptor
     * @param b another descriptor of the same length
     * @return the distance
     */
    public static double distance(float[] a, float[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("descriptor lengths differ: " + a.length + " and " + b.length);
        }
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            double d = a[i] - b[i];
            s += d * d;
        }
        return Math.sqrt(s);
    }

    /**
     * Maps a descriptor distance to a Rekognition-style similarity in percent:
     * {@code 100 / (1 + exp((d - d0) / w))} with {@code w = }{@value #SIMILARITY_WIDTH} and {@code d0} chosen so that
     * {@value #THRESHOLD_DISTANCE} maps to exactly 80, Rekognition's default threshold. Strictly decreasing in the
     * distance: 0 gives 100.0 (to one decimal), 0.55 about 90, 0.59 gives 80, 0.65 about 55, 0.75 about 14, 0.9 about
     * 0.8. Calibration on the fixtures: the reference chips give same-person distances 0.17-0.55 and
     * different-person distances 0.75-0.93; descriptors of engine-detected faces of 100 px and more give same person
     * 0.05-0.573 (similarity at least 84) and different people 0.604 and more (at most 77). Faces of 40-50 px (the
     * family photos) are noisier: same person up to 0.70, different people down to 0.59, so for them only the
     * ranking (nearest descriptor) is reliable.
     *
     * @param distance a descriptor distance, not negative
     * @return the similarity 0-100
     */
    public static double similarityForDistance(double distance) {
        if (!(distance >= 0)) {
            throw new IllegalArgumentException("distance must be >= 0, was " + distance);
        }
        double d0 = THRESHOLD_DISTANCE + SIMILARITY_WIDTH * Math.log(4);
        return 100.0 / (1 + Math.exp((distance - d0) / SIMILARITY_WIDTH));
    }

    /**
     * Returns how similar two faces are, in percent, from their descriptors ({@link #similarityForDistance} of
     * their {@link #distance}).
     *
     * @param a a descriptor
     * @param b another descriptor
     * @return the similarity 0-100; 80 or more means the same person
     */
    public static double similarity(float[] a, float[] b) {
        return similarityForDistance(distance(a, b));
    }

    /**
     * Maps the seven expression probabilities onto Rekognition's emotions, as percentages, highest first:
     * neutral &rarr; {@code CALM}, happy &rarr; {@code HAPPY}, sad &rarr; {@code SAD}, angry &rarr; {@code ANGRY},
     * fearful &rarr; {@code FEAR}, disgusted &rarr; {@code DISGUSTED}, surprised &rarr; {@code SURPRISED};
     * {@code CONFUSED}, which the network does not know, gets 0. {@code UNKNOWN} is not reported. The eight values
     * sum to 100 (up to rounding).
     *
     * @param expressions 7 probabilities from {@link #expressions}
     * @return the eight Rekognition emotions
     */
    public static List<Emotion> emotions(float[] expressions) {
        if (expressions.length != EMOTION_OF_EXPRESSION.length) {
            throw new IllegalArgumentException("expected 7 expression values, got " + expressions.length);
        }
        List<Emotion> out = new ArrayList<>();
        for (int i = 0; i < expressions.length; i++) {
            double pct = Math.max(0, Math.min(100, 100.0 * expressions[i]));
            out.add(Emotion.of(EMOTION_OF_EXPRESSION[i], pct));
        }
        out.add(Emotion.of(EmotionType.CONFUSED, 0));
        out.sort(Comparator.comparingDouble((Emotion e) -> -e.confidence()));
        return List.copyOf(out);
    }

    /** Returns the bytes held by the loaded model weights (float arrays), an estimate of the engine's heap. */
    public long weightBytes() {
        return weightBytes;
    }
}
