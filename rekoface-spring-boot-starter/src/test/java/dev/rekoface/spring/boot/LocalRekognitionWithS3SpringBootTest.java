package dev.rekoface.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rekoface.RekofaceClient;
import dev.rekoface.image.S3ImageReference;
import dev.rekoface.s3.S3Images;
import dev.rekoface.s3.S3Uri;
import dev.rekoface.s3.Upload;
import dev.rekoface.spring.boot.test.AutoConfigureLocalRekognition;
import dev.rekoface.testkit.fixtures.Fixtures;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;

/** The slice with a local S3 too: the S3Images bean and the emulator share it, so S3 images work end to end. */
@SpringBootTest
@AutoConfigureLocalRekognition(s3 = true, faceEngine = false)
class LocalRekognitionWithS3SpringBootTest {

    @Autowired
    RekofaceClient reko;

    @Autowired
    S3Images s3;

    @Test
    void detectFaces_imageUploadedThroughS3Images_isReadByTheEmulatorFromTheLocalS3() {
        s3.s3Client().createBucket(b -> b.bucket("photos"));
        Upload up = s3.upload(Fixtures.image("obama.jpg").bytes(), S3Uri.parse("s3://photos/people/obama.jpg"), Map.of());
        S3ImageReference image = s3.check(up.uri());
        assertThat(reko.detectFaces(image)).singleElement()
            .satisfies(f -> assertThat(f.pixelBox()).as("pixel geometry from the checked S3 image").isPresent());
        assertThat(s3.list(S3Uri.parse("s3://photos/people/"), null)).hasSize(1);
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {
    }
}
