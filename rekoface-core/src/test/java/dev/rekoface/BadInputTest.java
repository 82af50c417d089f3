package dev.rekoface;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.rekoface.InvalidImageException.Reason;
import dev.rekoface.image.ImageSource;
import dev.rekoface.model.Threshold;
import dev.rekoface.support.RekognitionWireMock;
import dev.rekoface.support.TestImages;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each bad input is refused with a typed error naming the problem and the value, and not one request is sent.
 * The client is live against a local server, so a request sent by mistake would be counted.
 */
class BadInputTest {
    @RegisterExtension
    static RekognitionWireMock reko = RekognitionWireMock.create();

    @TempDir
    Path dir;

    private RekofaceClient client;

    @BeforeEach
    void setUp() {
        reko.answerJson(Operation.DETECT_FACES, "{\"FaceDetails\":[]}");
        reko.answerJson(Operation.DETECT_LABELS, "{\"Labels\":[]}");
        reko.answerJson(Operation.COMPARE_FACES, "{\"FaceMatches\":[]}");
        client = reko.client();
    }

    @AfterEach
    void noRequestWasSent() {
        client.close();
        assertThat(reko.requestCount()).as("requests sent to the service").isZero();
    }

    private InvalidImageException detectRejects(ThrowingCallable call, Reason reason) {
        InvalidImageException e = catchThrowableOfType(InvalidImageException.class, call);
        assertThat(e).as("expected InvalidImageException(" + reason + ")").isNotNull();
        assertThat(e.reason()).isEqualTo(reason);
        return e;
    }

    @Test
    void detectFaces_gif_refusedAsUnsupportedFormat() {
        InvalidImageException e = detectRejects(() -> client.detectFaces(ImageSource.fromBytes(TestImages.gif())), Reason.UNSUPPORTED_FORMAT);
        assertThat(e).hasMessageContaining("GIF").hasMessageContaining("only JPEG and PNG");
    }

    @Test
    void detectFaces_bmp_refusedAsUnsupportedFormat() {
        assertThat(detectRejects(() -> client.detectFaces(ImageSource.fromBytes(TestImages.bmp())), Reason.UNSUPPORTED_FORMAT))
            .hasMessageContaining("BMP");
    }

    @Test
    void detectFaces_webp_refusedAsUnsupportedFormat() {
        assertThat(detectRejects(() -> client.detectFaces(ImageSource.fromBytes(TestImages.webp())), Reason.UNSUPPORTED_FORMAT))
            .hasMessageContaining("WebP");
    }

    @Test
    void fromFile_gifNamedJpg_judgedByBytesNotName() throws Exception {
        Path fake = Files.write(dir.resolve("holiday.jpg"), TestImages.gif());
        assertThat(detectRejects(() -> client.detectFaces(ImageSource.fromFile(fake)), Reason.UNSUPPORTED_FORMAT))
            .hasMessageContaining("holiday.jpg").hasMessageContaining("GIF");
    }

    @Test
    void detectFaces_truncatedJpeg_refusedAsCorrupt() {
        assertThat(detectRejects(() -> client.detectFaces(ImageSource.fromBytes(TestImages.truncatedJpeg())), Reason.CORRUPT))
            .hasMessageContaining("truncated JPEG");
    }

    @Test
    void detectFaces_truncatedPng_refusedAsCorrupt() {
        assertThat(detectRejects(() -> client.detectFaces(ImageSource.fromBytes(TestImages.truncatedPng())), Reason.CORRUPT))
            .hasMessageContaining("truncated PNG");
    }

    @Test
    void detectFaces_zeroBytes_refusedAsEmpty() {
        assertThat(detectRejects(() -> client.detectFaces(ImageSource.fromBytes(new byte[0])), Reason.EMPTY))
            .hasMessageContaining("0 bytes");
    }

    @Test
    void detectFaces_over5Mb_refusedAsTooLargeWithTheSize() {
        byte[] big = TestImages.noisyJpegOver5Mb();
        assertThat(big.length).isGreaterThan(ImageSource.MAX_BYTES);
        assertThat(detectRejects(() -> client.detectFaces(ImageSource.fromBytes(big)), Reason.TOO_LARGE))
            .hasMessageContaining(String.valueOf(big.length)).hasMessageContaining("5 MB");
    }

    @Test
    void fromFile_over5Mb_refusedBeforeReadingIt() throws Exception {
        Path sparse = dir.resolve("huge.jpg");
        try (var raf = new java.io.RandomAccessFile(sparse.toFile(), "rw")) {
            raf.setLength(200L * 1024 * 1024);
        }
        assertThat(detectRejects(() -> ImageSource.fromFile(sparse), Reason.TOO_LARGE)).hasMessageContaining("209715200");
    }

    @Test
    void fromStream_over5Mb_refusedAsSoonAsTheLimitIsPassed() {
        byte[] big = TestImages.noisyJpegOver5Mb();
        ByteArrayInputStream in = new ByteArrayInputStream(big);
        detectRejects(() -> ImageSource.fromStream(in), Reason.TOO_LARGE);
        assertThat(in.available()).as("bytes left unread").isPositive();
    }

    @Test
    void detectFaces_79PixelSide_refusedWithTheSize() {
        assertThat(detectRejects(() -> client.detectFaces(ImageSource.fromBytes(TestImages.png(79, 200))), Reason.BAD_DIMENSIONS))
            .hasMessageContaining("79x200").hasMessageContaining("80 px");
    }

    @Test
    void fromBytes_80PixelSides_accepted() {
        assertThat(ImageSource.fromBytes(TestImages.jpeg(80, 80)).displayedSize().width()).isEqualTo(80);
    }

    @Test
    void fromFile_directory_refusedAsNotAFile() {
        assertThat(detectRejects(() -> client.detectFaces(ImageSource.fromFile(dir)), Reason.NOT_A_FILE))
            .hasMessageContaining(dir.toString()).hasMessageContaining("directory");
    }

    @Test
    void fromFile_missingFile_refusedAsNotFound() {
        Path missing = dir.resolve("nobody.jpg");
        assertThat(detectRejects(() -> client.detectFaces(ImageSource.fromFile(missing)), Reason.FILE_NOT_FOUND))
            .hasMessageContaining("nobody.jpg").hasMessageContaining("does not exist");
    }

    @Test
    void fromFile_unreadableFile_refusedAsUnreadable() throws Exception {
        Path locked = Files.write(dir.resolve("locked.jpg"), TestImages.fixture("obama.jpg"));
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        // Permission bits do not stop root; then use a file the kernel refuses to read (EIO), which is what a
        // failing disk or a revoked network share looks like.
        Path target = Files.isReadable(locked) ? Path.of("/proc/self/mem") : locked;
        assertThat(detectRejects(() -> client.detectFaces(ImageSource.fromFile(target)), Reason.UNREADABLE))
            .hasMessageContaining(target.toString());
    }

    @Test
    void fromBytes_base64TextOfAJpeg_explainedAsBase64() {
        byte[] text = Base64.getEncoder().encode(TestImages.fixture("obama.jpg"));
        assertThat(detectRejects(() -> client.detectFaces(ImageSource.fromBytes(text)), Reason.BASE64_TEXT))
            .hasMessageContaining("base64 text of a JPEG").hasMessageContaining("fromBase64");
    }

    @Test
    void fromBytes_dataUrlText_explainedAsDataUrl() {
        byte[] text = ("data:image/png;base64," + Base64.getEncoder().encodeToString(TestImages.png(100, 100)))
            .getBytes(StandardCharsets.US_ASCII);
        assertThat(detectRejects(() -> ImageSource.fromBytes(text), Reason.BASE64_TEXT)).hasMessageContaining("data URL");
    }

    @Test
    void fromDataUrl_withoutBase64Marker_refusedAsMalformed() {
        assertThat(detectRejects(() -> ImageSource.fromDataUrl("data:image/jpeg,/9j/4AAQ"), Reason.MALFORMED_TEXT))
            .hasMessageContaining(";base64");
    }

    @Test
    void fromDataUrl_notAnImageType_refusedAsMalformed() {
        assertThat(detectRejects(() -> ImageSource.fromDataUrl("data:text/plain;base64,aGVsbG8="), Reason.MALFORMED_TEXT))
            .hasMessageContaining("text/plain");
    }

    @Test
    void fromDataUrl_notADataUrl_refusedAsMalformed() {
        assertThat(detectRejects(() -> ImageSource.fromDataUrl("http://example.com/a.jpg"), Reason.MALFORMED_TEXT))
            .hasMessageContaining("malformed data URL");
    }

    @Test
    void fromDataUrl_invalidBase64_refusedAsMalformed() {
        assertThat(detectRejects(() -> ImageSource.fromDataUrl("data:image/jpeg;base64,@@@not-base64@@@"), Reason.MALFORMED_TEXT))
            .hasMessageContaining("not valid base64");
    }

    @Test
    void fromS3_emptyBucket_refused() {
        assertThat(detectRejects(() -> client.detectFaces(ImageSource.fromS3("", "photo.jpg")), Reason.INVALID_S3_OBJECT))
            .hasMessageContaining("bucket must not be empty");
    }

    @Test
    void fromS3_emptyKey_refused() {
        assertThat(detectRejects(() -> client.detectFaces(ImageSource.fromS3("photos", "")), Reason.INVALID_S3_OBJECT))
            .hasMessageContaining("key must not be empty");
    }

    @Test
    void fromS3_invalidBucketName_refused() {
        assertThat(detectRejects(() -> ImageSource.fromS3("my bucket!", "a.jpg"), Reason.INVALID_S3_OBJECT))
            .hasMessageContaining("my bucket!");
    }

    @Test
    void compareFaces_thresholdOnZeroToOneScale_refusedWithTheLikelyIntent() {
        ImageSource s3 = ImageSource.fromS3("photos", "a.jpg");
        assertThatThrownBy(() -> client.compareFaces(s3, s3, 0.7))
            .isInstanceOf(InvalidArgumentException.class)
            .hasMessage("similarity threshold 0.7 is on a 0-1 scale; Rekognition uses percentages 0-100 (did you mean 70?)");
    }

    @Test
    void compareFaces_threshold101_refusedAsOutOfRange() {
        ImageSource s3 = ImageSource.fromS3("photos", "a.jpg");
        assertThatThrownBy(() -> client.compareFaces(s3, s3, 101))
            .isInstanceOf(InvalidArgumentException.class)
            .hasMessage("similarity threshold 101 is out of range; Rekognition uses percentages 0-100");
    }

    @Test
    void detectLabels_negativeMaxLabels_refusedWithTheValue() {
        ImageSource s3 = ImageSource.fromS3("photos", "a.jpg");
        InvalidArgumentException e = catchThrowableOfType(InvalidArgumentException.class,
            () -> client.detectLabels(s3, -1, Threshold.percent(50)));
        assertThat(e).hasMessageContaining("maxLabels -1");
        assertThat(e.parameter()).contains("maxLabels");
    }

    @Test
    void detectLabels_minConfidenceOnZeroToOneScale_refused() {
        assertThatThrownBy(() -> client.detectLabels(ImageSource.fromS3("photos", "a.jpg"), 10, Threshold.of("minimum confidence", 0.55)))
            .isInstanceOf(InvalidArgumentException.class)
            .hasMessageContaining("minimum confidence 0.55 is on a 0-1 scale").hasMessageContaining("did you mean 55?");
    }

    @Test
    void detectFaces_nullImage_refused() {
        assertThatThrownBy(() -> client.detectFaces(null))
            .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("image must not be null");
    }
}
