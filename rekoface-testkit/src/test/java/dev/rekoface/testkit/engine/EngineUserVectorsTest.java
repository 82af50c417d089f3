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
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.rekognition.RekognitionClient;
import software.amazon.awssdk.services.rekognition.model.AssociateFacesResponse;
import software.amazon.awssdk.services.rekognition.model.Image;
import software.amazon.awssdk.services.rekognition.model.SearchUsersByImageResponse;
import software.amazon.awssdk.services.rekognition.model.SearchUsersResponse;
import software.amazon.awssdk.services.rekognition.model.UnsuccessfulFaceAssociationReason;
import software.amazon.awssdk.services.rekognition.model.UserMatch;

/**
 * User vectors on the face engine, through the AWS SDK: a user pools its associated faces, so a new photo of the
 * person scores higher against the user than against the best single face, and another person does not rise with it.
 * The people are those of AWS's user-vector notebook: Swami (Swami1, Swami2 and a mirrored, half-size Swami2) and
 * Werner (Werner1-3); the new photo is Swami's face cut from the notebook's werner-and-swami.jpeg, as the notebook
 * searches each face of it (the whole photo's largest face is Werner's near-profile one).
 */
@LocalRekognition(forceEngine = true)
class EngineUserVectorsTest {
    private static final String C = "people";

    private static Image image(String name) {
        return image(Fixtures.image(name).bytes());
    }

    private static Image image(byte[] bytes) {
        return Image.builder().bytes(SdkBytes.fromByteArray(bytes)).build();
    }

    /** A mirrored copy of a fixture photo at half size: the same person, another image. */
    private static byte[] mirroredHalf(String name) {
        try {
            BufferedImage src = ImageIO.read(new ByteArrayInputStream(Fixtures.image(name).bytes()));
            int w = src.getWidth() / 2, h = src.getHeight() / 2;
            BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = out.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(src, w, 0, -w, h, null);
            g.dispose();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            ImageIO.write(out, "jpg", bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Swami's face in werner-and-swami.jpeg (catalogue box 1038,180 122x158) with half its size around it. */
    private static byte[] swamiCrop() {
        try {
            BufferedImage src = ImageIO.read(new ByteArrayInputStream(Fixtures.image("werner-and-swami.jpeg").bytes()));
            BufferedImage out = new BufferedImage(244, 316, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = out.createGraphics();
            g.drawImage(src.getSubimage(977, 100, 244, 316), 0, 0, null);
            g.dispose();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            ImageIO.write(out, "jpg", bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String index(RekognitionClient raw, Image image) {
        List<software.amazon.awssdk.services.rekognition.model.FaceRecord> records =
            raw.indexFaces(b -> b.collectionId(C).image(image).maxFaces(1)).faceRecords();
        assertThat(records).as("one face indexed").hasSize(1);
        return records.get(0).face().faceId();
    }

    private static void user(RekognitionClient raw, String userId, List<String> faceIds) {
        raw.createUser(b -> b.collectionId(C).userId(userId));
        AssociateFacesResponse a = raw.associateFaces(b -> b.collectionId(C).userId(userId).faceIds(faceIds));
        assertThat(a.associatedFaces()).as("faces of " + userId).hasSize(faceIds.size());
    }

    @BeforeEach
    void twoUsers(RekognitionClient raw) {
        raw.createCollection(b -> b.collectionId(C));
        user(raw, "swami", List.of(index(raw, image("Swami1.jpeg")), index(raw, image("Swami2.jpeg")),
            index(raw, image(mirroredHalf("Swami2.jpeg")))));
        user(raw, "werner", List.of(index(raw, image("Werner1.jpeg")), index(raw, image("Werner2.jpeg")),
            index(raw, image("Werner3.jpeg"))));
    }

    /** The best single face's similarity to a photo, over all faces of the collection. */
    private static float bestFace(RekognitionClient raw, Image photo) {
        return raw.searchFacesByImage(b -> b.collectionId(C).image(photo).faceMatchThreshold(0f).maxFaces(100))
            .faceMatches().get(0).similarity();
    }

    /** A user's similarity to a photo, whatever it is (threshold 0). */
    private static float userScore(RekognitionClient raw, Image photo, String userId) {
        return raw.searchUsersByImage(b -> b.collectionId(C).image(photo).userMatchThreshold(0f)).userMatches().stream()
            .filter(m -> m.user().userId().equals(userId)).findFirst().orElseThrow().similarity();
    }

    @Test
    void searchUsersByImage_newPhotoOfUserWithThreeFaces_scoresAboveBestSingleFace(RekognitionClient raw) {
        Image photo = image(swamiCrop());
        float face = bestFace(raw, photo);
        SearchUsersByImageResponse r = raw.searchUsersByImage(b -> b.collectionId(C).image(photo));
        assertThat(r.userMatches()).extracting(m -> m.user().userId()).containsExactly("swami");
        assertThat(r.userMatches().get(0).similarity()).isGreaterThan(face);
        // a search above the best face's similarity still finds him
        assertThat(raw.searchUsersByImage(b -> b.collectionId(C).image(photo).userMatchThreshold(face + 0.5f)).userMatches())
            .extracting(m -> m.user().userId()).containsExactly("swami");
    }

    @Test
    void searchUsersByImage_anotherPerson_noMatchAtDefaultAndNoRiseOverBestFace(RekognitionClient raw) {
        for (String other : List.of("obama.jpg", "biden.jpg", "family-1128316.jpg")) {
            Image photo = image(other);
            assertThat(raw.searchUsersByImage(b -> b.collectionId(C).image(photo)).userMatches()).as(other).isEmpty();
            float face = bestFace(raw, photo);
            // under 80 with every face, it falls below the best of them (the best face is one of these users')
            assertThat(userScore(raw, photo, "swami")).as(other).isLessThan(face);
            assertThat(userScore(raw, photo, "werner")).as(other).isLessThan(face);
        }
        // Swami is another person for Werner's user, and the other way round
        Image swami = image(swamiCrop());
        assertThat(userScore(raw, swami, "werner")).isLessThan(80f);
    }

    @Test
    void searchUsers_byFaceIdOfNewPhoto_scoresAboveBestSingleFaceAndAnotherPersonDoesNotMatch(RekognitionClient raw) {
        String probe = index(raw, image("werner-and-swami.jpeg"));
        float face = raw.searchFaces(b -> b.collectionId(C).faceId(probe).faceMatchThreshold(0f)).faceMatches().get(0).similarity();
        SearchUsersResponse r = raw.searchUsers(b -> b.collectionId(C).faceId(probe));
        assertThat(r.userMatches()).extracting(m -> m.user().userId()).containsExactly("swami");
        assertThat(r.userMatches().get(0).similarity()).isGreaterThan(face);

        String obama = index(raw, image("obama.jpg"));
        assertThat(raw.searchUsers(b -> b.collectionId(C).faceId(obama)).userMatches()).isEmpty();
        List<UserMatch> all = raw.searchUsers(b -> b.collectionId(C).faceId(obama).userMatchThreshold(0f)).userMatches();
        float obamaBest = raw.searchFaces(b -> b.collectionId(C).faceId(obama).faceMatchThreshold(0f)).faceMatches().get(0).similarity();
        assertThat(all).hasSize(2).allSatisfy(m -> assertThat(m.similarity()).isLessThan(obamaBest));
    }

    @Test
    void associateFaces_userMatchThreshold_isOnTheUserScale(RekognitionClient raw) {
        String probe = index(raw, image("werner-and-swami.jpeg"));
        float face = raw.searchFaces(b -> b.collectionId(C).faceId(probe).faceMatchThreshold(0f)).faceMatches().get(0).similarity();
        assertThat(face).as("the best single face is under 98").isLessThan(98f);
        AssociateFacesResponse a = raw.associateFaces(b -> b.collectionId(C).userId("swami").faceIds(probe).userMatchThreshold(98f));
        assertThat(a.associatedFaces()).extracting(f -> f.faceId()).containsExactly(probe);

        String obama = index(raw, image("obama.jpg"));
        AssociateFacesResponse refused = raw.associateFaces(b -> b.collectionId(C).userId("werner").faceIds(obama));
        assertThat(refused.associatedFaces()).isEmpty();
        assertThat(refused.unsuccessfulFaceAssociations()).singleElement().satisfies(u -> {
            assertThat(u.reasons()).containsExactly(UnsuccessfulFaceAssociationReason.LOW_MATCH_CONFIDENCE);
            assertThat(u.confidence()).isLessThan(75f);
        });
    }
}
