package dev.rekoface.testkit.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rekoface.testkit.fixtures.Fixtures;
import dev.rekoface.testkit.junit.LocalRekognition;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.rekognition.RekognitionClient;
import software.amazon.awssdk.services.rekognition.model.CompareFacesResponse;
import software.amazon.awssdk.services.rekognition.model.DetectFacesResponse;
import software.amazon.awssdk.services.rekognition.model.Image;
import software.amazon.awssdk.services.rekognition.model.SearchFacesByImageResponse;

/**
 * The emulator with the catalogue switched off: every answer comes from the face engine, through the AWS SDK.
 * Rekognition's default threshold, 80, separates the same person from different people.
 */
@LocalRekognition(forceEngine = true, resetBetweenTests = true)
class EngineEmulatorTest {

    private static Image image(String name) {
        return Image.builder().bytes(SdkBytes.fromByteArray(Fixtures.image(name).bytes())).build();
    }

    private static Image image(byte[] bytes) {
        return Image.builder().bytes(SdkBytes.fromByteArray(bytes)).build();
    }

    private static CompareFacesResponse compare(RekognitionClient raw, String source, String target) {
        return raw.compareFaces(b -> b.sourceImage(image(source)).targetImage(image(target)).similarityThreshold(80f));
    }

    @Test
    void compareFaces_sameAndDifferentPeople_separatedAtEighty(RekognitionClient raw) {
        CompareFacesResponse same = compare(raw, "obama2.jpg", "obama.jpg");
        assertThat(same.faceMatches()).hasSize(1);
        assertThat(same.faceMatches().get(0).similarity()).isGreaterThanOrEqualTo(80f);
        CompareFacesResponse other = compare(raw, "obama.jpg", "biden.jpg");
        assertThat(other.faceMatches()).isEmpty();
        assertThat(other.unmatchedFaces()).hasSize(1);
    }

    @Test
    void compareFaces_obamaInTwoPeople_oneMatchOneUnmatched(RekognitionClient raw) {
        CompareFacesResponse r = compare(raw, "obama.jpg", "two_people.jpg");
        assertThat(r.faceMatches()).hasSize(1);
        assertThat(r.unmatchedFaces()).hasSize(1);
        // Obama stands on the left of two_people.jpg
        assertThat(r.faceMatches().get(0).face().boundingBox().left())
            .isLessThan(r.unmatchedFaces().get(0).boundingBox().left());
    }

    @Test
    void compareFaces_wernerAndSwamiPhotos_pairUp(RekognitionClient raw) {
        assertThat(compare(raw, "Werner2.jpeg", "Werner3.jpeg").faceMatches()).hasSize(1);
        assertThat(compare(raw, "Werner1.jpeg", "Werner2.jpeg").faceMatches()).hasSize(1);
        assertThat(compare(raw, "Swami1.jpeg", "Swami2.jpeg").faceMatches()).hasSize(1);
        assertThat(compare(raw, "Werner2.jpeg", "Swami1.jpeg").faceMatches()).isEmpty();
        assertThat(compare(raw, "Swami2.jpeg", "Werner3.jpeg").faceMatches()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"family-1128316.jpg", "family-1128317.jpg", "family-1128318.jpg"})
    void detectFaces_familyPhotos_threeFacesEach(String name, RekognitionClient raw) {
        DetectFacesResponse r = raw.detectFaces(b -> b.image(image(name)).attributesWithStrings("ALL"));
        assertThat(r.faceDetails()).hasSize(3);
        assertThat(r.faceDetails()).allSatisfy(f -> {
            assertThat(f.emotions()).isNotEmpty();
            assertThat(f.landmarks()).hasSize(30);
        });
    }

    @Test
    void searchFacesByImage_indexedWithEngineDescriptors_recognizesTheSamePerson(RekognitionClient raw) {
        raw.createCollection(b -> b.collectionId("people"));
        raw.indexFaces(b -> b.collectionId("people").image(image("obama.jpg")).externalImageId("obama"));
        raw.indexFaces(b -> b.collectionId("people").image(image("biden.jpg")).externalImageId("biden"));
        SearchFacesByImageResponse r = raw.searchFacesByImage(b -> b.collectionId("people").image(image("obama2.jpg")));
        assertThat(r.faceMatches()).extracting(m -> m.face().externalImageId()).containsExactly("obama");
    }

    @Test
    void unseenPhoto_rotatedAndRescaledCopy_isHandledAndMatches(RekognitionClient raw) throws Exception {
        BufferedImage src = ImageIO.read(new ByteArrayInputStream(Fixtures.image("obama.jpg").bytes()));
        double scale = 0.7;
        double angle = Math.toRadians(8);
        int w = (int) (src.getWidth() * scale);
        int h = (int) (src.getHeight() * scale);
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        AffineTransform t = new AffineTransform();
        t.rotate(angle, w / 2.0, h / 2.0);
        t.scale(scale, scale);
        g.drawImage(src, t, null);
        g.dispose();
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(out, "png", png);
        DetectFacesResponse d = raw.detectFaces(b -> b.image(image(png.toByteArray())));
        assertThat(d.faceDetails()).hasSize(1);
        CompareFacesResponse c = raw.compareFaces(b -> b.sourceImage(image(png.toByteArray())).targetImage(image("obama2.jpg")));
        assertThat(c.faceMatches()).hasSize(1);
    }

    @Test
    void detectFaces_exifRotatedPhoto_boxInTheUprightFrame(RekognitionClient raw) {
        DetectFacesResponse rotated = raw.detectFaces(b -> b.image(image("astronaut-exif-rotated.jpg")));
        assertThat(rotated.faceDetails()).hasSize(1);
        var box = rotated.faceDetails().get(0).boundingBox();
        // the catalogue's (independently measured) box for the upright 512x384 frame: left 0.3435, top 0.1273
        assertThat(box.left()).isBetween(0.30f, 0.39f);
        assertThat(box.top()).isBetween(0.08f, 0.18f);
    }

    @Test
    void detectFaces_noFaceImages_noFace(RekognitionClient raw) {
        for (String name : List.of("coffee.png", "chelsea.png", "rocket.jpg")) {
            assertThat(raw.detectFaces(b -> b.image(image(name))).faceDetails()).as(name).isEmpty();
        }
    }
}
