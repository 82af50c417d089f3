package dev.rekoface.annotate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rekoface.InvalidArgumentException;
import dev.rekoface.image.ImageFormat;
import dev.rekoface.image.ImageSource;
import dev.rekoface.image.LocalImage;
import dev.rekoface.model.BoundingBox;
import dev.rekoface.model.Emotion;
import dev.rekoface.model.EmotionType;
import dev.rekoface.model.FaceDetails;
import dev.rekoface.model.Landmark;
import dev.rekoface.model.LandmarkType;
import dev.rekoface.support.TestImages;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FaceAnnotatorTest {
    private static final Color MAGENTA = new Color(255, 0, 255);
    private static final Color CYAN = new Color(0, 255, 255);

    /** The catalogue's astronaut face, as ratios of the displayed (upright) 512x384 image. */
    private static FaceDetails astronautFace() {
        return FaceDetails.builder()
            .boundingBox(new BoundingBox(0.3435, 0.1273, 0.1948, 0.3356))
            .addLandmarks(Landmark.of(LandmarkType.EYE_LEFT, 0.3975, 0.2645))
            .addEmotions(Emotion.of(EmotionType.HAPPY, 97.2), Emotion.of(EmotionType.CALM, 2.0))
            .build();
    }

    private static boolean near(int rgb, Color c) {
        int r = rgb >> 16 & 0xFF;
        int g = rgb >> 8 & 0xFF;
        int b = rgb & 0xFF;
        return Math.abs(r - c.getRed()) < 60 && Math.abs(g - c.getGreen()) < 60 && Math.abs(b - c.getBlue()) < 60;
    }

    private static int countAlongRow(BufferedImage img, int y, int x0, int x1, Color c) {
        int n = 0;
        for (int x = x0; x <= x1; x++) {
            if (near(img.getRGB(x, y), c)) {
                n++;
            }
        }
        return n;
    }

    @Test
    void draw_exifRotatedPhoto_putsTheBoxOnTheUprightFace() {
        LocalImage rotated = ImageSource.fromBytes(TestImages.fixture("astronaut-exif-rotated.jpg"));
        BufferedImage out = FaceAnnotator.standard().withColors(MAGENTA, CYAN).draw(rotated, List.of(astronautFace()));
        assertThat(out.getWidth()).isEqualTo(512);
        assertThat(out.getHeight()).isEqualTo(384);
        int top = (int) Math.round(0.1273 * 384);
        int left = (int) Math.round(0.3435 * 512);
        int right = (int) Math.round((0.3435 + 0.1948) * 512);
        assertThat(countAlongRow(out, top, left + 5, right - 5)).as("box top edge in the upright frame").isGreaterThan(80);
        // Where the top edge of a box computed in the stored (sideways, 384x512) frame would have gone, left of the
        // true box, nothing was drawn.
        BufferedImage plain = rotated.decodeUpright();
        int wrongTop = (int) Math.round(0.1273 * 512);
        int wrongLeft = (int) Math.round(0.3435 * 384);
        assertThat(countAlongRow(out, wrongTop, wrongLeft, left - 4, MAGENTA))
            .isEqualTo(countAlongRow(plain, wrongTop, wrongLeft, left - 4, MAGENTA));
        int ex = (int) Math.round(0.3975 * 512);
        int ey = (int) Math.round(0.2645 * 384);
        assertThat(near(out.getRGB(ex, ey), CYAN)).as("landmark dot").isTrue();
    }

    private static int countAlongRow(BufferedImage img, int y, int x0, int x1) {
        return countAlongRow(img, y, x0, x1, MAGENTA);
    }

    @Test
    void draw_withEmotion_writesALabelAboveTheBox() {
        LocalImage img = ImageSource.fromBytes(TestImages.fixture("astronaut.png"));
        FaceDetails face = FaceDetails.builder().boundingBox(new BoundingBox(0.3435, 0.3, 0.1947, 0.2514))
            .addEmotions(Emotion.of(EmotionType.HAPPY, 97.2)).build();
        BufferedImage labelled = FaceAnnotator.standard().withColors(MAGENTA, CYAN).draw(img, List.of(face));
        BufferedImage unlabelled = FaceAnnotator.standard().withColors(MAGENTA, CYAN).withoutLabels().draw(img, List.of(face));
        int top = (int) Math.round(0.3 * 512);
        int changed = 0;
        for (int y = top - 20; y < top - 3; y++) {
            for (int x = (int) Math.round(0.3435 * 512); x < 300; x++) {
                if (labelled.getRGB(x, y) != unlabelled.getRGB(x, y)) {
                    changed++;
                }
            }
        }
        assertThat(changed).as("pixels of the label").isGreaterThan(100);
    }

    /** Counts the pixels that differ between two images in the band just above a box whose top is at ratio 0.3. */
    private static int labelPixels(BufferedImage a, BufferedImage b) {
        int top = (int) Math.round(0.3 * 512);
        int changed = 0;
        for (int y = top - 20; y < top - 3; y++) {
            for (int x = (int) Math.round(0.3435 * 512); x < 300; x++) {
                if (a.getRGB(x, y) != b.getRGB(x, y)) {
                    changed++;
                }
            }
        }
        return changed;
    }

    @Test
    void withLabels_customText_isWrittenEvenWithoutEmotionsAndNullWritesNothing() {
        LocalImage img = ImageSource.fromBytes(TestImages.fixture("astronaut.png"));
        FaceDetails face = FaceDetails.builder().boundingBox(new BoundingBox(0.3435, 0.3, 0.1947, 0.2514)).build();
        FaceAnnotator base = FaceAnnotator.standard().withColors(MAGENTA, CYAN);
        BufferedImage none = base.withoutLabels().draw(img, List.of(face));
        assertThat(labelPixels(base.draw(img, List.of(face)), none)).as("no emotion, no standard label").isZero();
        assertThat(labelPixels(base.withLabels(f -> "Ana 99.1%").draw(img, List.of(face)), none))
            .as("pixels of the custom label").isGreaterThan(100);
        assertThat(labelPixels(base.withLabels(f -> null).draw(img, List.of(face)), none)).as("a null label").isZero();
        assertThatThrownBy(() -> base.withLabels(null)).isInstanceOf(NullPointerException.class).hasMessage("labeller");
    }

    @Test
    void write_pngAndJpeg_byExtension(@TempDir Path dir) throws Exception {
        LocalImage img = ImageSource.fromBytes(TestImages.fixture("astronaut-exif-rotated.jpg"));
        Path png = FaceAnnotator.standard().write(img, List.of(astronautFace()), dir.resolve("a.png"));
        Path jpg = FaceAnnotator.standard().write(img, List.of(astronautFace()), dir.resolve("a.jpeg"));
        assertThat(ImageSource.fromFile(png).format()).isEqualTo(ImageFormat.PNG);
        assertThat(ImageSource.fromFile(jpg).format()).isEqualTo(ImageFormat.JPEG);
        BufferedImage read = ImageIO.read(new ByteArrayInputStream(Files.readAllBytes(png)));
        assertThat(read.getWidth()).isEqualTo(512);
        assertThat(dir.toFile().list()).containsExactlyInAnyOrder("a.png", "a.jpeg");
    }

    @Test
    void write_unknownExtension_refused(@TempDir Path dir) {
        LocalImage img = ImageSource.fromBytes(TestImages.fixture("coffee.png"));
        assertThatThrownBy(() -> FaceAnnotator.standard().write(img, List.of(), dir.resolve("out.gif")))
            .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("out.gif");
        assertThat(dir.toFile().list()).isEmpty();
    }
}
