package dev.rekoface.testkit.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rekoface.testkit.fixtures.Fixtures;
import dev.rekoface.testkit.junit.LocalRekognition;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.rekognition.RekognitionClient;
import software.amazon.awssdk.services.rekognition.model.BoundingBox;
import software.amazon.awssdk.services.rekognition.model.FaceDetail;
import software.amazon.awssdk.services.rekognition.model.Image;

/**
 * Hard faces on the face engine, through the AWS SDK: small faces in a group photo (family-1128317.jpg scaled down at
 * run time: faces of 28-38 px, two of them near-profile), the near-profile face of werner-and-swami.jpeg and a crop of
 * it, and photos without a face, which must stay without one.
 */
@LocalRekognition(forceEngine = true)
class EngineHardFacesTest {
    /** The catalogue's three faces of family-1128317.jpg (man, girl, woman), as ratios of the photo. */
    private static final double[][] FAMILY = {
        {0.3453, 0.369, 0.0319, 0.05}, {0.5134, 0.4128, 0.036, 0.0554}, {0.6454, 0.427, 0.036, 0.05}};
    /** Werner's face in werner-and-swami.jpeg (1280 x 800), hand-placed in the catalogue: yaw about 70 degrees. */
    private static final int[] WERNER = {170, 88, 120, 176};

    private static Image image(byte[] bytes) {
        return Image.builder().bytes(SdkBytes.fromByteArray(bytes)).build();
    }

    private static BufferedImage read(String name) {
        try {
            return ImageIO.read(new ByteArrayInputStream(Fixtures.image(name).bytes()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A region of a photo, scaled by {@code scale}, as a JPEG: another image than the fixture. */
    static byte[] jpeg(BufferedImage src, int x, int y, int w, int h, double scale) {
        int ow = (int) Math.round(w * scale);
        int oh = (int) Math.round(h * scale);
        BufferedImage out = new BufferedImage(ow, oh, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.drawImage(src, 0, 0, ow, oh, x, y, x + w, y + h, null);
        g.dispose();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            ImageIO.write(out, "jpg", bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static byte[] scaled(String name, double scale) {
        BufferedImage src = read(name);
        return jpeg(src, 0, 0, src.getWidth(), src.getHeight(), scale);
    }

    private static double iou(BoundingBox b, double[] c) {
        double ix = Math.max(0, Math.min(b.left() + b.width(), c[0] + c[2]) - Math.max(b.left(), c[0]));
        double iy = Math.max(0, Math.min(b.top() + b.height(), c[1] + c[3]) - Math.max(b.top(), c[1]));
        double inter = ix * iy;
        return inter / (b.width() * b.height() + c[2] * c[3] - inter);
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.9, 0.75})
    void detectFaces_familyPhotoScaledDown_findsAllThreeFacesWhereTheyAre(double scale, RekognitionClient raw) {
        List<FaceDetail> faces = raw.detectFaces(b -> b.image(image(scaled("family-1128317.jpg", scale)))).faceDetails();

        assertThat(faces).as("faces at %s scale", scale).hasSize(3);
        for (double[] expected : FAMILY) {
            assertThat(faces).as("a face over the catalogue's %s", java.util.Arrays.toString(expected))
                .anySatisfy(f -> assertThat(iou(f.boundingBox(), expected)).isGreaterThanOrEqualTo(0.5));
        }
        assertThat(faces).allSatisfy(f -> assertThat(f.landmarks()).isNotEmpty());
    }

    @Test
    void detectFaces_nearProfileFaceAndItsCrop_areFound(RekognitionClient raw) {
        List<FaceDetail> faces = raw.detectFaces(b -> b.image(image(scaled("werner-and-swami.jpeg", 1.0)))).faceDetails();
        assertThat(faces).as("Swami and, near-profile, Werner").hasSize(2);
        FaceDetail werner = faces.stream().min(Comparator.comparingDouble(f -> f.boundingBox().left())).orElseThrow();
        double[] box = {WERNER[0] / 1280.0, WERNER[1] / 800.0, WERNER[2] / 1280.0, WERNER[3] / 800.0};
        assertThat(iou(werner.boundingBox(), box)).isGreaterThanOrEqualTo(0.5);

        // the crop recognizeAll cuts around that face (half its size on every side)
        byte[] crop = jpeg(read("werner-and-swami.jpeg"), WERNER[0] - WERNER[2] / 2, 0, 2 * WERNER[2], 352, 1.0);
        assertThat(raw.detectFaces(b -> b.image(image(crop))).faceDetails()).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"coffee.png", "chelsea.png", "rocket.jpg", "hubble_deep_field.jpg", "plain-blue.png"})
    void detectFaces_photoWithoutFace_findsNone(String name, RekognitionClient raw) {
        assertThat(raw.detectFaces(b -> b.image(image(Fixtures.image(name).bytes()))).faceDetails()).isEmpty();
    }
}
