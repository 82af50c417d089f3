package dev.rekoface.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.rekoface.model.BoundingBox;
import dev.rekoface.model.LandmarkType;
import dev.rekoface.model.Point;
import dev.rekoface.testkit.emulator.EmulatorImages;
import dev.rekoface.testkit.faces.EmulatorImage;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.junit.jupiter.api.Test;

/** Photos the catalogue does not know: generated variants of a sample and an EXIF-rotated file. */
class EngineUnseenImageTest {

    @Test
    void detect_rotatedRescaledReencodedSample_geometryFollowsTheTransform() throws IOException {
        BufferedImage src = EngineFixtures.upright("two_people.jpg");
        // rotate 12 degrees clockwise about the centre, scale by 0.7, re-encode as JPEG quality 0.8
        double angle = Math.toRadians(12);
        double s = 0.7;
        int nw = (int) Math.round(src.getWidth() * s);
        int nh = (int) Math.round(src.getHeight() * s);
        AffineTransform t = new AffineTransform();
        t.translate(nw / 2.0, nh / 2.0);
        t.scale(s, s);
        t.rotate(angle);
        t.translate(-src.getWidth() / 2.0, -src.getHeight() / 2.0);
        BufferedImage out = new BufferedImage(nw, nh, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(src, t, null);
        g.dispose();
        EmulatorImage generated = EmulatorImages.accept(jpeg(out, 0.8f));
        assertThat(EngineFixtures.catalogue().toString()).doesNotContain(ModelStore.sha256(generated.bytes()));
        BufferedImage upright = ImageDecoder.withUpright(generated, u -> u);
        List<EngineFace> faces = EngineFixtures.engine().detect(upright);
        assertThat(faces).hasSize(2);
        for (EngineFace original : EngineFixtures.faces("two_people.jpg")) {
            Point el = map(t, original.eyeLeft());
            Point er = map(t, original.eyeRight());
            Point mo = map(t, original.mouth());
            EngineFace match = faces.stream().min((a, b) -> Double.compare(dist(a.eyeLeft(), el), dist(b.eyeLeft(), el)))
                .orElseThrow();
            double ied = dist(el, er);
            assertThat(dist(match.eyeLeft(), el) / ied).as("eyeLeft").isLessThan(0.2);
            assertThat(dist(match.eyeRight(), er) / ied).as("eyeRight").isLessThan(0.2);
            assertThat(dist(match.mouth(), mo) / ied).as("mouth").isLessThan(0.25);
            assertThat(match.details().pose().orElseThrow().roll())
                .isCloseTo(original.details().pose().orElseThrow().roll() + 12, within(6.0));
            int index = EngineFixtures.faces("two_people.jpg").indexOf(original);
            double sim = FaceEngine.similarity(EngineFixtures.engine().descriptor(upright, match),
                EngineFixtures.descriptor("two_people.jpg", index));
            assertThat(sim).as("same person after the transform").isGreaterThanOrEqualTo(80);
        }
    }

    private static Point map(AffineTransform t, Point p) {
        java.awt.geom.Point2D q = t.transform(new java.awt.geom.Point2D.Double(p.x(), p.y()), null);
        return new Point(q.getX(), q.getY());
    }

    @Test
    void detect_downscaledReencodedSample_sameRatiosAsOriginal() throws IOException {
        BufferedImage src = EngineFixtures.upright("obama.jpg");
        BufferedImage half = new BufferedImage(src.getWidth() / 2, src.getHeight() / 2, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = half.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(src, 0, 0, half.getWidth(), half.getHeight(), null);
        g.dispose();
        EmulatorImage generated = EmulatorImages.accept(jpeg(half, 0.75f));
        List<EngineFace> faces = EngineFixtures.engine().detect(generated);
        assertThat(faces).hasSize(1);
        BoundingBox a = faces.get(0).details().boundingBox();
        BoundingBox b = EngineFixtures.faces("obama.jpg").get(0).details().boundingBox();
        assertThat(EngineFixtures.iou(a, b)).isGreaterThan(0.85);
        Point pa = faces.get(0).details().landmark(LandmarkType.NOSE).orElseThrow().position();
        Point pb = EngineFixtures.faces("obama.jpg").get(0).details().landmark(LandmarkType.NOSE).orElseThrow().position();
        assertThat(pa.x()).isCloseTo(pb.x(), within(0.01));
        assertThat(pa.y()).isCloseTo(pb.y(), within(0.01));
    }

    @Test
    void detect_exifOrientation6_reportsGeometryOfTheUprightImage() {
        EmulatorImage rotated = EngineFixtures.local("astronaut-exif-rotated.jpg");
        assertThat(rotated.exifOrientation()).isEqualTo(6);
        assertThat(rotated.width()).isEqualTo(384);
        List<EngineFace> faces = EngineFixtures.faces("astronaut-exif-rotated.jpg");
        assertThat(faces).hasSize(1);
        assertThat(faces.get(0).imageSize().width()).isEqualTo(512);
        assertThat(faces.get(0).imageSize().height()).isEqualTo(384);
        // the upright image is the top 512x384 of astronaut.png: the same face at the same pixels
        EngineFace plain = EngineFixtures.faces("astronaut.png").get(0);
        assertThat(dist(faces.get(0).eyeLeft(), plain.eyeLeft())).isLessThan(3);
        assertThat(dist(faces.get(0).eyeRight(), plain.eyeRight())).isLessThan(3);
        assertThat(dist(faces.get(0).mouth(), plain.mouth())).isLessThan(3);
        BoundingBox a = faces.get(0).details().boundingBox();
        BoundingBox b = plain.details().boundingBox();
        assertThat(a.top() * 384).isCloseTo(b.top() * 512, within(3.0));
        assertThat(a.height() * 384).isCloseTo(b.height() * 512, within(3.0));
        assertThat(EngineFixtures.iou(a, EngineFixtures.box(EngineFixtures.catalogueImage("astronaut-exif-rotated.jpg")
            .get("faces").get(0)))).isGreaterThan(0.8);
        // upright: the eyes are side by side, not one above the other
        assertThat(Math.abs(faces.get(0).details().pose().orElseThrow().roll())).isLessThan(20);
    }

    private static double dist(Point a, Point b) {
        return Math.hypot(a.x() - b.x(), a.y() - b.y());
    }

    static byte[] jpeg(BufferedImage img, float quality) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(ios);
            ImageWriteParam p = writer.getDefaultWriteParam();
            p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            p.setCompressionQuality(quality);
            writer.write(null, new IIOImage(img, null, null), p);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }
}
