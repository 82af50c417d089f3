package dev.rekoface.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import dev.rekoface.InvalidArgumentException;
import dev.rekoface.RekofaceClient;
import dev.rekoface.image.ImageFormat;
import dev.rekoface.image.ImageSource;
import dev.rekoface.image.LocalImage;
import dev.rekoface.model.ImageSize;
import dev.rekoface.s3.lambda.HandlerConfig;
import dev.rekoface.s3.lambda.S3EventHandler;
import dev.rekoface.s3.lambda.S3Events;
import dev.rekoface.testkit.fixtures.Fixtures;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.s3.S3Client;

/** The S3-event pipeline of seed 002, run as a plain function against S3Proxy and the emulator. */
class S3EventHandlerTest {
    @RegisterExtension
    static LocalStack stack = new LocalStack();

    static S3Images s3;
    static RekofaceClient reko;
    static S3Client raw;

    @BeforeAll
    static void setUp() {
        s3 = stack.s3().images();
        reko = stack.rekognition();
        raw = s3.s3Client();
        s3.upload(Fixtures.image("astronaut-exif-rotated.jpg").bytes(), S3Uri.parse("s3://rekoface-samples/uploads/astronaut rotated.jpg"), Map.of());
    }

    @AfterAll
    static void tearDown() {
        reko.close();
        s3.close();
    }

    private static String recordedEvent() throws Exception {
        try (InputStream in = S3EventHandlerTest.class.getResourceAsStream("/events/s3-put.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void handle_recordedUploadEvent_writesTheAnnotatedImageAndSummary() throws Exception {
        S3EventHandler handler = new S3EventHandler(new HandlerConfig("rekoface-samples", "processed/", Optional.empty()), reko, s3);
        S3EventHandler.Report report = handler.handle(S3Events.fromJson(recordedEvent()));

        assertThat(report.records()).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo("processed");
            assertThat(r.source()).isEqualTo("s3://rekoface-samples/uploads/astronaut rotated.jpg");
            assertThat(r.faces()).isEqualTo(1);
            assertThat(r.annotated()).contains("s3://rekoface-samples/processed/uploads/astronaut rotated.jpg");
        });
        byte[] annotated = raw.getObjectAsBytes(b -> b.bucket("rekoface-samples").key("processed/uploads/astronaut rotated.jpg"))
            .asByteArray();
        LocalImage img = ImageSource.fromBytes(annotated);
        assertThat(img.format()).isEqualTo(ImageFormat.JPEG);
        assertThat(img.displayedSize()).as("drawn on the upright image").isEqualTo(new ImageSize(512, 384));
        assertThat(raw.headObject(b -> b.bucket("rekoface-samples").key("processed/uploads/astronaut rotated.jpg")).metadata())
            .containsKey(S3EventHandler.OUTPUT_MARKER);

        JsonNode summary = new ObjectMapper().readTree(raw.getObjectAsBytes(b -> b.bucket("rekoface-samples")
            .key("processed/uploads/astronaut rotated.jpg.json")).asByteArray());
        assertThat(summary.get("faceCount").asInt()).isEqualTo(1);
        JsonNode face = summary.get("faces").get(0);
        assertThat(face.get("dominantEmotion").get("type").asString()).isNotBlank();
        assertThat(face.get("ageRange").get("low").asInt()).isLessThanOrEqualTo(face.get("ageRange").get("high").asInt());
        assertThat(face.get("boundingBox").get("left").asDouble()).isBetween(0.3, 0.4);
    }

    @Test
    void handle_eventForItsOwnOutput_neverLoops() throws Exception {
        S3EventHandler handler = new S3EventHandler(new HandlerConfig("rekoface-samples", "processed/", Optional.empty()), reko, s3);
        handler.handle(S3Events.fromJson(recordedEvent()));
        long before = raw.listObjectsV2(b -> b.bucket("rekoface-samples").prefix("processed/")).keyCount();
        S3EventHandler.Report again = handler.handle(S3Events.objectCreated("rekoface-samples",
            "processed/uploads/astronaut+rotated.jpg", 1000));
        assertThat(again.records()).singleElement().satisfies(r -> assertThat(r.status()).isEqualTo("skipped-own-output"));
        assertThat(raw.listObjectsV2(b -> b.bucket("rekoface-samples").prefix("processed/")).keyCount()).isEqualTo(before);
    }

    @Test
    void handle_withACollection_indexesTheFaces() {
        reko.collection("uploads").createIfAbsent();
        s3.upload(Fixtures.image("obama.jpg").bytes(), S3Uri.parse("s3://rekoface-samples/uploads/barack.jpg"), Map.of());
        S3EventHandler handler = new S3EventHandler(new HandlerConfig("rekoface-samples", "processed/", Optional.of("uploads")), reko, s3);
        S3EventHandler.Report report = handler.handle(S3Events.objectCreated("rekoface-samples", "uploads/barack.jpg", 1));
        assertThat(report.failures()).isZero();
        assertThat(reko.collection("uploads").facesOf("barack")).hasSize(1);
        assertThat(reko.collection("uploads").recognize(ImageSource.fromBytes(Fixtures.image("obama2.jpg").bytes()))
            .flatMap(r -> r.personId())).contains("barack");
    }

    @Test
    void handle_missingObject_failsThatRecordOnly() {
        S3EventHandler handler = new S3EventHandler(new HandlerConfig("rekoface-samples", "processed/", Optional.empty()), reko, s3);
        var event = S3Events.fromJson("{\"Records\":[{\"eventName\":\"ObjectCreated:Put\",\"s3\":{\"bucket\":{\"name\":"
            + "\"rekoface-samples\"},\"object\":{\"key\":\"uploads/ghost.jpg\"}}},{\"eventName\":\"ObjectCreated:Put\",\"s3\":"
            + "{\"bucket\":{\"name\":\"rekoface-samples\"},\"object\":{\"key\":\"uploads/astronaut+rotated.jpg\"}}}]}");
        S3EventHandler.Report report = handler.handle(event);
        assertThat(report.failures()).isEqualTo(1);
        assertThat(report.records().get(0).error()).hasValueSatisfying(e -> assertThat(e).contains("ghost.jpg"));
        assertThat(report.records().get(1).status()).isEqualTo("processed");
    }

    @Test
    void config_withoutProcessedBucket_refused() {
        assertThatThrownBy(() -> HandlerConfig.fromEnvironment(Map.of())).isInstanceOf(InvalidArgumentException.class)
            .hasMessageContaining("PROCESSED_BUCKET");
        assertThatThrownBy(() -> S3Events.fromJson("{\"nope\":1}")).hasMessageContaining("Records");
    }

    @Test
    void fromJson_recordWithAnObjectAsTheKey_refusedAsInvalidArgumentQuotingTheRecord() {
        assertThatThrownBy(() -> S3Events.fromJson("{\"Records\":[{\"s3\":{\"bucket\":{\"name\":\"b\"},"
            + "\"object\":{\"key\":{\"x\":1}}}}]}"))
            .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("wrong type").hasMessageContaining("{\"x\":1}");
    }

    @Test
    void fromJson_cutJson_refusedAsInvalidArgument() {
        assertThatThrownBy(() -> S3Events.fromJson("{\"Records\":[")).isInstanceOf(InvalidArgumentException.class)
            .hasMessageContaining("S3 event is not JSON");
    }
}
