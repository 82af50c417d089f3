package dev.rekoface.testkit.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rekoface.model.BoundingBox;
import dev.rekoface.model.FaceDetails;
import dev.rekoface.testkit.faces.CatalogueFaceSource;
import dev.rekoface.testkit.faces.EmulatorImage;
import dev.rekoface.testkit.faces.FaceSource;
import dev.rekoface.testkit.faces.SourceFace;
import dev.rekoface.testkit.fixtures.Fixtures;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalDouble;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.rekognition.RekognitionClient;
import software.amazon.awssdk.services.rekognition.model.Image;

/** The face-source chain: your own catalogue, an added source (a stand-in for a face engine), the fallback. */
class EmulatorFaceSourcesTest {

    static byte[] png(int w, int h, int rgb) throws Exception {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                img.setRGB(x, y, rgb);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }

    static BufferedImage decode(EmulatorImage image) {
        try {
            return ImageIO.read(image.openStream());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static Image image(byte[] b) {
        return Image.builder().bytes(SdkBytes.fromByteArray(b)).build();
    }

    /** A fake engine: one face per image, described by the image's colour; similarity = closeness of colours. */
    static final class ColourEngine implements FaceSource {
        final AtomicInteger detections = new AtomicInteger();

        @Override
        public String name() {
            return "colour-engine";
        }

        @Override
        public List<SourceFace> detect(EmulatorImage image, String sha256) {
            detections.incrementAndGet();
            int rgb = decode(image).getRGB(0, 0) & 0xFFFFFF;
            FaceDetails d = FaceDetails.builder().boundingBox(new BoundingBox(0.3, 0.2, 0.4, 0.5)).build();
            return List.of(new SourceFace(d, null, new float[] {rgb / (float) 0xFFFFFF}, name()));
        }

        @Override
        public OptionalDouble similarity(SourceFace a, SourceFace b) {
            if (a.descriptor().isEmpty() || b.descriptor().isEmpty()) {
                return OptionalDouble.empty();
            }
            return OptionalDouble.of(100 * (1 - Math.abs(a.descriptor().get()[0] - b.descriptor().get()[0])));
        }
    }

    @Test
    void ownCatalogue_knownImage_servesItsAnnotatedFaces(@TempDir Path dir) throws Exception {
        byte[] mine = png(300, 200, 0x336699);
        String sha = ImageResolver.sha256(mine);
        String catalogue = "{\"schema\":1,\"images\":[{\"file\":\"mine.png\",\"sha256\":\"" + sha + "\",\"faces\":["
            + "{\"identity\":\"me\",\"boundingBox\":{\"left\":0.1,\"top\":0.1,\"width\":0.2,\"height\":0.3}},"
            + "{\"identity\":\"you\",\"boundingBox\":{\"left\":0.5,\"top\":0.1,\"width\":0.3,\"height\":0.4}}]}]}";
        Path file = Files.writeString(dir.resolve("catalogue.json"), catalogue);
        try (RekognitionEmulator emu = RekognitionEmulator.builder().catalogue(file).logRequests(false).start();
             RekognitionClient sdk = EmulatorPersistenceTest.client(emu.endpoint())) {
            var faces = sdk.detectFaces(r -> r.image(image(mine))).faceDetails();
            assertThat(faces).hasSize(2);
            assertThat(faces.get(0).boundingBox().width()).isEqualTo(0.3f); // largest first
            // the fixture pack's catalogue is not loaded: obama.jpg is unknown, so it gets one SIMULATED face
            assertThat(sdk.detectFaces(r -> r.image(image(Fixtures.image("his-girl-friday-1940.jpg").bytes()))).faceDetails()).hasSize(1);
        }
    }

    @Test
    void noSimulatedFallback_unknownImage_hasNoFace() throws Exception {
        try (RekognitionEmulator emu = RekognitionEmulator.builder().simulatedFallback(false).logRequests(false).start();
             RekognitionClient sdk = EmulatorPersistenceTest.client(emu.endpoint())) {
            byte[] grey = png(120, 120, 0x808080);
            assertThat(sdk.detectFaces(r -> r.image(image(grey))).faceDetails()).isEmpty();
        }
    }

    @Test
    void addedSource_unknownImages_areComparedByThatSource() throws Exception {
        ColourEngine engine = new ColourEngine();
        try (RekognitionEmulator emu = RekognitionEmulator.builder().addFaceSource(engine).logRequests(false).start();
             RekognitionClient sdk = EmulatorPersistenceTest.client(emu.endpoint())) {
            byte[] a = png(120, 120, 0x808080);
            byte[] b = png(121, 120, 0x818181);
            byte[] c = png(122, 120, 0x000000);
            assertThat(sdk.compareFaces(r -> r.sourceImage(image(a)).targetImage(image(b))).faceMatches()).hasSize(1);
            assertThat(sdk.compareFaces(r -> r.sourceImage(image(a)).targetImage(image(c))).faceMatches()).isEmpty();
            assertThat(sdk.detectFaces(r -> r.image(image(a))).faceDetails().get(0).boundingBox().width()).isEqualTo(0.4f);
        }
    }

    @Test
    void addedSource_catalogueImages_keepCatalogueTruthAndIdentities() throws Exception {
        ColourEngine engine = new ColourEngine();
        try (RekognitionEmulator emu = RekognitionEmulator.builder().addFaceSource(engine).logRequests(false).start();
             RekognitionClient sdk = EmulatorPersistenceTest.client(emu.endpoint())) {
            byte[] obama = Fixtures.image("obama.jpg").bytes();
            assertThat(sdk.detectFaces(r -> r.image(image(obama))).faceDetails().get(0).boundingBox().width())
                .isNotEqualTo(0.4f);
            assertThat(sdk.compareFaces(r -> r.sourceImage(image(obama)).targetImage(image(Fixtures.image("obama2.jpg").bytes())))
                .faceMatches().get(0).similarity()).isGreaterThanOrEqualTo(90f);
            // catalogue images cost the added source no detection: their faces are described from their geometry
            assertThat(engine.detections.get()).isZero();
        }
    }

    @Test
    void catalogue_describeCatalogueFaces_attachesTheDescriptorTheSourceComputesFromTheGeometry() throws Exception {
        byte[] obama = Fixtures.image("obama.jpg").bytes();
        CatalogueFaceSource cat = CatalogueFaceSource.fromFixtures();
        FaceSource engine = new FaceSource() {
            @Override
            public String name() {
                return "engine";
            }

            @Override
            public List<SourceFace> detect(EmulatorImage image, String sha256) {
                throw new AssertionError("a catalogue image must not be detected again");
            }

            @Override
            public java.util.Optional<float[]> describe(EmulatorImage image, String sha256, dev.rekoface.model.FaceDetails face) {
                SourceFace c = cat.detect(image, sha256).get(0);
                return face.equals(c.details()) ? java.util.Optional.of(new float[] {1, 2, 3}) : java.util.Optional.empty();
            }
        };
        try (RekognitionEmulator emu = RekognitionEmulator.builder().addFaceSource(engine).logRequests(false).start()) {
            List<SourceFace> faces = emu.service().facesOf(EmulatorImages.accept(obama));
            assertThat(faces).hasSize(1);
            assertThat(faces.get(0).source()).isEqualTo("catalogue");
            assertThat(faces.get(0).identity()).hasValue("barack-obama");
            assertThat(faces.get(0).descriptor()).hasValueSatisfying(d -> assertThat(d).containsExactly(1, 2, 3));
        }
    }
}
