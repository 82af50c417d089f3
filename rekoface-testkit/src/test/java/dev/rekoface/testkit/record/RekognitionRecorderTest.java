package dev.rekoface.testkit.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rekoface.Operation;
import dev.rekoface.testkit.emulator.RekognitionEmulator;
import dev.rekoface.testkit.fixtures.Fixtures;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.rekognition.RekognitionClient;
import software.amazon.awssdk.services.rekognition.model.Image;
import software.amazon.awssdk.services.rekognition.model.RekognitionException;
import software.amazon.awssdk.services.rekognition.model.ResourceNotFoundException;

/** Record against the emulator standing in for the real service, then replay offline. */
class RekognitionRecorderTest {
    private static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    private static final String SESSION = "FwoGZXIvYXdzEXAMPLESESSIONTOKEN";

    static RekognitionClient client(URI endpoint) {
        return RekognitionClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("clientkey", "clientsecret"))).build();
    }

    static Image image(String name) {
        return Image.builder().bytes(SdkBytes.fromByteArray(Fixtures.image(name).bytes())).build();
    }

    static void scenario(RekognitionClient sdk) {
        sdk.createCollection(r -> r.collectionId("rec"));
        sdk.detectFaces(r -> r.image(image("obama.jpg")));
        sdk.createUser(r -> r.collectionId("rec").userId("u1")); // the SDK adds a random ClientRequestToken
        try {
            sdk.describeCollection(r -> r.collectionId("absent"));
        } catch (ResourceNotFoundException expected) {
            // recorded as an error answer
        }
    }

    @Test
    void recordThenReplay_servesRecordedAnswersOfflineAndRedacted(@TempDir Path dir) throws Exception {
        try (RekognitionEmulator real = RekognitionEmulator.builder().accountId("987654321098").logRequests(false).start();
             RekognitionRecorder rec = RekognitionRecorder.builder().directory(dir).mode(RekognitionRecorder.Mode.RECORD)
                 .target(real.endpoint()).credentialsProvider(StaticCredentialsProvider.create(
                     AwsSessionCredentials.create("AKIAIOSFODNN7EXAMPLE", SECRET, SESSION))).start();
             RekognitionClient sdk = client(rec.endpoint())) {
            scenario(sdk);
            assertThat(rec.recordedCount()).isEqualTo(4);
            long seen = real.counters().totalRequests();
            // RECORD mode records only what is missing: a repeat is served from the recordings
            sdk.detectFaces(r -> r.image(image("obama.jpg")));
            assertThat(real.counters().totalRequests()).isEqualTo(seen);
            assertThat(rec.recordedCount()).isEqualTo(4);
            assertThat(real.counters().requests(Operation.CREATE_COLLECTION)).isEqualTo(1);
        }
        List<Path> files;
        try (Stream<Path> s = Files.walk(dir)) {
            files = s.filter(p -> p.toString().endsWith(".json")).toList();
        }
        assertThat(files).hasSize(4);
        String all = String.join("\n", files.stream().map(p -> {
            try {
                return Files.readString(p);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }).toList());
        assertThat(all).contains("\"CollectionArn\" : \"aws:rekognition:us-east-1:123456789012:collection/rec\"");
        assertThat(all).doesNotContain("987654321098").doesNotContain("AKIAIOSFODNN7EXAMPLE").doesNotContain(SECRET)
            .doesNotContain(SESSION).doesNotContain("AWS4-HMAC-SHA256").doesNotContainIgnoringCase("x-amzn-RequestId")
            .doesNotContain("clientsecret");
        // the image is summarised, not stored
        assertThat(all).contains("Image: " + Fixtures.image("obama.jpg").size() + " bytes, sha256 ");
        assertThat(all).doesNotContain(java.util.Base64.getEncoder().encodeToString(Fixtures.image("obama.jpg").bytes()).substring(0, 40));

        // replay, with no real endpoint at all
        try (RekognitionRecorder replay = RekognitionRecorder.builder().directory(dir).start();
             RekognitionClient sdk = client(replay.endpoint())) {
            scenario(sdk);
            assertThat(replay.replayedCount()).isEqualTo(4);
            assertThat(sdk.detectFaces(r -> r.image(image("obama.jpg"))).faceDetails()).hasSize(1);
            assertThatThrownBy(() -> sdk.describeCollection(r -> r.collectionId("absent"))).isInstanceOf(ResourceNotFoundException.class);
            replay.verifyNoMissing();

            // something never recorded fails clearly
            assertThatThrownBy(() -> sdk.detectFaces(r -> r.image(image("biden.jpg"))))
                .isInstanceOf(RekognitionException.class).hasMessageContaining("No recording of DetectFaces");
            assertThat(replay.missing()).hasSize(1);
            assertThatThrownBy(replay::verifyNoMissing).isInstanceOf(AssertionError.class)
                .hasMessageContaining("DetectFaces {Image: " + Fixtures.image("biden.jpg").size() + " bytes")
                .hasMessageContaining("RECORD");
        }
    }

    @Test
    void key_ignoresKeyOrderAndClientRequestToken() {
        String a = RekognitionRecorder.key("RekognitionService.CreateUser",
            "{\"CollectionId\":\"c\",\"UserId\":\"u\",\"ClientRequestToken\":\"t1\"}".getBytes());
        String b = RekognitionRecorder.key("RekognitionService.CreateUser",
            "{\"UserId\":\"u\",\"ClientRequestToken\":\"t2\",\"CollectionId\":\"c\"}".getBytes());
        String c = RekognitionRecorder.key("RekognitionService.CreateUser", "{\"UserId\":\"v\",\"CollectionId\":\"c\"}".getBytes());
        assertThat(a).isEqualTo(b).startsWith("CreateUser/");
        assertThat(c).isNotEqualTo(a);
    }

    @Test
    void redaction_removesAccountIdsKeysAndTokens() {
        String r = Redaction.redact("{\"Arn\":\"arn:aws:iam::210987654321:role/x\",\"AccessKeyId\":\"ASIAABCDEFGHIJKLMNOP\","
            + "\"SessionToken\":\"abc\"}");
        assertThat(r).contains("arn:aws:iam::123456789012:role/x").doesNotContain("210987654321").doesNotContain("ASIAABCDEFGHIJKLMNOP")
            .contains("\"SessionToken\":\"REDACTED\"");
    }
}
