package dev.rekoface.testkit.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.rekoface.testkit.fixtures.Fixtures;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.rekognition.RekognitionClient;
import software.amazon.awssdk.services.rekognition.model.Image;
import software.amazon.awssdk.services.rekognition.model.InvalidS3ObjectException;

/** S3Object images read from an S3-compatible endpoint (a tiny path-style server standing in for S3Proxy). */
class EmulatorS3Test {
    private HttpServer s3;
    private final Map<String, byte[]> objects = new ConcurrentHashMap<>();
    private final List<String> seenAuth = new CopyOnWriteArrayList<>();
    private final List<String> seenUris = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startS3() throws Exception {
        s3 = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        s3.createContext("/", ex -> {
            seenUris.add(ex.getRequestURI().toString());
            String auth = ex.getRequestHeaders().getFirst("Authorization");
            seenAuth.add(auth == null ? "" : auth);
            byte[] body = objects.get(ex.getRequestURI().getPath());
            if (body == null) {
                ex.sendResponseHeaders(404, -1);
            } else {
                ex.sendResponseHeaders(200, body.length);
                try (OutputStream o = ex.getResponseBody()) {
                    o.write(body);
                }
            }
            ex.close();
        });
        s3.start();
        objects.put("/photos/people/obama.jpg", Fixtures.image("obama.jpg").bytes());
        objects.put("/photos/notes.txt", "hello".getBytes());
    }

    @AfterEach
    void stopS3() {
        s3.stop(0);
    }

    private URI s3Uri() {
        return URI.create("http://127.0.0.1:" + s3.getAddress().getPort());
    }

    private static Image s3Image(String bucket, String key) {
        return Image.builder().s3Object(o -> o.bucket(bucket).name(key)).build();
    }

    @Test
    void s3Object_existingImage_isReadAndAnalysed() {
        try (RekognitionEmulator emu = RekognitionEmulator.builder().s3Endpoint(s3Uri()).logRequests(false).start();
             RekognitionClient sdk = EmulatorPersistenceTest.client(emu.endpoint())) {
            assertThat(sdk.detectFaces(r -> r.image(s3Image("photos", "people/obama.jpg"))).faceDetails()).hasSize(1);
            assertThat(seenUris).contains("/photos/people/obama.jpg");
            assertThat(seenAuth).containsOnly("");
            sdk.detectFaces(r -> r.image(Image.builder().s3Object(o -> o.bucket("photos").name("people/obama.jpg").version("v1")).build()));
            assertThat(seenUris).contains("/photos/people/obama.jpg?versionId=v1");
        }
    }

    @Test
    void s3Object_missingOrNotAnImage_isInvalidS3Object() {
        try (RekognitionEmulator emu = RekognitionEmulator.builder().s3Endpoint(s3Uri()).logRequests(false).start();
             RekognitionClient sdk = EmulatorPersistenceTest.client(emu.endpoint())) {
            assertThatThrownBy(() -> sdk.detectFaces(r -> r.image(s3Image("photos", "missing.jpg"))))
                .isInstanceOf(InvalidS3ObjectException.class).hasMessageContaining("Unable to get object metadata from S3");
            assertThatThrownBy(() -> sdk.detectFaces(r -> r.image(s3Image("photos", "notes.txt"))))
                .isInstanceOf(InvalidS3ObjectException.class).hasMessageContaining("Unable to get image metadata from S3");
        }
    }

    @Test
    void s3Object_tooLarge_isInvalidS3Object() {
        byte[] big = new byte[(int) ImageResolver.MAX_S3_BYTES + 10];
        big[0] = (byte) 0xFF;
        big[1] = (byte) 0xD8;
        big[2] = (byte) 0xFF;
        objects.put("/photos/huge.jpg", big);
        try (RekognitionEmulator emu = RekognitionEmulator.builder().s3Endpoint(s3Uri()).logRequests(false).start();
             RekognitionClient sdk = EmulatorPersistenceTest.client(emu.endpoint())) {
            assertThatThrownBy(() -> sdk.detectFaces(r -> r.image(s3Image("photos", "huge.jpg"))))
                .isInstanceOf(InvalidS3ObjectException.class).hasMessageContaining("too large");
        }
    }

    @Test
    void s3Object_noEndpointConfigured_isInvalidS3Object() {
        try (RekognitionEmulator emu = RekognitionEmulator.builder().logRequests(false).start();
             RekognitionClient sdk = EmulatorPersistenceTest.client(emu.endpoint())) {
            assertThatThrownBy(() -> sdk.detectFaces(r -> r.image(s3Image("photos", "people/obama.jpg"))))
                .isInstanceOf(InvalidS3ObjectException.class).hasMessageContaining("no S3 endpoint configured");
        }
    }

    @Test
    void s3Object_withCredentials_isSignedWithSigV4() {
        try (RekognitionEmulator emu = RekognitionEmulator.builder().s3Endpoint(s3Uri()).s3Credentials("local-identity", "local-credential")
                 .logRequests(false).start();
             RekognitionClient sdk = EmulatorPersistenceTest.client(emu.endpoint())) {
            sdk.detectFaces(r -> r.image(s3Image("photos", "people/obama.jpg")));
            assertThat(seenAuth).hasSize(1);
            assertThat(seenAuth.get(0)).startsWith("AWS4-HMAC-SHA256 Credential=local-identity/").contains("/us-east-1/s3/aws4_request");
        }
    }
}
