package dev.rekoface.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.rekoface.model.ImageSize;
import dev.rekoface.support.TestImages;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageSourceTest {
    @TempDir
    Path dir;

    @Test
    void fromFile_jpeg_readsFormatAndSize() throws Exception {
        Path file = Files.write(dir.resolve("obama.jpg"), TestImages.fixture("obama.jpg"));
        LocalImage img = ImageSource.fromFile(file);
        assertThat(img.format()).isEqualTo(ImageFormat.JPEG);
        assertThat(img.displayedSize()).isEqualTo(new ImageSize(910, 1137));
        assertThat(img.exifOrientation()).isEqualTo(1);
        assertThat(img.byteCount()).isEqualTo(279922);
        assertThat(img.description()).contains("obama.jpg");
    }

    @Test
    void fromFile_pngNamedJpg_isReadAsPng() throws Exception {
        Path file = Files.write(dir.resolve("photo.jpg"), TestImages.fixture("coffee.png"));
        assertThat(ImageSource.fromFile(file).format()).isEqualTo(ImageFormat.PNG);
    }

    @Test
    void fromStream_readsToTheEnd() {
        LocalImage img = ImageSource.fromStream(new ByteArrayInputStream(TestImages.fixture("astronaut.png")));
        assertThat(img.format()).isEqualTo(ImageFormat.PNG);
        assertThat(img.displayedSize()).isEqualTo(new ImageSize(512, 512));
    }

    @Test
    void fromBase64_withLineBreaks_decodes() {
        String mime = Base64.getMimeEncoder().encodeToString(TestImages.fixture("coffee.png"));
        assertThat(mime).contains("\r\n");
        assertThat(ImageSource.fromBase64(mime).displayedSize()).isEqualTo(new ImageSize(600, 400));
    }

    @Test
    void fromBase64_urlSafeAlphabet_decodes() {
        String urlSafe = Base64.getUrlEncoder().encodeToString(TestImages.fixture("obama.jpg"));
        assertThat(ImageSource.fromBase64(urlSafe).format()).isEqualTo(ImageFormat.JPEG);
    }

    @Test
    void fromDataUrl_webcamCapture_decodes() {
        String dataUrl = "data:image/jpeg;base64," + Base64.getEncoder().encodeToString(TestImages.fixture("obama2.jpg"));
        LocalImage img = ImageSource.fromDataUrl(dataUrl);
        assertThat(img.bytes()).isEqualTo(TestImages.fixture("obama2.jpg"));
        assertThat(img.description()).contains("data URL");
    }

    @Test
    void fromBase64_dataUrl_isAcceptedToo() {
        String dataUrl = "data:image/png;base64," + Base64.getEncoder().encodeToString(TestImages.fixture("coffee.png"));
        assertThat(ImageSource.fromBase64(dataUrl).format()).isEqualTo(ImageFormat.PNG);
    }

    @Test
    void fromBytes_copiesTheArray() {
        byte[] original = TestImages.fixture("coffee.png");
        byte[] bytes = original.clone();
        LocalImage img = ImageSource.fromBytes(bytes);
        bytes[100] ^= 0x55;
        assertThat(img.bytes()).isEqualTo(original);
        img.bytes()[100] ^= 0x55;
        assertThat(img.bytes()).isEqualTo(original);
    }

    @Test
    void fromBytes_exifOrientation6_swapsTheDisplayedSides() {
        LocalImage img = ImageSource.fromBytes(TestImages.fixture("astronaut-exif-rotated.jpg"));
        assertThat(img.storedSize()).isEqualTo(new ImageSize(384, 512));
        assertThat(img.exifOrientation()).isEqualTo(6);
        assertThat(img.displayedSize()).isEqualTo(new ImageSize(512, 384));
        assertThat(img.geometrySize()).contains(new ImageSize(512, 384));
    }

    @Test
    void decodeUpright_exifRotated_matchesTheUprightOriginal() {
        BufferedImage rotated = ImageSource.fromBytes(TestImages.fixture("astronaut-exif-rotated.jpg")).decodeUpright();
        BufferedImage original = ImageSource.fromBytes(TestImages.fixture("astronaut.png")).decodeUpright();
        assertThat(rotated.getWidth()).isEqualTo(512);
        assertThat(rotated.getHeight()).isEqualTo(384);
        // The rotated JPEG is the top 512x384 of astronaut.png: compare mean colours of a few patches.
        for (int[] p : new int[][] {{100, 100}, {256, 200}, {400, 300}, {50, 350}}) {
            assertThat(meanGrey(rotated, p[0], p[1])).isCloseTo(meanGrey(original, p[0], p[1]), within(12.0));
        }
    }

    private static double meanGrey(BufferedImage img, int cx, int cy) {
        double sum = 0;
        int n = 0;
        for (int y = cy - 4; y <= cy + 4; y++) {
            for (int x = cx - 4; x <= cx + 4; x++) {
                int rgb = img.getRGB(x, y);
                sum += ((rgb >> 16 & 0xFF) + (rgb >> 8 & 0xFF) + (rgb & 0xFF)) / 3.0;
                n++;
            }
        }
        return sum / n;
    }

    @Test
    void fromBytes_downscaleToFit_reencodesUnderTheLimitAndKeepsTheOriginalGeometry() {
        byte[] big = TestImages.noisyJpegOver5Mb();
        LocalImage img = ImageSource.fromBytes(big, ImageOption.DOWNSCALE_TO_FIT);
        assertThat(img.wasDownscaled()).isTrue();
        assertThat(img.byteCount()).isLessThanOrEqualTo(ImageSource.MAX_BYTES);
        assertThat(img.format()).isEqualTo(ImageFormat.JPEG);
        assertThat(img.displayedSize().width()).isLessThan(2600);
        assertThat(img.geometrySize()).contains(new ImageSize(2600, 2000));
        double aspect = img.displayedSize().width() / (double) img.displayedSize().height();
        assertThat(aspect).isCloseTo(1.3, within(0.01));
    }

    @Test
    void fromBytes_downscaleOptionOnASmallImage_keepsTheBytes() {
        byte[] bytes = TestImages.fixture("obama.jpg");
        LocalImage img = ImageSource.fromBytes(bytes, ImageOption.DOWNSCALE_TO_FIT);
        assertThat(img.wasDownscaled()).isFalse();
        assertThat(img.bytes()).isEqualTo(bytes);
    }

    @Test
    void fromS3_withVersion_keepsIt() {
        S3ImageReference ref = ImageSource.fromS3("photos", "team/ric.jpg", "v42");
        assertThat(ref.bucket()).isEqualTo("photos");
        assertThat(ref.key()).isEqualTo("team/ric.jpg");
        assertThat(ref.version()).contains("v42");
        assertThat(ref.uri()).isEqualTo("s3://photos/team/ric.jpg");
        assertThat(ref.geometrySize()).isEmpty();
        assertThat(ref.withDisplayedSize(new ImageSize(640, 480)).geometrySize()).contains(new ImageSize(640, 480));
    }

    @Test
    void localImage_equality_byBytes() {
        assertThat(ImageSource.fromBytes(TestImages.fixture("coffee.png")))
            .isEqualTo(ImageSource.fromBytes(TestImages.fixture("coffee.png")))
            .hasSameHashCodeAs(ImageSource.fromBytes(TestImages.fixture("coffee.png")))
            .isNotEqualTo(ImageSource.fromBytes(TestImages.fixture("obama.jpg")));
    }
}
