package dev.rekoface.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rekoface.testkit.emulator.EmulatorImages;
import dev.rekoface.testkit.faces.EmulatorImage;
import dev.rekoface.testkit.faces.UnreadableImageException;
import dev.rekoface.testkit.fixtures.HostileImages;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The engine's decoding: the declared size checked before any raster exists, failures as UnreadableImageException. */
class ImageDecoderTest {

    /** An image handed to the engine directly, without the emulator's rules in front. */
    private static EmulatorImage unchecked(byte[] png, int w, int h) {
        return new EmulatorImage(png, EmulatorImage.Format.PNG, w, h, 1);
    }

    @Test
    void detect_pngDeclaring400Megapixels_refusedBeforeDecoding() {
        EmulatorImage bomb = unchecked(HostileImages.blackPng(20000, 20000), 20000, 20000);
        // under the test JVM's 1 GB heap, decoding it (1.6 GB as RGB) would throw OutOfMemoryError instead
        assertThatThrownBy(() -> EngineFixtures.engine().detect(bomb)).isInstanceOf(UnreadableImageException.class)
            .hasMessageContaining("20000x20000").hasMessageContaining("400,000,000 pixels");
        assertThatThrownBy(() -> new EngineFaceSource(EngineFixtures.engine()).detect(bomb, bomb.sha256()))
            .isInstanceOf(UnreadableImageException.class);
        assertThat(ImageDecoder.availableBudget()).isEqualTo(ImageDecoder.BUDGET_MEGAPIXELS);
    }

    @Test
    void detect_headerClaimsASmallSizeButTheDataDeclaresABombLater_stillRefused() {
        // the EmulatorImage says 100x100; the decoder reads the real header
        EmulatorImage lying = unchecked(HostileImages.blackPng(20000, 20000), 100, 100);
        assertThatThrownBy(() -> ImageDecoder.withUpright(lying, u -> u)).isInstanceOf(UnreadableImageException.class);
    }

    @Test
    void withUpright_undecodableData_isUnreadableImage_andReleasesTheBudget() {
        for (EmulatorImage bad : List.of(unchecked(HostileImages.pngWithCorruptData(300, 200), 300, 200),
            unchecked(HostileImages.pngWithNonZlibData(300, 200), 300, 200),
            new EmulatorImage(HostileImages.jpegFrameOnly(300, 200), EmulatorImage.Format.JPEG, 300, 200, 1))) {
            assertThatThrownBy(() -> ImageDecoder.withUpright(bad, u -> u)).as(bad.toString())
                .isInstanceOf(UnreadableImageException.class).hasMessageContaining(bad.sha256().substring(0, 12));
        }
        assertThat(ImageDecoder.availableBudget()).isEqualTo(ImageDecoder.BUDGET_MEGAPIXELS);
    }

    @Test
    void withUpright_over40Megapixels_isDecodedSubsampled() {
        EmulatorImage big = EmulatorImages.accept(HostileImages.blackPng(9000, 5000)); // 45 megapixels
        int[] size = ImageDecoder.withUpright(big, u -> new int[] {u.getWidth(), u.getHeight()});
        assertThat(size).containsExactly(4500, 2500);
        assertThat(ImageDecoder.subsampling(6000, 4000)).isEqualTo(1);
        assertThat(ImageDecoder.subsampling(10000, 10000)).isEqualTo(2);
    }

    @Test
    void withUpright_workThatThrows_passesItsExceptionThrough_andReleasesTheBudget() {
        EmulatorImage img = EngineFixtures.local("obama.jpg");
        assertThatThrownBy(() -> ImageDecoder.withUpright(img, u -> {
            throw new IllegalArgumentException("from the work");
        })).isInstanceOf(IllegalArgumentException.class).hasMessage("from the work");
        assertThat(ImageDecoder.availableBudget()).isEqualTo(ImageDecoder.BUDGET_MEGAPIXELS);
    }
}
