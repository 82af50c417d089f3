package dev.rekoface.s3;

import dev.rekoface.RekofaceClient;
import dev.rekoface.testkit.emulator.RekognitionEmulator;
import dev.rekoface.testkit.fixtures.Fixtures;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.regions.Region;

/** S3Proxy plus the Rekognition emulator reading S3 objects from it, with the sample images in a bucket. */
public final class LocalStack implements BeforeAllCallback, AfterAllCallback {
    public static final String SAMPLES = "rekoface-samples";
    static final List<String> IMAGES = List.of("obama.jpg", "obama2.jpg", "two_people.jpg", "biden.jpg", "astronaut.png",
        "coffee.png", "astronaut-exif-rotated.jpg", "his-girl-friday-1940.jpg");

    private final EmbeddedS3 s3 = new EmbeddedS3();
    private RekognitionEmulator emulator;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        s3.beforeAll(context);
        emulator = RekognitionEmulator.builder().logRequests(false).s3Endpoint(s3.endpoint()).start();
        try (S3Images images = s3.images()) {
            images.s3Client().createBucket(b -> b.bucket(SAMPLES));
            for (String name : IMAGES) {
                images.upload(Fixtures.image(name).bytes(), S3Uri.parse("s3://" + SAMPLES + "/photos/" + name), Map.of());
            }
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        emulator.close();
        s3.afterAll(context);
    }

    public EmbeddedS3 s3() {
        return s3;
    }

    public RekognitionEmulator emulator() {
        return emulator;
    }

    public RekofaceClient rekognition() {
        return RekofaceClient.builder().endpointOverride(emulator.endpoint()).region(Region.US_EAST_1)
            .credentialsProvider(EmbeddedS3.CREDENTIALS).build();
    }
}
