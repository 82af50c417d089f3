package dev.rekoface.examples.facelogin;

import dev.rekoface.RekofaceClient;
import dev.rekoface.model.IndexedFace;
import dev.rekoface.s3.S3Images;
import dev.rekoface.s3.S3ObjectInfo;
import dev.rekoface.s3.S3Uri;
import dev.rekoface.spring.boot.test.AutoConfigureLocalRekognition;
import dev.rekoface.testkit.emulator.RekognitionEmulator;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The application on a random port against the test slice's emulator and in-memory S3 (instead of its own embedded
 * backend), with an empty collection and bucket before each test. Subclasses with the same settings share one context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"rekoface.local=false", "face-login.create-bucket=true",
        "logging.level.org.openqa.selenium.devtools.CdpVersionFinder=ERROR"})
@AutoConfigureLocalRekognition(s3 = true)
abstract class FaceLoginTestSupport {
    @Value("${local.server.port}")
    int port;

    @Autowired
    RekognitionEmulator emulator;

    @Autowired
    RekofaceClient reko;

    @Autowired
    S3Images s3;

    @Autowired
    FaceLoginProperties properties;

    ApiClient api;

    @BeforeEach
    void cleanSlate() {
        api = new ApiClient(port);
        emulator.reset();
        reko.collection(properties.getCollection()).createIfAbsent();
        String bucket = properties.getBucket();
        if (s3.s3Client().listBuckets().buckets().stream().noneMatch(b -> b.name().equals(bucket))) {
            s3.s3Client().createBucket(b -> b.bucket(bucket));
        }
        for (S3ObjectInfo o : snapshots()) {
            s3.s3Client().deleteObject(b -> b.bucket(o.bucket()).key(o.key()));
        }
    }

    /** Lists every face of the collection. */
    List<IndexedFace> faces() {
        return reko.collection(properties.getCollection()).faces().toList();
    }

    /** Lists every object of the bucket. */
    List<S3ObjectInfo> snapshots() {
        return s3.list(S3Uri.parse("s3://" + properties.getBucket())).toList();
    }
}
