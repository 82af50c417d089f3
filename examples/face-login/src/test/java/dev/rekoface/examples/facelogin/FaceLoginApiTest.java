package dev.rekoface.examples.facelogin;

import static dev.rekoface.examples.facelogin.ApiClient.dataUrl;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rekoface.examples.facelogin.ApiClient.Answer;
import dev.rekoface.model.IndexedFace;
import dev.rekoface.s3.S3ObjectInfo;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every path of the JSON API and every refusal, over HTTP, checking the collection and the bucket each time. */
class FaceLoginApiTest extends FaceLoginTestSupport {
    private static final String ANA = "Ana María <ana.maria@example.com>";

    @Test
    void register_portrait_storesOneFaceAndItsSnapshot() {
        Answer a = api.register(ANA, dataUrl("obama.jpg"));

        assertThat(a.status()).isEqualTo(200);
        assertThat(a.json().path("id").asText()).isEqualTo(ANA);
        String snapshot = a.json().path("snapshot").asText();
        assertThat(snapshot).startsWith("s3://rekoface-snapshots/snapshots/Ana%20Mar%C3%ADa%20%3Cana%2Emaria%40example%2Ecom%3E/")
            .endsWith(".jpg");
        assertThat(faces()).singleElement().satisfies(f -> {
            assertThat(f.faceId()).isEqualTo(a.json().path("faceId").asText());
            assertThat(f.personId()).contains(ANA);
        });
        assertThat(snapshots()).singleElement().satisfies(o -> assertThat(o.uri().toString()).isEqualTo(snapshot));
    }

    @Test
    void login_samePersonOtherPhoto_welcomesWithIdAndSimilarity() {
        api.register(ANA, dataUrl("obama.jpg"));

        Answer a = api.login(dataUrl("obama2.jpg"));

        assertThat(a.status()).isEqualTo(200);
        assertThat(a.json().path("recognized").asBoolean()).isTrue();
        assertThat(a.json().path("id").asText()).isEqualTo(ANA);
        assertThat(a.json().path("similarity").asDouble()).isGreaterThanOrEqualTo(95).isLessThanOrEqualTo(100);
    }

    @Test
    void login_otherPerson_notRecognized() {
        api.register(ANA, dataUrl("obama.jpg"));

        Answer a = api.login(dataUrl("biden.jpg"));

        assertThat(a.status()).isEqualTo(200);
        assertThat(a.json().path("recognized").asBoolean()).isFalse();
        assertThat(a.json().path("id").isNull()).isTrue();
        assertThat(a.json().path("similarity").isNull()).isTrue();
    }

    @Test
    void login_emptyCollection_notRecognized() {
        Answer a = api.login(dataUrl("obama2.jpg"));

        assertThat(a.status()).isEqualTo(200);
        assertThat(a.json().path("recognized").asBoolean()).isFalse();
    }

    @Test
    void login_photoWithoutFace_400NoFace() {
        Answer a = api.login(dataUrl("coffee.png"));

        assertThat(a.status()).isEqualTo(400);
        assertThat(a.code()).isEqualTo("NO_FACE");
        assertThat(a.error()).isEqualTo("no face in the snapshot");
    }

    @Test
    void register_photoWithoutFace_400NoFaceAndNothingStored() {
        Answer a = api.register(ANA, dataUrl("coffee.png"));

        assertThat(a.status()).isEqualTo(400);
        assertThat(a.code()).isEqualTo("NO_FACE");
        assertNothingStored();
    }

    @Test
    void register_notAnImage_400NamingTheBytesAndNothingStored() {
        Answer a = api.register(ANA, dataUrl("image/jpeg", "hello, not a photo".getBytes()));

        assertThat(a.status()).isEqualTo(400);
        assertThat(a.code()).isEqualTo("INVALID_IMAGE");
        assertThat(a.error()).contains("not a JPEG or PNG");
        assertNothingStored();
    }

    @Test
    void register_malformedDataUrl_400AndNothingStored() {
        for (String bad : List.of("data:image/jpeg;base64,!!!not base64", "not a data url", "data:text/plain,hello")) {
            Answer a = api.register(ANA, bad);

            assertThat(a.status()).as(bad).isEqualTo(400);
            assertThat(a.code()).as(bad).isEqualTo("MALFORMED_DATA_URL");
            assertThat(a.error()).as(bad).contains("data URL");
        }
        assertNothingStored();
    }

    @Test
    void register_imageOver5MB_400TooLargeAndNothingStored() {
        byte[] big = new byte[5 * 1024 * 1024 + 1];
        byte[] jpeg = Arrays.copyOf(dev.rekoface.testkit.fixtures.Fixtures.image("obama.jpg").bytes(), big.length);

        Answer a = api.register(ANA, dataUrl("image/jpeg", jpeg));

        assertThat(a.status()).isEqualTo(400);
        assertThat(a.code()).isEqualTo("IMAGE_TOO_LARGE");
        assertThat(a.error()).contains("5242881");
        assertNothingStored();
    }

    @Test
    void register_missingOrBlankId_400MissingIdAndNothingStored() {
        for (String body : List.of(ApiClient.body("image", dataUrl("obama.jpg")),
            ApiClient.body("id", "  ", "image", dataUrl("obama.jpg")), "{}")) {
            Answer a = api.post("/api/register", body);

            assertThat(a.status()).isEqualTo(400);
            assertThat(a.code()).isEqualTo("MISSING_ID");
            assertThat(a.error()).isEqualTo("the id is missing or blank");
        }
        assertNothingStored();
    }

    @Test
    void register_idTooLongForRekognition_400InvalidIdAndNothingStored() {
        Answer a = api.register("é".repeat(100), dataUrl("obama.jpg"));

        assertThat(a.status()).isEqualTo(400);
        assertThat(a.code()).isEqualTo("INVALID_ID");
        assertThat(a.error()).contains("ExternalImageId allows at most 255");
        assertNothingStored();
    }

    @Test
    void register_missingImage_400MissingImage() {
        Answer a = api.post("/api/register", ApiClient.body("id", ANA));

        assertThat(a.status()).isEqualTo(400);
        assertThat(a.code()).isEqualTo("MISSING_IMAGE");
        assertNothingStored();
    }

    @Test
    void register_malformedJson_400AndNothingStored() {
        for (String body : List.of("{\"id\": \"x\", \"image\": ", "[1, 2]", "")) {
            Answer a = api.post("/api/register", body);

            assertThat(a.status()).as(body).isEqualTo(400);
            assertThat(a.json().has("error")).as(body).isTrue();
        }
        assertNothingStored();
    }

    @Test
    void login_bodyOverLimitByContentLength_413BeforeReading() {
        String huge = ApiClient.body("image", "data:image/jpeg;base64," + "A".repeat(8_000_000));

        Answer a = api.post("/api/login", huge);

        assertThat(a.status()).isEqualTo(413);
        assertThat(a.code()).isEqualTo("BODY_TOO_LARGE");
        assertThat(a.error()).contains("over the limit of 7400000 bytes");
    }

    @Test
    void register_chunkedBodyOverLimit_413AndNothingStored() {
        byte[] chunk = "A".repeat(1 << 20).getBytes();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/register"))
            .header("Content-Type", "application/json").timeout(Duration.ofSeconds(60))
            .POST(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofByteArrays(() -> {
                java.util.List<byte[]> parts = new java.util.ArrayList<>();
                parts.add("{\"id\": \"x\", \"image\": \"data:image/jpeg;base64,".getBytes());
                for (int i = 0; i < 9; i++) {
                    parts.add(chunk);
                }
                parts.add("\"}".getBytes());
                return parts.iterator();
            }))).build();

        Answer a = api.send(request);

        assertThat(a.status()).isEqualTo(413);
        assertThat(a.code()).isEqualTo("BODY_TOO_LARGE");
        assertNothingStored();
    }

    @Test
    void forget_personRegisteredTwice_erasesEveryFaceAndSnapshotAndNobodyElse() {
        api.register(ANA, dataUrl("obama.jpg"));
        api.register(ANA, dataUrl("obama2.jpg"));
        String other = "Ana María <ana.maria@example.com>/2";
        api.register(other, dataUrl("biden.jpg"));
        assertThat(faces()).hasSize(3);
        assertThat(snapshots()).hasSize(3);

        Answer a = api.forget(ANA);

        assertThat(a.status()).isEqualTo(200);
        assertThat(a.json().path("id").asText()).isEqualTo(ANA);
        assertThat(a.json().path("facesDeleted").asInt()).isEqualTo(2);
        assertThat(a.json().path("snapshotsDeleted").asInt()).isEqualTo(2);
        assertThat(faces()).extracting(IndexedFace::personId).containsExactly(java.util.Optional.of(other));
        assertThat(snapshots()).extracting(S3ObjectInfo::key).singleElement()
            .satisfies(k -> assertThat(k).startsWith(FaceLoginService.prefix(other)));
        assertThat(api.login(dataUrl("obama2.jpg")).json().path("recognized").asBoolean()).isFalse();
    }

    @Test
    void forget_userVectorToo_deletesIt() {
        Answer registered = api.register(ANA, dataUrl("obama.jpg"));
        reko.collection(properties.getCollection()).createUser(ANA);
        reko.collection(properties.getCollection()).associateFaces(ANA, List.of(registered.json().path("faceId").asText()));

        Answer a = api.forget(ANA);

        assertThat(a.json().path("userDeleted").asBoolean()).isTrue();
        assertThat(reko.collection(properties.getCollection()).users().toList()).isEmpty();
        assertNothingStored();
    }

    @Test
    void forget_unknownPerson_200WithNothingDeleted() {
        Answer a = api.forget("nobody@example.com");

        assertThat(a.status()).isEqualTo(200);
        assertThat(a.json().path("facesDeleted").asInt()).isZero();
        assertThat(a.json().path("snapshotsDeleted").asInt()).isZero();
    }

    @Test
    void forget_missingId_400MissingId() {
        Answer a = api.post("/api/forget", "{}");

        assertThat(a.status()).isEqualTo(400);
        assertThat(a.code()).isEqualTo("MISSING_ID");
    }

    @Test
    void register_snapshotCannotBeStored_faceIsDeletedAgain() {
        s3.s3Client().deleteBucket(b -> b.bucket(properties.getBucket()));

        Answer a = api.register(ANA, dataUrl("obama.jpg"));

        assertThat(a.status()).isGreaterThanOrEqualTo(500);
        assertThat(a.json().has("error")).isTrue();
        assertThat(faces()).as("the indexed face is undone").isEmpty();
    }

    @Test
    void page_root_servesThePageWithItsOutcomeElement() {
        String html = api.get("/");

        assertThat(html).contains("id=\"outcome\"", "id=\"camera\"", "src=\"app.js\"").doesNotContain("https://");
        assertThat(api.get("/app.js")).contains("getUserMedia", "/api/login");
    }

    private void assertNothingStored() {
        assertThat(faces()).as("faces in the collection").isEmpty();
        assertThat(snapshots()).as("objects in the bucket").isEmpty();
    }
}
