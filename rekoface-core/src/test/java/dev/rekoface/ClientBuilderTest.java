package dev.rekoface;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rekoface.image.ImageSource;
import dev.rekoface.support.RekognitionWireMock;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.rekognition.RekognitionClient;

class ClientBuilderTest {
    @RegisterExtension
    static RekognitionWireMock reko = RekognitionWireMock.create();

    @Test
    void close_suppliedSdkClient_staysOpen() {
        reko.answerJson(Operation.DETECT_FACES, "{\"FaceDetails\":[]}");
        try (RekognitionClient raw = reko.rawClient()) {
            RekofaceClient client = RekofaceClient.builder().rekognitionClient(raw).build();
            client.detectFaces(ImageSource.fromS3("photos", "a.jpg"));
            client.close();
            // the caller's client still works after rekoface is closed
            assertThat(raw.detectFaces(b -> b.image(i -> i.s3Object(o -> o.bucket("photos").name("a.jpg")))).faceDetails()).isEmpty();
        }
    }

    @Test
    void close_suppliedHttpClient_staysOpen() {
        reko.answerJson(Operation.DETECT_FACES, "{\"FaceDetails\":[]}");
        try (SdkHttpClient http = ApacheHttpClient.create()) {
            RekofaceClient first = RekofaceClient.builder().httpClient(http).endpointOverride(reko.endpoint())
                .region(Region.US_EAST_1).credentialsProvider(RekognitionWireMock.credentials()).build();
            first.detectFaces(ImageSource.fromS3("photos", "a.jpg"));
            first.close();
            try (RekofaceClient second = RekofaceClient.builder().httpClient(http).endpointOverride(reko.endpoint())
                .region(Region.US_EAST_1).credentialsProvider(RekognitionWireMock.credentials()).build()) {
                assertThat(second.detectFaces(ImageSource.fromS3("photos", "a.jpg"))).isEmpty();
            }
        }
        assertThat(reko.requestCount()).isEqualTo(2);
    }

    @Test
    void build_suppliedClientWithConnectionSettings_refusedNamingThem() {
        try (RekognitionClient raw = reko.rawClient()) {
            assertThatThrownBy(() -> RekofaceClient.builder().rekognitionClient(raw).region(Region.EU_WEST_1).build())
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("[region]");
        }
    }

    @Test
    void build_relativeEndpoint_refused() {
        assertThatThrownBy(() -> RekofaceClient.builder().endpointOverride(URI.create("localhost:4566"))
            .region(Region.US_EAST_1).credentialsProvider(RekognitionWireMock.credentials()).build())
            .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("localhost:4566");
    }

    @Test
    void asyncBuild_suppliedClientWithCredentials_refused() {
        try (var raw = reko.rawAsyncClient()) {
            assertThatThrownBy(() -> RekofaceAsyncClient.builder().rekognitionClient(raw)
                .credentialsProvider(RekognitionWireMock.credentials()).build())
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("credentialsProvider");
        }
    }
}
