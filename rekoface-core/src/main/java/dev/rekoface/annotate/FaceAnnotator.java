package dev.rekoface.annotate;

import dev.rekoface.InvalidArgumentException;
import dev.rekoface.RekofaceException;
import dev.rekoface.image.ImageFormat;
import dev.rekoface.image.LocalImage;
import dev.rekoface.model.FaceDetails;
import dev.rekoface.model.Landmark;
import dev.rekoface.model.LandmarkType;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import javax.imageio.ImageIO;

/**
 * Draws faces onto a copy of an image: each face's box, its five main landmarks, and its dominant emotion with the
 * confidence ("HAPPY 97.2%") when emotions were requested.
 *
 * <p>Geometry is right for rotated photos: the image is decoded upright (EXIF orientation applied, as Rekognition
 * does) and the service's ratios are multiplied by the upright size. A phone photo stored sideways gets its boxes on
 * the faces, not beside them. Line widths and text scale with the image. Immutable and thread-safe.
 *
 * <pre>{@code
 * LocalImage photo = ImageSource.fromFile(Path.of("party.jpg"));
 * List<FaceDetails> faces = reko.detectFaces(photo, FaceAttributes.ALL);
 * FaceAnnotator.standard().write(photo, faces, Path.of("party-annotated.png"));
 * }</pre>
 */
public final class FaceAnnotator {
    private static final FaceAnnotator STANDARD = new FaceAnnotator(new Color(0, 230, 64), new Color(255, 64, 64), true);

    private final Color boxColor;
    private final Color landmarkColor;
    private final boolean labels;
    private final Function<? super FaceDetails, String> labeller;

    private FaceAnnotator(Color boxColor, Color landmarkColor, boolean labels) {
        this(boxColor, landmarkColor, labels, FaceAnnotator::emotionLabel);
    }

    private FaceAnnotator(Color boxColor, Color landmarkColor, boolean labels, Function<? super FaceDetails, String> labeller) {
        this.boxColor = boxColor;
        this.landmarkColor = landmarkColor;
        this.labels = labels;
        this.labeller = labeller;
    }

    private static String emotionLabel(FaceDetails face) {
        return face.dominantEmotion().map(e -> e.rawType() + String.format(Locale.ROOT, " %.1f%%", e.confidence()))
            .orElse(null);
    }

    /** Returns the standard style: green boxes, red landmarks, emotion labels. */
    public static FaceAnnotator standard() {
        return STANDARD;
    }

    /**
     * Returns a copy with other colours.
     *
     * @param box the colour of boxes and labels
     * @param landmarks the colour of landmark points
     * @return the copy
     */
    public FaceAnnotator withColors(Color box, Color landmarks) {
        return new FaceAnnotator(Objects.requireNonNull(box, "box"), Objects.requireNonNull(landmarks, "landmarks"), labels,
            labeller);
    }

    /**
     * Returns a copy that draws no emotion labels.
     *
     * @return the copy
     */
    public FaceAnnotator withoutLabels() {
        return new FaceAnnotator(boxColor, landmarkColor, false, labeller);
    }

    /**
     * Returns a copy that writes its own text over each face instead of the dominant emotion, for example the name
     * of the person recognised there ({@code "Ana 99.1%"}, {@code "unknown"}).
     *
     * @param labeller the text of a face, or null for none
     * @return the copy
     */
    public FaceAnnotator withLabels(Function<? super FaceDetails, String> labeller) {
        return new FaceAnnotator(boxColor, landmarkColor, true, Objects.requireNonNull(labeller, "labeller"));
    }

    /**
     * Draws the faces on an upright copy of the image.
     *
     * @param image the image the faces were found in
     * @param faces the faces, with the service's ratios
     * @return a new upright RGB image with the annotations
     */
    public BufferedImage draw(LocalImage image, List<FaceDetails> faces) {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(faces, "faces");
        BufferedImage canvas = image.decodeUpright();
        int w = canvas.getWidth();
        int h = canvas.getHeight();
        float unit = Math.max(1.5f, Math.min(w, h) / 250f);
        Graphics2D g = canvas.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, Math.round(unit * 7)));
            for (FaceDetails face : faces) {
                drawFace(g, face, w, h, unit);
            }
        } finally {
            g.dispose();
        }
        return canvas;
    }

    private void drawFace(Graphics2D g, FaceDetails face, int w, int h, float unit) {
        double left = face.boundingBox().left() * w;
        double top = face.boundingBox().top() * h;
        double bw = face.boundingBox().width() * w;
        double bh = face.boundingBox().height() * h;
        g.setColor(boxColor);
        g.setStroke(new BasicStroke(unit));
        g.drawRect((int) Math.round(left), (int) Math.round(top), (int) Math.round(bw), (int) Math.round(bh));
        g.setColor(landmarkColor);
        int r = Math.max(2, Math.round(unit * 1.5f));
        for (Landmark l : face.landmarks()) {
            if (l.type().isMain() && l.type() != LandmarkType.UNKNOWN) {
                int x = (int) Math.round(l.position().x() * w);
                int y = (int) Math.round(l.position().y() * h);
                g.fillOval(x - r, y - r, 2 * r, 2 * r);
            }
        }
        String text = labels ? labeller.apply(face) : null;
        if (text != null && !text.isEmpty()) {
            FontMetrics fm = g.getFontMetrics();
            int tx = (int) Math.round(Math.max(0, left));
            int ty = (int) Math.round(top) - Math.round(unit * 2);
            if (ty - fm.getAscent() < 0) {
                ty = (int) Math.round(top + bh) + fm.getAscent() + Math.round(unit * 2);
            }
            g.setColor(new Color(0, 0, 0, 160));
            g.fillRect(tx, ty - fm.getAscent(), fm.stringWidth(text) + 4, fm.getAscent() + fm.getDescent());
            g.setColor(boxColor);
            g.drawString(text, tx + 2, ty);
        }
    }

    /**
     * Draws the faces and encodes the result.
     *
     * @param image the image
     * @param faces the faces
     * @param format PNG or JPEG
     * @return the encoded image
     */
    public byte[] encode(LocalImage image, List<FaceDetails> faces, ImageFormat format) {
        Objects.requireNonNull(format, "format");
        BufferedImage drawn = draw(image, faces);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(drawn, format == ImageFormat.PNG ? "png" : "jpg", out)) {
                throw new RekofaceException("no " + format + " encoder in this JVM");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * Draws the faces and writes the result to a file, PNG or JPEG by its extension ({@code .png}, {@code .jpg},
     * {@code .jpeg}). The file is written to a temporary sibling first and moved into place, so a failure never
     * leaves a half-written file.
     *
     * @param image the image
     * @param faces the faces
     * @param file the output file
     * @return the file
     * @throws InvalidArgumentException if the extension is not .png, .jpg or .jpeg
     */
    public Path write(LocalImage image, List<FaceDetails> faces, Path file) {
        Objects.requireNonNull(file, "file");
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        ImageFormat format;
        if (name.endsWith(".png")) {
            format = ImageFormat.PNG;
        } else if (name.endsWith(".jpg") || name.endsWith(".jpeg")) {
            format = ImageFormat.JPEG;
        } else {
            throw new InvalidArgumentException("output file", "annotated image file '" + file
                + "' must end in .png, .jpg or .jpeg");
        }
        byte[] bytes = encode(image, faces, format);
        try {
            Path tmp = file.toAbsolutePath().resolveSibling("." + file.getFileName() + "." + System.nanoTime() + ".tmp");
            try {
                Files.write(tmp, bytes);
                Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write annotated image " + file, e);
        }
        return file;
    }
}
