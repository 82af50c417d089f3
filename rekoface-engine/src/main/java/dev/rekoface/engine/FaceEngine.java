package dev.rekoface.engine;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * A pure-Java local face engine: detects faces with MediaPipe's BlazeFace, describes them with dlib's face recognition
 * ResNet and reads expressions with face-api.js's expression network, all run in plain Java (no native code, no
 * network, no GPU). The models ship in this module's jar (see {@code NOTICE-models.md}) and are checked against their
 * SHA-256 when loaded.
 *
 * <pre>{@code
 * FaceEngine engine = FaceEngine.load();
 * BufferedImage photo = FaceEngine.readUpright(Path.of("obama.jpg"));   // EXIF orientation applied
 * BufferedImage other = FaceEngine.readUpright(Path.of("obama2.jpg"));
 * FaceDescriptor a = engine.describe(photo, engine.detect(photo).get(0));
 * FaceDescriptor b = engine.describe(other, engine.detect(other).get(0));
 * double percent = a.similarity(b);   // 0-100; 80 or more: the same person
 * }</pre>
 *
 * <p>Geometry is in pixels of the upright image given to {@link #detect(BufferedImage)}; describe and read
 * expressions of a face with that same image.
 *
 * <p>Thread-safe: one instance (the models are loaded once, about 30 MB of heap) can be shared by any number of
 * threads; each thread keeps its own scratch buffers. Nothing is logged.
 */
public final class FaceEngine {
    /** Length of a descriptor. */
    public static final int DESCRIPTOR_SIZE = 128;
    /** Side in pixels of the aligned chip the descriptor network reads. */
    public static final int DESCRIPTOR_CHIP = RecognitionNet.SIZE;
    /** Side in pixels of the aligned chip the expression network reads. */
    public static final int EXPRESSION_CHIP = ExpressionNet.SIZE;
    /**
     * The descriptor distance that maps to similarity 80 (Amazon Rekognition's default threshold). dlib's own
     * same-person cut is 0.6; 0.59 is where the fixtures separate with engine geometry (same person at most 0.573,
     * different people at least 0.604, faces of 100 px and more).
     */
    public static final double THRESHOLD_DISTANCE = 0.59;
    /** Width of the logistic similarity curve, in distance units. */
    public static final double SIMILARITY_WIDTH = 0.05;
    /** Most pixels an image read by the engine may declare: 10,000 x 10,000. Larger ones are refused unread. */
    public static final long MAX_PIXELS = ImageDecoder.MAX_PIXELS;
    /** Images declaring more pixels than this (40 megapixels) are decoded subsampled to at most this many. */
    public static final long DECODE_PIXELS = ImageDecoder.DECODE_PIXELS;

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
     * Returns the shared engine with the models shipped in this module's jar, loading them on first use (about half a
     * second).
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

    // ------------------------------------------------------------------------------------------------ images

    /**
     * Decodes a JPEG or PNG upright: its EXIF orientation applied, transparency drawn over white. The declared size
     * is read before decoding: an image over {@value #MAX_PIXELS} pixels is refused without allocating its pixels, one
     * over {@value #DECODE_PIXELS} pixels is decoded subsampled (then smaller than its declared size). At most 64
     * megapixels are decoded at once over all threads; a caller waits for its share.
     *
     * @param image the image bytes
     * @return the upright picture, RGB
     * @throws EngineImageException if the image is empty, not a JPEG or PNG, over the bound or cannot be decoded
     */
    public static BufferedImage readUpright(byte[] image) {
        return ImageDecoder.withUpright(image, upright -> upright);
    }

    /**
     * Reads a JPEG or PNG file and decodes it upright, as {@link #readUpright(byte[])}.
     *
     * @param file the file
     * @return the upright picture, RGB
     * @throws IOException if the file cannot be read (a missing file: {@link java.nio.file.NoSuchFileException})
     * @throws EngineImageException naming the file if its content is not an image the engine decodes
     */
    public static BufferedImage readUpright(Path file) throws IOException {
        return ofFile(file, FaceEngine::readUpright);
    }

    /**
     * Decodes a JPEG or PNG upright, as {@link #readUpright(byte[])}, with the EXIF orientation the caller already
     * read, and runs work on the picture while it holds its share of the decoding budget, so that many threads
     * decoding large images at once cannot exhaust the heap together. For servers; a program reading a few photos
     * wants {@link #readUpright(byte[])}.
     *
     * @param image the image bytes, read to the end (the stream is not closed)
     * @param exifOrientation the EXIF orientation 1-8 the image declares (1: upright or none)
     * @param work what to do with the upright picture; its exceptions pass through unchanged
     * @param <T> the result type
     * @return the work's result
     * @throws EngineImageException if the image is empty, not a JPEG or PNG, over the bound or cannot be decoded
     * @throws IllegalArgumentException if the orientation is not 1-8
     */
    public static <T> T withUprightImage(InputStream image, int exifOrientation,
                                         Function<? super BufferedImage, ? extends T> work) {
        return ImageDecoder.withUpright(image, exifOrientation, work);
    }

    // ------------------------------------------------------------------------------------------------ detection

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
        List<EngineFace> faces = new ArrayList<>();
        for (FaceDetector.Det d : detector.detect(raster)) {
            faces.add(toFace(upright, raster, d));
        }
        faces.sort(Comparator.comparingDouble((EngineFace f) -> -f.score()));
        return List.copyOf(faces);
    }

    /**
     * Finds the faces of a JPEG or PNG, decoded as by {@link #readUpright(byte[])}. The geometry refers to the upright
     * picture {@link #readUpright(byte[])} gives for the same bytes; describe the faces with that picture.
     *
     * @param image the image bytes
     * @return the faces, best detector score first
     * @throws EngineImageException if the image is not one the engine decodes
     */
    public List<EngineFace> detect(byte[] image) {
        return ImageDecoder.withUpright(image, this::detect);
    }

    /**
     * Finds the faces of a JPEG or PNG file, as {@link #detect(byte[])}.
     *
     * @param file the file
     * @return the faces, best detector score first
     * @throws IOException if the file cannot be read (a missing file: {@link java.nio.file.NoSuchFileException})
     * @throws EngineImageException naming the file if its content is not an image the engine decodes
     */
    public List<EngineFace> detect(Path file) throws IOException {
        return ofFile(file, this::detect);
    }

    /** Reads a file and runs work on its bytes; an image error names the file, which the bytes alone cannot. */
    private static <T> T ofFile(Path file, Function<byte[], T> work) throws IOException {
        Objects.requireNonNull(file, "file");
        byte[] bytes = Files.readAllBytes(file);
        try {
            return work.apply(bytes);
        } catch (EngineImageException e) {
            throw new EngineImageException(file + ": " + e.getMessage(), e.getCause());
        }
    }

    private static EngineFace toFace(BufferedImage img, Raster r, FaceDetector.Det d) {
        double sx = r.scale;
        double sy = r.scaleY;
        PixelPoint eyeL = new PixelPoint(d.kp[0] * sx, d.kp[1] * sy);
        PixelPoint eyeR = new PixelPoint(d.kp[2] * sx, d.kp[3] * sy);
        PixelPoint nose = new PixelPoint(d.kp[4] * sx, d.kp[5] * sy);
        PixelPoint mouth = new PixelPoint(d.kp[6] * sx, d.kp[7] * sy);
        double side = (d.w * sx + d.h * sy) / 2;
        PixelBox box = FaceGeometry.box(d.cx * sx, d.cy * sy, side, img.getWidth(), img.getHeight());
        return new EngineFace(box, d.score, eyeL, eyeR, nose, mouth, FaceGeometry.pose(eyeL, eyeR, nose, mouth),
            FaceGeometry.quality(img, box.left(), box.top(), box.width(), box.height()), img.getWidth(), img.getHeight());
    }

    // ------------------------------------------------------------------------------------------------ descriptors

    /**
     * Computes the descriptor of a detected face.
     *
     * @param upright the image the face was found in
     * @param face the face
     * @return its descriptor
     * @throws IllegalArgumentException if the image is not the size of the one the face was found in
     */
    public FaceDescriptor describe(BufferedImage upright, EngineFace face) {
        requireSameImage(upright, face);
        return describe(upright, face.eyeLeft(), face.eyeRight(), face.mouth());
    }

    /**
     * Computes the descriptor of a face given by its eyes and mouth only (for example a face placed by hand, or found
     * by another detector): the chip is aligned on those three points as for a detected face.
     *
     * @param upright the upright image the points refer to
     * @param eyeLeft centre of the image-left eye, in pixels
     * @param eyeRight centre of the image-right eye, in pixels
     * @param mouth centre of the mouth (the mid-point of its corners), in pixels
     * @return the descriptor
     */
    public FaceDescriptor describe(BufferedImage upright, PixelPoint eyeLeft, PixelPoint eyeRight, PixelPoint mouth) {
        return FaceDescriptor.own(recognition.describe(chip(upright, eyeLeft, eyeRight, mouth, DESCRIPTOR_CHIP)));
    }

    /**
     * Computes the descriptor of an already aligned {@value #DESCRIPTOR_CHIP}x{@value #DESCRIPTOR_CHIP} chip (for
     * example one cut by {@link #alignedChip}).
     *
     * @param chip the chip, RGB
     * @return the descriptor
     * @throws IllegalArgumentException if the chip has another size
     */
    public FaceDescriptor describeChip(BufferedImage chip) {
        return FaceDescriptor.own(recognition.describe(pixels(chip, DESCRIPTOR_CHIP)));
    }

    // ------------------------------------------------------------------------------------------------ expressions

    /**
     * Reads the expressions of a detected face.
     *
     * @param upright the image the face was found in
     * @param face the face
     * @return the seven expression probabilities
     * @throws IllegalArgumentException if the image is not the size of the one the face was found in
     */
    public Expressions expressions(BufferedImage upright, EngineFace face) {
        requireSameImage(upright, face);
        return expressions(upright, face.eyeLeft(), face.eyeRight(), face.mouth());
    }

    /**
     * Reads the expressions of a face given by its eyes and mouth only (see
     * {@link #describe(BufferedImage, PixelPoint, PixelPoint, PixelPoint)}).
     *
     * @param upright the upright image the points refer to
     * @param eyeLeft centre of the image-left eye, in pixels
     * @param eyeRight centre of the image-right eye, in pixels
     * @param mouth centre of the mouth, in pixels
     * @return the seven expression probabilities
     */
    public Expressions expressions(BufferedImage upright, PixelPoint eyeLeft, PixelPoint eyeRight, PixelPoint mouth) {
        return Expressions.own(expression.classify(chip(upright, eyeLeft, eyeRight, mouth, EXPRESSION_CHIP)));
    }

    /**
     * Reads the expressions of an already aligned {@value #EXPRESSION_CHIP}x{@value #EXPRESSION_CHIP} chip.
     *
     * @param chip the chip, RGB
     * @return the seven expression probabilities
     * @throws IllegalArgumentException if the chip has another size
     */
    public Expressions expressionsOfChip(BufferedImage chip) {
        return Expressions.own(expression.classify(pixels(chip, EXPRESSION_CHIP)));
    }

    /** A face's pixel geometry only means something in the image it was found in (or one of the same size). */
    private static void requireSameImage(BufferedImage upright, EngineFace face) {
        if (upright.getWidth() != face.imageWidth() || upright.getHeight() != face.imageHeight()) {
            throw new IllegalArgumentException("the face was found in a " + face.imageWidth() + "x" + face.imageHeight()
                + " image, but this one is " + upright.getWidth() + "x" + upright.getHeight()
                + ": pass the upright image it was detected in");
        }
    }

    /** The RGB pixels of an aligned chip cut from an image. */
    private static int[] chip(BufferedImage upright, PixelPoint eyeLeft, PixelPoint eyeRight, PixelPoint mouth, int size) {
        return Chips.cut(upright, eyeLeft.x(), eyeLeft.y(), eyeRight.x(), eyeRight.y(), mouth.x(), mouth.y(), size);
    }

    /** The RGB pixels of an already aligned chip, checked for size. */
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
     * @param size chip side ({@value #DESCRIPTOR_CHIP} for descriptors, {@value #EXPRESSION_CHIP} for expressions)
     * @return the chip, RGB
     * @throws IllegalArgumentException if {@code size} is below 1
     */
    public static BufferedImage alignedChip(BufferedImage upright, PixelPoint eyeLeft, PixelPoint eyeRight,
                                            PixelPoint mouth, int size) {
        if (size < 1) {
            throw new IllegalArgumentException("chip size must be at least 1, was " + size);
        }
        int[] rgb = chip(upright, eyeLeft, eyeRight, mouth, size);
        BufferedImage out = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        out.setRGB(0, 0, size, size, rgb, 0, size);
        return out;
    }

    // ------------------------------------------------------------------------------------------------ comparison

    /**
     * Returns how similar two faces are, in percent: {@link #similarityForDistance} of the descriptors'
     * {@link FaceDescriptor#distance distance}. 80 or more means the same person.
     *
     * @param a a descriptor
     * @param b another descriptor of the same size
     * @return the similarity 0-100
     * @throws IllegalArgumentException if the sizes differ
     */
    public static double similarity(FaceDescriptor a, FaceDescriptor b) {
        return a.similarity(b);
    }

    /**
     * Maps a descriptor distance to a similarity in percent, as Amazon Rekognition reports it:
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
     * @throws IllegalArgumentException if the distance is negative or NaN
     */
    public static double similarityForDistance(double distance) {
        if (!(distance >= 0)) {
            throw new IllegalArgumentException("distance must be >= 0, was " + distance);
        }
        double d0 = THRESHOLD_DISTANCE + SIMILARITY_WIDTH * Math.log(4);
        return 100.0 / (1 + Math.exp((distance - d0) / SIMILARITY_WIDTH));
    }

    /** Returns the bytes held by the loaded model weights (float arrays), an estimate of the engine's heap. */
    public long weightBytes() {
        return weightBytes;
    }
}
