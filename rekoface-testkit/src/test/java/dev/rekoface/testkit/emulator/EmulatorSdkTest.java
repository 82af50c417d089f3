package dev.rekoface.testkit.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rekoface.RekofaceAsyncClient;
import dev.rekoface.RekofaceClient;
import dev.rekoface.image.ImageSource;
import dev.rekoface.model.FaceAttributes;
import dev.rekoface.model.FaceComparison;
import dev.rekoface.model.FaceDetails;
import dev.rekoface.testkit.fixtures.Fixtures;
import dev.rekoface.testkit.junit.LocalRekognition;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.rekognition.RekognitionClient;
import software.amazon.awssdk.services.rekognition.model.Attribute;
import software.amazon.awssdk.services.rekognition.model.CompareFacesResponse;
import software.amazon.awssdk.services.rekognition.model.CreateCollectionResponse;
import software.amazon.awssdk.services.rekognition.model.DescribeCollectionResponse;
import software.amazon.awssdk.services.rekognition.model.DetectFacesResponse;
import software.amazon.awssdk.services.rekognition.model.FaceDetail;
import software.amazon.awssdk.services.rekognition.model.Image;
import software.amazon.awssdk.services.rekognition.model.IndexFacesResponse;
import software.amazon.awssdk.services.rekognition.model.InvalidImageFormatException;
import software.amazon.awssdk.services.rekognition.model.InvalidParameterException;
import software.amazon.awssdk.services.rekognition.model.ListFacesResponse;
import software.amazon.awssdk.services.rekognition.model.ResourceAlreadyExistsException;
import software.amazon.awssdk.services.rekognition.model.ResourceNotFoundException;
import software.amazon.awssdk.services.rekognition.model.SearchFacesByImageResponse;
import software.amazon.awssdk.services.rekognition.model.SearchFacesResponse;
import software.amazon.awssdk.services.rekognition.model.SearchUsersByImageResponse;
import software.amazon.awssdk.services.rekognition.model.SearchUsersResponse;
import software.amazon.awssdk.services.rekognition.model.AssociateFacesResponse;
import software.amazon.awssdk.services.rekognition.model.UnsuccessfulFaceAssociationReason;

/** The emulator through the SDK v2 raw client and through rekoface's clients, on the fixture pack's images. */
@LocalRekognition
class EmulatorSdkTest {

    static Image image(String name) {
        return Image.builder().bytes(SdkBytes.fromByteArray(Fixtures.image(name).bytes())).build();
    }

    static ImageSource source(String name) {
        return ImageSource.fromBytes(Fixtures.image(name).bytes());
    }

    @Test
    void detectFaces_catalogueImages_returnCatalogueFaceCounts(RekognitionClient sdk) {
        assertThat(sdk.detectFaces(r -> r.image(image("his-girl-friday-1940.jpg"))).faceDetails()).hasSize(3);
        assertThat(sdk.detectFaces(r -> r.image(image("chelsea.png"))).faceDetails()).isEmpty();
        assertThat(sdk.detectFaces(r -> r.image(image("coffee.png"))).faceDetails()).isEmpty();
        assertThat(sdk.detectFaces(r -> r.image(image("two_people.jpg"))).faceDetails()).hasSize(2);
    }

    @Test
    void detectFaces_defaultAttributes_returnOnlyTheDefaultSetWithFiveLandmarks(RekognitionClient sdk) {
        FaceDetail f = sdk.detectFaces(r -> r.image(image("obama.jpg"))).faceDetails().get(0);
        assertThat(f.boundingBox()).isNotNull();
        assertThat(f.confidence()).isGreaterThan(99f);
        assertThat(f.landmarks()).hasSize(5);
        assertThat(f.pose()).isNotNull();
        assertThat(f.quality()).isNotNull();
        assertThat(f.ageRange()).isNull();
        assertThat(f.hasEmotions()).isFalse();
        assertThat(f.smile()).isNull();
        assertThat(f.eyeDirection()).isNull();
    }

    @Test
    void detectFaces_allAttributes_returnEverythingWithCatalogueTruth(RekognitionClient sdk) {
        DetectFacesResponse resp = sdk.detectFaces(r -> r.image(image("obama.jpg")).attributes(Attribute.ALL));
        FaceDetail f = resp.faceDetails().get(0);
        assertThat(f.landmarks()).hasSize(30);
        assertThat(f.landmarks().stream().map(l -> l.typeAsString()).collect(Collectors.toSet())).hasSize(30);
        assertThat(f.emotions()).hasSize(8);
        assertThat(f.gender().valueAsString()).isEqualTo("Male");
        assertThat(f.ageRange()).isNotNull();
        assertThat(f.eyeDirection()).isNotNull();
        assertThat(f.faceOccluded()).isNotNull();
        assertThat(f.smile()).isNotNull();
        assertThat(f.boundingBox().width()).isCloseTo(catalogueWidth("obama.jpg"), org.assertj.core.data.Offset.offset(1e-4f));
    }

    @Test
    void detectFaces_singleAttribute_addsOnlyThatAttribute(RekognitionClient sdk) {
        FaceDetail f = sdk.detectFaces(r -> r.image(image("obama.jpg")).attributesWithStrings("AGE_RANGE")).faceDetails().get(0);
        assertThat(f.ageRange()).isNotNull();
        assertThat(f.landmarks()).hasSize(5);
        assertThat(f.hasEmotions()).isFalse();
        assertThat(f.gender()).isNull();
    }

    private static float catalogueWidth(String file) {
        tools.jackson.databind.JsonNode root = new tools.jackson.databind.ObjectMapper().readTree(Fixtures.catalogueJson());
        for (tools.jackson.databind.JsonNode i : root.get("images")) {
            if (i.get("file").asString().equals(file)) {
                return (float) i.get("faces").get(0).get("boundingBox").get("width").asDouble();
            }
        }
        throw new AssertionError(file);
    }

    @Test
    void compareFaces_samePerson_matchesAboveNinety(RekognitionClient sdk) {
        CompareFacesResponse r = sdk.compareFaces(b -> b.sourceImage(image("obama.jpg")).targetImage(image("obama2.jpg")));
        assertThat(r.faceMatches()).hasSize(1);
        assertThat(r.faceMatches().get(0).similarity()).isGreaterThanOrEqualTo(90f);
        assertThat(r.unmatchedFaces()).isEmpty();
        assertThat(r.sourceImageFace().boundingBox()).isNotNull();
    }

    @Test
    void compareFaces_differentPeople_doNotMatch(RekognitionClient sdk) {
        CompareFacesResponse r = sdk.compareFaces(b -> b.sourceImage(image("obama.jpg")).targetImage(image("biden.jpg")));
        assertThat(r.faceMatches()).isEmpty();
        assertThat(r.unmatchedFaces()).hasSize(1);
        CompareFacesResponse low = sdk.compareFaces(b -> b.sourceImage(image("obama.jpg")).targetImage(image("biden.jpg"))
            .similarityThreshold(0f));
        assertThat(low.faceMatches()).hasSize(1);
        assertThat(low.faceMatches().get(0).similarity()).isLessThan(30f);
    }

    @Test
    void compareFaces_obamaAgainstTwoPeople_oneMatchOneUnmatched(RekognitionClient sdk) {
        CompareFacesResponse r = sdk.compareFaces(b -> b.sourceImage(image("obama.jpg")).targetImage(image("two_people.jpg")));
        assertThat(r.faceMatches()).hasSize(1);
        assertThat(r.unmatchedFaces()).hasSize(1);
    }

    @Test
    void compareFaces_sourceWithoutFace_isInvalidParameterWithTheServiceMessage(RekognitionClient sdk) {
        assertThatThrownBy(() -> sdk.compareFaces(b -> b.sourceImage(image("coffee.png")).targetImage(image("obama.jpg"))))
            .isInstanceOf(InvalidParameterException.class)
            .hasMessageContaining("There are no faces in the image. Should be at least 1.");
    }

    @Test
    void compareFaces_rekofaceSourceWithoutFace_givesEmptyComparison(RekofaceClient reko) {
        FaceComparison cmp = reko.compareFaces(source("coffee.png"), source("obama.jpg"));
        assertThat(cmp.sourceFace()).isEmpty();
        assertThat(cmp.matches()).isEmpty();
    }

    @Test
    void compareFaces_rekofaceAsyncSourceWithoutFace_givesEmptyComparison(RekofaceAsyncClient reko) {
        FaceComparison cmp = reko.compareFaces(source("coffee.png"), source("obama.jpg")).join();
        assertThat(cmp.sourceFace()).isEmpty();
        assertThat(cmp.matches()).isEmpty();
    }

    @Test
    void detectFaces_rekofaceAsync_returnsCatalogueFaces(RekofaceAsyncClient reko) {
        assertThat(reko.detectFaces(source("his-girl-friday-1940.jpg")).join()).hasSize(3);
        assertThat(reko.detectFaces(source("coffee.png")).join()).isEmpty();
    }

    @Test
    void compareFaces_rekofaceAsync_matchesSamePerson(RekofaceAsyncClient reko) {
        FaceComparison cmp = reko.compareFaces(source("obama.jpg"), source("obama2.jpg")).join();
        assertThat(cmp.matches()).hasSize(1);
    }

    @Test
    void detectFaces_rekofaceClient_returnsCatalogueFaces(RekofaceClient reko) {
        List<FaceDetails> faces = reko.detectFaces(source("his-girl-friday-1940.jpg"), FaceAttributes.ALL);
        assertThat(faces).hasSize(3);
        assertThat(faces.get(0).dominantEmotion()).isPresent();
        assertThat(reko.detectFaces(source("chelsea.png"))).isEmpty();
    }

    @Test
    void detectFaces_gif_isInvalidImageFormat(RekognitionClient sdk) {
        byte[] gif = "GIF89a\u0001\u0000\u0001\u0000\u0000\u0000\u0000;".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> sdk.detectFaces(r -> r.image(Image.builder().bytes(SdkBytes.fromByteArray(gif)).build())))
            .isInstanceOf(InvalidImageFormatException.class);
    }

    @Test
    void collections_lifecycle_behavesLikeTheService(RekognitionClient sdk) {
        CreateCollectionResponse created = sdk.createCollection(r -> r.collectionId("people"));
        assertThat(created.statusCode()).isEqualTo(200);
        assertThat(created.collectionArn()).isEqualTo("aws:rekognition:us-east-1:000000000000:collection/people");
        assertThat(created.faceModelVersion()).isEqualTo("7.0");
        assertThatThrownBy(() -> sdk.createCollection(r -> r.collectionId("people"))).isInstanceOf(ResourceAlreadyExistsException.class);
        DescribeCollectionResponse d = sdk.describeCollection(r -> r.collectionId("people"));
        assertThat(d.faceCount()).isZero();
        assertThat(d.userCount()).isZero();
        assertThat(d.collectionARN()).isEqualTo("arn:aws:rekognition:us-east-1:000000000000:collection/people");
        assertThat(d.creationTimestamp()).isBetween(java.time.Instant.now().minusSeconds(60), java.time.Instant.now().plusSeconds(1));
        assertThat(sdk.listCollections().collectionIds()).containsExactly("people");
        sdk.deleteCollection(r -> r.collectionId("people"));
        assertThatThrownBy(() -> sdk.describeCollection(r -> r.collectionId("people"))).isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void listCollections_paging_followsNextTokenAcrossPages(RekognitionClient sdk) {
        for (int i = 0; i < 7; i++) {
            int n = i;
            sdk.createCollection(r -> r.collectionId("c" + n));
        }
        List<String> all = new ArrayList<>();
        sdk.listCollectionsPaginator(r -> r.maxResults(3)).forEach(p -> {
            assertThat(p.collectionIds().size()).isLessThanOrEqualTo(3);
            all.addAll(p.collectionIds());
        });
        assertThat(all).containsExactly("c0", "c1", "c2", "c3", "c4", "c5", "c6");
    }

    @Test
    void indexAndSearch_sameIdentity_foundAndOthersNot(RekognitionClient sdk) {
        sdk.createCollection(r -> r.collectionId("faces"));
        IndexFacesResponse idx = sdk.indexFaces(r -> r.collectionId("faces").image(image("two_people.jpg")).externalImageId("two_people.jpg"));
        assertThat(idx.faceRecords()).hasSize(2);
        assertThat(idx.faceRecords().get(0).face().imageId()).isEqualTo(idx.faceRecords().get(1).face().imageId());
        assertThat(idx.faceModelVersion()).isEqualTo("7.0");
        sdk.indexFaces(r -> r.collectionId("faces").image(image("werner-and-swami.jpeg")));
        assertThat(sdk.describeCollection(r -> r.collectionId("faces")).faceCount()).isEqualTo(4);

        SearchFacesByImageResponse s = sdk.searchFacesByImage(r -> r.collectionId("faces").image(image("obama2.jpg")));
        assertThat(s.faceMatches()).hasSize(1);
        assertThat(s.faceMatches().get(0).face().externalImageId()).isEqualTo("two_people.jpg");
        assertThat(s.faceMatches().get(0).similarity()).isGreaterThanOrEqualTo(90f);

        String obamaId = s.faceMatches().get(0).face().faceId();
        SearchFacesResponse byId = sdk.searchFaces(r -> r.collectionId("faces").faceId(obamaId));
        assertThat(byId.searchedFaceId()).isEqualTo(obamaId);
        assertThat(byId.faceMatches()).isEmpty();

        assertThatThrownBy(() -> sdk.searchFacesByImage(r -> r.collectionId("faces").image(image("coffee.png"))))
            .isInstanceOf(InvalidParameterException.class).hasMessageContaining("There are no faces in the image");
    }

    @Test
    void indexFaces_maxFaces_reportsTheRestAsExceedsMaxFaces(RekognitionClient sdk) {
        sdk.createCollection(r -> r.collectionId("family"));
        IndexFacesResponse idx = sdk.indexFaces(r -> r.collectionId("family").image(image("family-1128316.jpg")).maxFaces(1));
        assertThat(idx.faceRecords()).hasSize(1);
        assertThat(idx.unindexedFaces()).hasSize(2);
        assertThat(idx.unindexedFaces().get(0).reasonsAsStrings()).containsExactly("EXCEEDS_MAX_FACES");
    }

    @Test
    void indexFaces_qualityFilter_dropsFacesWithTheServiceReasons(RekognitionClient sdk) {
        sdk.createCollection(r -> r.collectionId("quality"));
        // family-1128316.jpg: three faces 45-47 px wide, two of them turned more than 60 degrees
        IndexFacesResponse high = sdk.indexFaces(r -> r.collectionId("quality").image(image("family-1128316.jpg")).qualityFilter("HIGH"));
        assertThat(high.faceRecords()).isEmpty();
        assertThat(high.unindexedFaces()).hasSize(3).allSatisfy(u -> assertThat(u.reasonsAsStrings()).containsExactly("SMALL_BOUNDING_BOX"));
        IndexFacesResponse medium = sdk.indexFaces(r -> r.collectionId("quality").image(image("family-1128316.jpg")).qualityFilter("MEDIUM"));
        assertThat(medium.faceRecords()).hasSize(1);
        assertThat(medium.unindexedFaces()).hasSize(2).allSatisfy(u -> assertThat(u.reasonsAsStrings()).containsExactly("EXTREME_POSE"));
        IndexFacesResponse none = sdk.indexFaces(r -> r.collectionId("quality").image(image("family-1128316.jpg")).qualityFilter("NONE")
            .maxFaces(500));
        assertThat(none.faceRecords()).hasSize(3);
        assertThat(sdk.describeCollection(r -> r.collectionId("quality")).faceCount()).isEqualTo(4);

        CompareFacesResponse cmp = sdk.compareFaces(r -> r.sourceImage(image("family-1128317.jpg")).targetImage(image("family-1128316.jpg"))
            .qualityFilter("HIGH"));
        assertThat(cmp.faceMatches()).isEmpty();
        assertThat(cmp.unmatchedFaces()).isEmpty();
    }

    @Test
    void listFaces_paging_returnsEveryFaceOnce(RekognitionClient sdk) {
        sdk.createCollection(r -> r.collectionId("many"));
        for (String img : List.of("family-1128316.jpg", "family-1128317.jpg", "family-1128318.jpg", "two_people.jpg")) {
            sdk.indexFaces(r -> r.collectionId("many").image(image(img)));
        }
        List<String> ids = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            String t = token;
            ListFacesResponse p = sdk.listFaces(r -> r.collectionId("many").maxResults(4).nextToken(t));
            assertThat(p.faces().size()).isLessThanOrEqualTo(4);
            p.faces().forEach(f -> ids.add(f.faceId()));
            token = p.nextToken();
            pages++;
        } while (token != null);
        assertThat(ids).hasSize(11).doesNotHaveDuplicates();
        assertThat(pages).isEqualTo(3);
    }

    @Test
    void users_associateAndSearch_followTheIdentities(RekognitionClient sdk) {
        sdk.createCollection(r -> r.collectionId("users"));
        String o1 = sdk.indexFaces(r -> r.collectionId("users").image(image("obama.jpg"))).faceRecords().get(0).face().faceId();
        String o2 = sdk.indexFaces(r -> r.collectionId("users").image(image("obama2.jpg"))).faceRecords().get(0).face().faceId();
        String b = sdk.indexFaces(r -> r.collectionId("users").image(image("biden.jpg"))).faceRecords().get(0).face().faceId();
        sdk.createUser(r -> r.collectionId("users").userId("barack"));
        assertThat(sdk.listUsers(r -> r.collectionId("users")).users().get(0).userStatusAsString()).isEqualTo("CREATED");
        AssociateFacesResponse a = sdk.associateFaces(r -> r.collectionId("users").userId("barack").faceIds(o1, o2, b));
        assertThat(a.associatedFaces()).extracting(f -> f.faceId()).containsExactly(o1, o2);
        assertThat(a.unsuccessfulFaceAssociations()).hasSize(1);
        assertThat(a.unsuccessfulFaceAssociations().get(0).reasons()).containsExactly(UnsuccessfulFaceAssociationReason.LOW_MATCH_CONFIDENCE);
        assertThat(sdk.listUsers(r -> r.collectionId("users")).users().get(0).userStatusAsString()).isEqualTo("ACTIVE");
        assertThat(sdk.listFaces(r -> r.collectionId("users").userId("barack")).faces()).hasSize(2);

        SearchUsersByImageResponse byImage = sdk.searchUsersByImage(r -> r.collectionId("users").image(image("obama2.jpg")));
        assertThat(byImage.userMatches()).hasSize(1);
        assertThat(byImage.userMatches().get(0).user().userId()).isEqualTo("barack");
        assertThat(byImage.userMatches().get(0).similarity()).isGreaterThanOrEqualTo(90f);
        // two_people.jpg: Biden's face is the largest, so it is the one searched; Obama's is left unsearched
        SearchUsersByImageResponse two = sdk.searchUsersByImage(r -> r.collectionId("users").image(image("two_people.jpg")));
        assertThat(two.userMatches()).isEmpty();
        assertThat(two.unsearchedFaces()).hasSize(1);
        assertThat(two.unsearchedFaces().get(0).reasonsAsStrings()).containsExactly("FACE_NOT_LARGEST");

        SearchUsersByImageResponse none = sdk.searchUsersByImage(r -> r.collectionId("users").image(image("coffee.png")));
        assertThat(none.userMatches()).isEmpty();

        SearchUsersResponse byFace = sdk.searchUsers(r -> r.collectionId("users").faceId(b));
        assertThat(byFace.userMatches()).isEmpty();

        assertThat(sdk.deleteFaces(r -> r.collectionId("users").faceIds(o1)).unsuccessfulFaceDeletions().get(0).reasonsAsStrings())
            .containsExactly("ASSOCIATED_TO_AN_EXISTING_USER");
        sdk.disassociateFaces(r -> r.collectionId("users").userId("barack").faceIds(o1));
        assertThat(sdk.deleteFaces(r -> r.collectionId("users").faceIds(o1)).deletedFaces()).containsExactly(o1);
        sdk.deleteUser(r -> r.collectionId("users").userId("barack"));
        assertThat(sdk.listUsers(r -> r.collectionId("users")).users()).isEmpty();
    }

    @Test
    void associateFaces_over100FacesPerUser_isServiceQuotaExceeded(RekognitionClient sdk) {
        sdk.createCollection(r -> r.collectionId("quota"));
        sdk.createUser(r -> r.collectionId("quota").userId("busy"));
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            ids.add(sdk.indexFaces(r -> r.collectionId("quota").image(image("obama2.jpg"))).faceRecords().get(0).face().faceId());
        }
        assertThat(sdk.associateFaces(r -> r.collectionId("quota").userId("busy").faceIds(ids.subList(0, 100))).associatedFaces()).hasSize(100);
        assertThatThrownBy(() -> sdk.associateFaces(r -> r.collectionId("quota").userId("busy").faceIds(ids.get(100))))
            .isInstanceOf(software.amazon.awssdk.services.rekognition.model.ServiceQuotaExceededException.class);
        assertThat(sdk.listFaces(r -> r.collectionId("quota").userId("busy")).faces()).hasSize(100);
    }

    @Test
    void associateFaces_sameToken_replaysTheFirstAnswerWithoutApplyingAgain(RekognitionClient sdk) {
        sdk.createCollection(r -> r.collectionId("idem2"));
        sdk.createUser(r -> r.collectionId("idem2").userId("u"));
        String f = sdk.indexFaces(r -> r.collectionId("idem2").image(image("obama.jpg"))).faceRecords().get(0).face().faceId();
        AssociateFacesResponse first = sdk.associateFaces(r -> r.collectionId("idem2").userId("u").faceIds(f).clientRequestToken("t"));
        sdk.disassociateFaces(r -> r.collectionId("idem2").userId("u").faceIds(f));
        // a retry with the same token (e.g. after a lost answer) gets the first answer and changes nothing
        AssociateFacesResponse again = sdk.associateFaces(r -> r.collectionId("idem2").userId("u").faceIds(f).clientRequestToken("t"));
        assertThat(again.associatedFaces()).isEqualTo(first.associatedFaces());
        assertThat(again.userStatusAsString()).isEqualTo("UPDATING");
        assertThat(sdk.listFaces(r -> r.collectionId("idem2").userId("u")).faces()).isEmpty();
        // a new token applies it again
        sdk.associateFaces(r -> r.collectionId("idem2").userId("u").faceIds(f).clientRequestToken("t2"));
        assertThat(sdk.listFaces(r -> r.collectionId("idem2").userId("u")).faces()).hasSize(1);
    }

    @Test
    void createUser_sameClientRequestToken_isIdempotentAndMismatchFails(RekognitionClient sdk) {
        sdk.createCollection(r -> r.collectionId("idem"));
        sdk.createUser(r -> r.collectionId("idem").userId("u1").clientRequestToken("tok-1"));
        sdk.createUser(r -> r.collectionId("idem").userId("u1").clientRequestToken("tok-1"));
        assertThat(sdk.listUsers(r -> r.collectionId("idem")).users()).hasSize(1);
        assertThatThrownBy(() -> sdk.createUser(r -> r.collectionId("idem").userId("u2").clientRequestToken("tok-1")))
            .isInstanceOf(software.amazon.awssdk.services.rekognition.model.IdempotentParameterMismatchException.class);
        assertThatThrownBy(() -> sdk.createUser(r -> r.collectionId("idem").userId("u1").clientRequestToken("tok-2")))
            .isInstanceOf(software.amazon.awssdk.services.rekognition.model.ConflictException.class);
    }

    @Test
    void unknownImage_getsOneSimulatedFaceDeterministically(RekognitionClient sdk) throws Exception {
        java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(200, 160, java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(img, "png", out);
        Image i = Image.builder().bytes(SdkBytes.fromByteArray(out.toByteArray())).build();
        List<FaceDetail> a = sdk.detectFaces(r -> r.image(i)).faceDetails();
        List<FaceDetail> b = sdk.detectFaces(r -> r.image(i)).faceDetails();
        assertThat(a).hasSize(1);
        assertThat(a).isEqualTo(b);
        assertThat(sdk.compareFaces(r -> r.sourceImage(i).targetImage(i)).faceMatches()).hasSize(1);
        assertThat(sdk.compareFaces(r -> r.sourceImage(i).targetImage(image("obama.jpg"))).faceMatches()).isEmpty();
    }

    @Test
    void detectLabels_imageWithFaces_returnsPersonWithInstances(RekognitionClient sdk) {
        var labels = sdk.detectLabels(r -> r.image(image("two_people.jpg"))).labels();
        assertThat(labels.get(0).name()).isEqualTo("Person");
        assertThat(labels.get(0).instances()).hasSize(2);
    }
}
