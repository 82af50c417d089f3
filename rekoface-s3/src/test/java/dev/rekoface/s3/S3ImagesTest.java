package dev.rekoface.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.rekoface.InvalidArgumentException;
import dev.rekoface.InvalidImageException;
import dev.rekoface.image.ImageFormat;
import dev.rekoface.image.LocalImage;
import dev.rekoface.image.S3ImageReference;
import dev.rekoface.model.ImageSize;
import dev.rekoface.testkit.fixtures.Fixtures;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

class S3ImagesTest {
    @RegisterExtension
    static EmbeddedS3 server = new EmbeddedS3();

    static S3Images s3;
    static S3Client raw;

    @BeforeAll
    static void setUp() {
        s3 = server.images();
        raw = server.client();
        raw.createBucket(b -> b.bucket("photos"));
    }

    @AfterAll
    static void tearDown() {
        s3.close();
        raw.close();
    }

    private static S3Uri uri(String s) {
        return S3Uri.parse(s);
    }

    @Test
    void upload_file_sniffsTheContentTypeAndStoresMetadata(@TempDir Path dir) throws Exception {
        Path file = Fixtures.image("coffee.png").writeTo(dir);
        Path renamed = Files.move(file, dir.resolve("coffee.jpg"));
        Upload up = s3.upload(renamed, uri("s3://photos/in/coffee.jpg"), Map.of("owner", "ana"));
        assertThat(up.format()).isEqualTo(ImageFormat.PNG);
        assertThat(up.parts()).isEqualTo(1);
        var head = raw.headObject(b -> b.bucket("photos").key("in/coffee.jpg"));
        assertThat(head.contentType()).isEqualTo("image/png");
        assertThat(head.metadata()).containsEntry("owner", "ana");
        assertThat(head.contentLength()).isEqualTo(Fixtures.image("coffee.png").size());
    }

    @Test
    void upload_over8Mb_goesInPartsAndReadsBackIntact() {
        byte[] big = bigValidJpeg(9 * 1024 * 1024);
        Upload up = s3.upload(new ByteArrayInputStream(big), uri("s3://photos/big.jpg"), Map.of());
        assertThat(up.parts()).isEqualTo(2);
        assertThat(raw.getObjectAsBytes(b -> b.bucket("photos").key("big.jpg")).asByteArray()).isEqualTo(big);
    }

    /** A JPEG header followed by filler up to the size: enough for sniffing and for a byte-exact round trip. */
    private static byte[] bigValidJpeg(int size) {
        byte[] head = Fixtures.image("obama.jpg").bytes();
        byte[] out = new byte[size];
        new Random(7).nextBytes(out);
        System.arraycopy(head, 0, out, 0, head.length);
        return out;
    }

    @Test
    void upload_over15Mb_refusedBeforeUploading() {
        byte[] huge = bigValidJpeg(16 * 1024 * 1024);
        InvalidImageException e = catchThrowableOfType(InvalidImageException.class,
            () -> s3.upload(huge, uri("s3://photos/huge-upload.jpg"), Map.of()));
        assertThat(e.reason()).isEqualTo(InvalidImageException.Reason.TOO_LARGE);
        assertThat(e).hasMessageContaining("15 MB");
        assertThat(raw.listObjectsV2(b -> b.bucket("photos").prefix("huge-upload")).contents()).isEmpty();
    }

    @Test
    void upload_notAnImage_refusedBeforeUploading() {
        assertThatThrownBy(() -> s3.upload("not an image".getBytes(), uri("s3://photos/notes.jpg"), Map.of()))
            .isInstanceOf(InvalidImageException.class).hasMessageContaining("not a JPEG or PNG");
        assertThat(raw.listObjectsV2(b -> b.bucket("photos").prefix("notes")).contents()).isEmpty();
    }

    @Test
    void check_exifRotatedJpeg_attachesTheUprightSize() {
        s3.upload(Fixtures.image("astronaut-exif-rotated.jpg").bytes(), uri("s3://photos/astro.jpg"), Map.of());
        S3ImageReference ref = s3.check(uri("s3://photos/astro.jpg"));
        assertThat(ref.bucket()).isEqualTo("photos");
        assertThat(ref.key()).isEqualTo("astro.jpg");
        assertThat(ref.geometrySize()).contains(new ImageSize(512, 384));
    }

    @Test
    void check_missingObject_refusedNamingIt() {
        InvalidImageException e = catchThrowableOfType(InvalidImageException.class, () -> s3.check(uri("s3://photos/nobody.jpg")));
        assertThat(e.reason()).isEqualTo(InvalidImageException.Reason.INVALID_S3_OBJECT);
        assertThat(e).hasMessageContaining("s3://photos/nobody.jpg does not exist");
    }

    @Test
    void check_nonImageObject_refused() {
        raw.putObject(b -> b.bucket("photos").key("readme.jpg").contentType("image/jpeg"), RequestBody.fromString("# hello"));
        InvalidImageException e = catchThrowableOfType(InvalidImageException.class, () -> s3.check(uri("s3://photos/readme.jpg")));
        assertThat(e.reason()).isEqualTo(InvalidImageException.Reason.UNSUPPORTED_FORMAT);
        assertThat(e).hasMessageContaining("s3://photos/readme.jpg");
    }

    @Test
    void check_objectOver15Mb_refused() {
        raw.putObject(b -> b.bucket("photos").key("huge.png"), RequestBody.fromBytes(bigValidJpeg(15 * 1024 * 1024 + 1)));
        InvalidImageException e = catchThrowableOfType(InvalidImageException.class, () -> s3.check(uri("s3://photos/huge.png")));
        assertThat(e.reason()).isEqualTo(InvalidImageException.Reason.TOO_LARGE);
        assertThat(e).hasMessageContaining("15728641 bytes");
    }

    @Test
    void check_bucketInAnotherRegionThanRekognition_refused() {
        try (S3Images eu = S3Images.builder().s3Client(raw).rekognitionRegion(Region.EU_WEST_1).build()) {
            s3.upload(Fixtures.image("obama.jpg").bytes(), uri("s3://photos/obama.jpg"), Map.of());
            assertThatThrownBy(() -> eu.check(uri("s3://photos/obama.jpg")))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("'photos' is in us-east-1 but the Rekognition client is in eu-west-1");
        }
    }

    @Test
    void download_givesTheImage() {
        s3.upload(Fixtures.image("obama2.jpg").bytes(), uri("s3://photos/obama2.jpg"), Map.of());
        LocalImage img = s3.download(uri("s3://photos/obama2.jpg"));
        assertThat(img.bytes()).isEqualTo(Fixtures.image("obama2.jpg").bytes());
    }

    @Test
    void presignGet_sevenDaysAccepted_andTheLinkFetchesTheObject() throws Exception {
        s3.upload(Fixtures.image("biden.jpg").bytes(), uri("s3://photos/biden.jpg"), Map.of());
        PresignedUrl link = s3.presignGet(uri("s3://photos/biden.jpg"), Duration.ofDays(7));
        assertThat(link.method()).isEqualTo("GET");
        assertThat(link.url().toString()).contains("X-Amz-Expires=604800");
        HttpURLConnection c = (HttpURLConnection) link.url().openConnection();
        assertThat(c.getResponseCode()).isEqualTo(200);
        try (InputStream in = c.getInputStream()) {
            assertThat(in.readAllBytes()).isEqualTo(Fixtures.image("biden.jpg").bytes());
        }
    }

    @Test
    void presign_eightDaysOrZero_refusedNotShortened() {
        assertThatThrownBy(() -> s3.presignGet(uri("s3://photos/a.jpg"), Duration.ofDays(8)))
            .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("8 days is over 7 days");
        assertThatThrownBy(() -> s3.presignGet(uri("s3://photos/a.jpg"), Duration.ZERO))
            .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("more than 0");
        assertThatThrownBy(() -> s3.presignPut(uri("s3://photos/a.jpg"), Duration.ofSeconds(-5), ImageFormat.JPEG))
            .isInstanceOf(InvalidArgumentException.class);
    }

    @Test
    void presignPut_browserUpload_storesTheImage() throws Exception {
        PresignedUrl link = s3.presignPut(uri("s3://photos/from-browser.png"), Duration.ofMinutes(15), ImageFormat.PNG);
        HttpURLConnection c = (HttpURLConnection) link.url().openConnection();
        c.setRequestMethod("PUT");
        c.setDoOutput(true);
        link.headers().forEach((k, vs) -> vs.forEach(v -> c.addRequestProperty(k, v)));
        c.getOutputStream().write(Fixtures.image("coffee.png").bytes());
        assertThat(c.getResponseCode()).isEqualTo(200);
        assertThat(raw.headObject(b -> b.bucket("photos").key("from-browser.png")).contentType()).isEqualTo("image/png");
    }

    @Test
    void list_followsPagesInKeyOrder() {
        raw.createBucket(b -> b.bucket("many"));
        for (int i = 0; i < 1205; i++) {
            String k = String.format("k/%05d.txt", i);
            raw.putObject(b -> b.bucket("many").key(k), RequestBody.fromString("x"));
        }
        List<S3ObjectInfo> all = s3.list(uri("s3://many/k/")).toList();
        assertThat(all).hasSize(1205);
        assertThat(all.get(0).key()).isEqualTo("k/00000.txt");
        assertThat(all.get(1204).key()).isEqualTo("k/01204.txt");
        assertThat(s3.list(uri("s3://many/k/"), "k/01199.txt").map(S3ObjectInfo::key)).hasSize(5);
    }

    @Test
    void upload_badMetadataKey_refused() {
        assertThatThrownBy(() -> s3.upload(Fixtures.image("coffee.png").bytes(), uri("s3://photos/c.png"), Map.of("bad key!", "x")))
            .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("bad key!");
    }
}
