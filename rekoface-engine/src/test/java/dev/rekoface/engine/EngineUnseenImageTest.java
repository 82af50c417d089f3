package dev.rekoface.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
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
        byte[] generated = jpeg(out, 0.8f);
        assertThat(EngineFixtures.catalogue().toString()).doesNotContain(ModelStore.sha256(generated));
        BufferedImage upright = FaceEngine.readUpright(generated);
        List<EngineFace> faces = EngineFixtures.engine().detect(upright);
        assertThat(faces).hasSize(2);
        for (EngineFace original : EngineFixtures.faces("two_people.jpg")) {
            PixelPoint el = map(t, original.eyeLeft());
            PixelPoint er = map(t, original.eyeRight());
            PixelPoint mo = map(t, original.mouth());
            EngineFace match = faces.stream().min((a, b) -> Double.compare(dist(a.eyeLeft(), el), dist(b.eyeLeft(), el)))
                .orElseThrow();
            double ied = dist(el, er);
            assertThat(dist(match.eyeLeft(), el) / ied).as("eyeLeft").isLessThan(0.2);
            assertThat(dist(match.eyeRight(), er) / ied).as("eyeRight").isLessThan(0.2);
            assertThat(dist(match.mouth(), mo) / ied).as("mouth").isLessThan(0.25);
            assertThat(match.pose().roll()).isCloseTo(original.pose().roll() + 12, within(6.0));
            int index = EngineFixtures.faces("two_people.jpg").indexOf(original);
            double sim = EngineFixtures.engine().describe(upright, match)
                .similarity(EngineFixtures.descriptor("two_people.jpg", index));
            assertThat(sim).as("same person after the transform").isGreaterThanOrEqualTo(80);
        }
    }

    private static PixelPoint map(AffineTransform t, PixelPoint p) {
        java.awt.geom.Point2D q = t.transform(new java.awt.geom.Point2D.Double(p.x(), p.y()), null);
        return new PixelPoint(q.getX(), q.getY());
    }

    @Test
    void detect_downscaledReencodedSample_sameRatiosAsOriginal() throws IOException {
        BufferedImage src = EngineFixtures.upright("obama.jpg");
        BufferedImage half = new BufferedImage(src.getWidth() / 2, src.getHeight() / 2, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = half.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(src, 0, 0, half.getWidth(), half.getHeight(), null);
        g.dispose();
        byte[] generated = jpeg(half, 0.75f);
        List<EngineFace> faces = EngineFixtures.engine().detect(generated);
        assertThat(faces).hasSize(1);
        EngineFace original = EngineFixtures.faces("obama.jpg").get(0);
        assertThat(EngineFixtures.iou(EngineFixtures.box(faces.get(0)), EngineFixtures.box(original))).isGreaterThan(0.85);
        // the nose as ratios of each image
        PixelPoint pa = faces.get(0).nose();
        PixelPoint pb = original.nose();
        assertThat(pa.x() / faces.get(0).imageWidth()).isCloseTo(pb.x() / original.imageWidth(), within(0.01));
        assertThat(pa.y() / faces.get(0).imageHeight()).isCloseTo(pb.y() / original.imageHeight(), within(0.01));
    }

    @Test
    void detect_exifOrientation6_reportsGeometryOfTheUprightImage() {
        byte[] rotated = EngineFixtures.bytes("astronaut-exif-rotated.jpg");
        assertThat(ExifOrientation.of(rotated)).isEqualTo(6);
        // stored 384 px wide; 512 once turned upright
        int storedWidth = ImageDecoder.withUpright(new ByteArrayInputStream(rotated), 1, BufferedImage::getWidth);
        assertThat(storedWidth).isEqualTo(384);
        List<EngineFace> faces = EngineFixtures.faces("astronaut-exif-rotated.jpg");
        assertThat(faces).hasSize(1);
        assertThat(faces.get(0).imageWidth()).isEqualTo(512);
        assertThat(faces.get(0).imageHeight()).isEqualTo(384);
        // the upright image is the top 512x384 of astronaut.png: the same face at the same pixels
        EngineFace plain = EngineFixtures.faces("astronaut.png").get(0);
        assertThat(dist(faces.get(0).eyeLeft(), plain.eyeLeft())).isLessThan(3);
        assertThat(dist(faces.get(0).eyeRight(), plain.eyeRight())).isLessThan(3);
        assertThat(dist(faces.get(0).mouth(), plain.mouth())).isLessThan(3);
        double[] a = EngineFixtures.box(faces.get(0));
        double[] b = EngineFixtures.box(plain);
        assertThat(a[1] * 384).isCloseTo(b[1] * 512, within(3.0));
        assertThat(a[3] * 384).isCloseTo(b[3] * 512, within(3.0));
        assertThat(EngineFixtures.iou(a, EngineFixtures.box(EngineFixtures.catalogueImage("astronaut-exif-rotated.jpg")
            .get("faces").get(0)))).isGreaterThan(0.8);
        // upright: the eyes are side by side, not one above the other
        assertThat(Math.abs(faces.get(0).pose().roll())).isLessThan(20);
    }

    private static double dist(PixelPoint a, PixelPoint b) {
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
