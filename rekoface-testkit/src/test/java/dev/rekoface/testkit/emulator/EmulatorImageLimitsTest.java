package dev.rekoface.testkit.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rekoface.Operation;
import dev.rekoface.testkit.faces.EmulatorImage;
import dev.rekoface.testkit.faces.FaceSource;
import dev.rekoface.testkit.faces.SourceFace;
import dev.rekoface.testkit.fixtures.Fixtures;
import dev.rekoface.testkit.fixtures.HostileImages;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.rekognition.RekognitionClient;
import software.amazon.awssdk.services.rekognition.model.Image;
import software.amazon.awssdk.services.rekognition.model.ImageTooLargeException;
import software.amazon.awssdk.services.rekognition.model.InvalidImageFormatException;
import software.amazon.awssdk.services.rekognition.model.RekognitionException;

/**
 * Images the service cannot read, and images too large to decode, through the AWS SDK: a clean 400 with the
 * service's error (which the SDK does not retry), never a 500, a hang or an exhausted heap.
 */
class EmulatorImageLimitsTest {
    private static RekognitionEmulator emu;
    private static RekognitionClient sdk;

    /** The undecodable PNGs of the issue: each has a header that passes a structural check. */
    private static final Map<String, byte[]> UNDECODABLE = Map.of(
        "IEND right after IHDR", HostileImages.pngEndingAfterHeader(400, 300),
        "a tiny file declaring 20000x20000", HostileImages.pngWithTinyData(20000, 20000),
        "an IDAT that is not zlib", HostileImages.pngWithNonZlibData(400, 300),
        "65535x65535 with a tiny IDAT", HostileImages.pngWithTinyData(65535, 65535),
        "an IDAT that fails to inflate", HostileImages.pngWithCorruptData(400, 300));

    @BeforeAll
    static void start() {
        emu = RekognitionEmulator.builder().faceEngine(true).logRequests(false).start();
        sdk = client(emu.endpoint(), Duration.ofSeconds(60));
        sdk.createCollection(r -> r.collectionId("limits"));
    }

    @AfterAll
    static void stop() {
        sdk.close();
        emu.close();
    }

    static RekognitionClient client(URI endpoint, Duration timeout) {
        return RekognitionClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
            .overrideConfiguration(c -> c.apiCallTimeout(timeout)).build();
    }

    static Image image(byte[] bytes) {
        return Image.builder().bytes(SdkBytes.fromByteArray(bytes)).build();
    }

    /** Each image operation, called with one image. */
    private static Map<Operation, Consumer<Image>> operations() {
        Image obama = image(Fixtures.image("obama.jpg").bytes());
        return Map.of(
            Operation.DETECT_FACES, img -> sdk.detectFaces(r -> r.image(img)),
            Operation.INDEX_FACES, img -> sdk.indexFaces(r -> r.collectionId("limits").image(img)),
            Operation.SEARCH_FACES_BY_IMAGE, img -> sdk.searchFacesByImage(r -> r.collectionId("limits").image(img)),
            Operation.COMPARE_FACES, img -> sdk.compareFaces(r -> r.sourceImage(obama).targetImage(img)));
    }

    @Test
    void imageOperations_undecodablePng_answerInvalidImageFormat400_withoutRetries() {
        for (Map.Entry<Operation, Consumer<Image>> op : operations().entrySet()) {
            for (Map.Entry<String, byte[]> png : UNDECODABLE.entrySet()) {
                long before = emu.counters().requests(op.getKey());
                assertThatThrownBy(() -> op.getValue().accept(image(png.getValue()))).as(op.getKey() + " with " + png.getKey())
                    .isInstanceOfSatisfying(InvalidImageFormatException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(400);
                        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Request has invalid image format");
                    });
                assertThat(emu.counters().requests(op.getKey()) - before).as("attempts for " + png.getKey()).isEqualTo(1);
            }
        }
    }

    @Test
    void compareFaces_undecodableSourceImage_answersInvalidImageFormat() {
        Image obama = image(Fixtures.image("obama.jpg").bytes());
        assertThatThrownBy(() -> sdk.compareFaces(r -> r.sourceImage(image(HostileImages.pngWithNonZlibData(400, 300)))
            .targetImage(obama))).isInstanceOf(InvalidImageFormatException.class);
    }

    @Test
    void imageOperations_20000SquarePng_answerImageTooLargeBeforeDecoding() {
        byte[] bomb = HostileImages.blackPng(20000, 20000);
        for (Map.Entry<Operation, Consumer<Image>> op : operations().entrySet()) {
            assertThatThrownBy(() -> op.getValue().accept(image(bomb))).as(op.getKey().wireName())
                .isInstanceOfSatisfying(ImageTooLargeException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorMessage())
                        .isEqualTo("Input image dimensions 20000 x 20000 exceed maximum dimension size of 10000 pixels");
                });
        }
    }

    @Test
    void detectFaces_jpegTheEngineCannotDecode_answersInvalidImageFormat() {
        // a JPEG with a frame, a scan header and an end marker but no tables or data: it passes the structural
        // rules, and the face engine's decoder fails on it
        byte[] frameOnly = HostileImages.jpegFrameOnly(400, 300);
        assertThatThrownBy(() -> sdk.detectFaces(r -> r.image(image(frameOnly))))
            .isInstanceOfSatisfying(InvalidImageFormatException.class, e -> assertThat(e.statusCode()).isEqualTo(400));
    }

    @Test
    void detectFaces_errorOnTheHandlerThread_isAnswered500AndLoggedOnce() {
        FaceSource failing = new FaceSource() {
            @Override
            public String name() {
                return "failing";
            }

            @Override
            public List<SourceFace> detect(EmulatorImage image, String sha256) {
                throw new OutOfMemoryError("injected by the test");
            }
        };
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        PrintStream err = System.err;
        try (RekognitionEmulator failingEmu = RekognitionEmulator.builder().addFaceSource(failing)
                 .logRequests(false).start();
             RekognitionClient once = RekognitionClient.builder().endpointOverride(failingEmu.endpoint()).region(Region.US_EAST_1)
                 .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                 .overrideConfiguration(c -> c.apiCallTimeout(Duration.ofSeconds(30)).retryStrategy(AwsRetryStrategy.doNotRetry()))
                 .build()) {
            System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
            try {
                assertThatThrownBy(() -> once.detectFaces(r -> r.image(image(HostileImages.blackPng(200, 200)))))
                    .isInstanceOfSatisfying(RekognitionException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(500);
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InternalServerError");
                    });
            } finally {
                System.setErr(err);
            }
            assertThat(once.listCollections().collectionIds()).as("the server still answers").isEmpty();
        }
        String text = log.toString(StandardCharsets.UTF_8);
        assertThat(text.split("emulator failure in DetectFaces", -1)).as(text).hasSize(2);
        assertThat(text).contains("OutOfMemoryError: injected by the test");
    }
}
