package dev.rekoface.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rekoface.testkit.fixtures.Fixtures;
import dev.rekoface.testkit.fixtures.HostileImages;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine's decoding: the declared size checked before any raster exists, failures as EngineImageException. */
class ImageDecoderTest {

    @Test
    void detect_pngDeclaring400Megapixels_refusedBeforeDecoding() {
        byte[] bomb = HostileImages.blackPng(20000, 20000);
        // under the test JVM's 1 GB heap, decoding it (1.6 GB as RGB) would throw OutOfMemoryError instead
        assertThatThrownBy(() -> EngineFixtures.engine().detect(bomb)).isInstanceOf(EngineImageException.class)
            .hasMessageContaining("20000x20000").hasMessageContaining("400,000,000 pixels");
        assertThatThrownBy(() -> FaceEngine.withUprightImage(new ByteArrayInputStream(bomb), 1, u -> u))
            .isInstanceOf(EngineImageException.class).hasMessageContaining("400,000,000 pixels");
        assertThat(ImageDecoder.availableBudget()).isEqualTo(ImageDecoder.BUDGET_MEGAPIXELS);
    }

    @Test
    void withUpright_undecodableData_isEngineImageException_andReleasesTheBudget() {
        for (byte[] bad : List.of(HostileImages.pngWithCorruptData(300, 200), HostileImages.pngWithNonZlibData(300, 200),
            HostileImages.jpegFrameOnly(300, 200))) {
            assertThatThrownBy(() -> ImageDecoder.withUpright(bad, u -> u)).isInstanceOf(EngineImageException.class)
                .hasMessageContaining("300x200").hasMessageContaining("could not be decoded");
        }
        assertThat(ImageDecoder.availableBudget()).isEqualTo(ImageDecoder.BUDGET_MEGAPIXELS);
    }

    @Test
    void readUpright_emptyOrNotJpegOrPng_isEngineImageExceptionNamingTheProblem() {
        assertThatThrownBy(() -> FaceEngine.readUpright(new byte[0])).isInstanceOf(EngineImageException.class)
            .hasMessage("image is empty");
        assertThatThrownBy(() -> FaceEngine.readUpright("GIF89a not really".getBytes(java.nio.charset.StandardCharsets.US_ASCII)))
            .isInstanceOf(EngineImageException.class).hasMessageContaining("not a JPEG or PNG")
            .hasMessageContaining("47 49 46 38");
        assertThat(ImageDecoder.availableBudget()).isEqualTo(ImageDecoder.BUDGET_MEGAPIXELS);
    }

    @Test
    void detectAndReadUpright_gifFile_isEngineImageExceptionNamingTheFile(@TempDir Path dir) throws Exception {
        Path gif = Files.write(dir.resolve("photo.gif"), "GIF89a not really".getBytes(StandardCharsets.US_ASCII));
        assertThatThrownBy(() -> EngineFixtures.engine().detect(gif)).isInstanceOf(EngineImageException.class)
            .hasMessageStartingWith(gif + ": ").hasMessageContaining("not a JPEG or PNG");
        assertThatThrownBy(() -> FaceEngine.readUpright(gif)).isInstanceOf(EngineImageException.class)
            .hasMessageStartingWith(gif + ": ").hasMessageContaining("47 49 46 38");
        assertThat(ImageDecoder.availableBudget()).isEqualTo(ImageDecoder.BUDGET_MEGAPIXELS);
    }

    @Test
    void detectAndReadUpright_missingFile_isNoSuchFileExceptionNamingIt(@TempDir Path dir) {
        Path missing = dir.resolve("missing.jpg");
        assertThatThrownBy(() -> EngineFixtures.engine().detect(missing)).isInstanceOf(NoSuchFileException.class)
            .hasMessageContaining("missing.jpg");
        assertThatThrownBy(() -> FaceEngine.readUpright(missing)).isInstanceOf(NoSuchFileException.class)
            .hasMessageContaining("missing.jpg");
    }

    @Test
    void withUprightImage_orientationOutOfRange_refusedNamingTheValue() {
        byte[] png = HostileImages.blackPng(100, 100);
        assertThatThrownBy(() -> FaceEngine.withUprightImage(new ByteArrayInputStream(png), 9, u -> u))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("was 9");
    }

    @Test
    void withUpright_over40Megapixels_isDecodedSubsampled() {
        byte[] big = HostileImages.blackPng(9000, 5000); // 45 megapixels
        int[] size = ImageDecoder.withUpright(big, u -> new int[] {u.getWidth(), u.getHeight()});
        assertThat(size).containsExactly(4500, 2500);
        assertThat(ImageDecoder.subsampling(6000, 4000)).isEqualTo(1);
        assertThat(ImageDecoder.subsampling(10000, 10000)).isEqualTo(2);
    }

    @Test
    void withUpright_workThatThrows_passesItsExceptionThrough_andReleasesTheBudget() {
        byte[] img = EngineFixtures.bytes("obama.jpg");
        assertThatThrownBy(() -> ImageDecoder.withUpright(img, u -> {
            throw new IllegalArgumentException("from the work");
        })).isInstanceOf(IllegalArgumentException.class).hasMessage("from the work");
        assertThat(ImageDecoder.availableBudget()).isEqualTo(ImageDecoder.BUDGET_MEGAPIXELS);
    }

    @Test
    void exifOrientation_fixtures_sixForTheRotatedPhotoAndOneForEveryOther() {
        for (String name : Fixtures.imageNames()) {
            int expected = name.equals("astronaut-exif-rotated.jpg") ? 6 : 1;
            assertThat(ExifOrientation.of(Fixtures.image(name).bytes())).as(name).isEqualTo(expected);
        }
    }

    @Test
    void readUpright_exifOrientation6_turnsThePictureUpright() {
        BufferedImage upright = FaceEngine.readUpright(EngineFixtures.bytes("astronaut-exif-rotated.jpg"));
        assertThat(upright.getWidth()).isEqualTo(512);
        assertThat(upright.getHeight()).isEqualTo(384);
    }
}
