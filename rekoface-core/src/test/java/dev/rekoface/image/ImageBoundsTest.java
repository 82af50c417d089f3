package dev.rekoface.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rekoface.InvalidImageException;
import dev.rekoface.InvalidImageException.Reason;
import dev.rekoface.annotate.FaceAnnotator;
import dev.rekoface.model.ImageSize;
import dev.rekoface.support.TestImages;
import dev.rekoface.testkit.fixtures.HostileImages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pixel bound ({@link ImageSource#MAX_SIDE}) and undecodable image data: refused when the source is created, and
 * never decoded by downscaling or annotation.
 */
class ImageBoundsTest {
    @TempDir
    Path dir;

    private static InvalidImageException refused(ThrowingCallable call, Reason reason) {
        Throwable[] caught = new Throwable[1];
        assertThatThrownBy(call).isInstanceOfSatisfying(InvalidImageException.class, e -> {
            assertThat(e.reason()).as(e.getMessage()).isEqualTo(reason);
            caught[0] = e;
        });
        return (InvalidImageException) caught[0];
    }

    /** A LocalImage whose checked header was small, holding other bytes: what decoding must still guard against. */
    private static LocalImage holding(byte[] bytes) {
        ImageSize small = new ImageSize(100, 100);
        return new LocalImage(bytes, ImageFormat.PNG, small, 1, small, "test bytes", false);
    }

    @Test
    void fromBytes_20000SquarePng_refusedAsBadDimensionsBeforeDecoding() {
        byte[] bomb = HostileImages.blackPng(20000, 20000);
        assertThat(refused(() -> ImageSource.fromBytes(bomb), Reason.BAD_DIMENSIONS))
            .hasMessageContaining("20000x20000").hasMessageContaining("400,000,000 pixels").hasMessageContaining("10000 px");
    }

    @Test
    void fromFile_jpegDeclaringOverTheBound_refusedAsBadDimensions() throws Exception {
        Path file = Files.write(dir.resolve("wide.jpg"), HostileImages.jpegFrameOnly(10001, 500));
        assertThat(refused(() -> ImageSource.fromFile(file), Reason.BAD_DIMENSIONS)).hasMessageContaining("wide.jpg")
            .hasMessageContaining("10001x500");
    }

    @Test
    void fromBytes_10000PxSide_accepted() {
        assertThat(ImageSource.fromBytes(HostileImages.blackPng(10000, 80)).storedSize()).isEqualTo(new ImageSize(10000, 80));
    }

    @Test
    void fromBytes_downscaleToFit_overTheBound_refusedWithoutDecoding() {
        byte[] big = HostileImages.noisyPng(12000, 12000, 480, 3);
        assertThat(big.length).isGreaterThan(ImageSource.MAX_BYTES);
        assertThat(refused(() -> ImageSource.fromBytes(big, ImageOption.DOWNSCALE_TO_FIT), Reason.BAD_DIMENSIONS))
            .hasMessageContaining("12000x12000").hasMessageContaining("DOWNSCALE_TO_FIT");
    }

    @Test
    void fromBytes_undecodablePngs_refusedAsCorrupt() {
        assertThat(refused(() -> ImageSource.fromBytes(HostileImages.pngEndingAfterHeader(400, 300)), Reason.CORRUPT))
            .hasMessageContaining("no image data");
        assertThat(refused(() -> ImageSource.fromBytes(HostileImages.pngWithNonZlibData(400, 300)), Reason.CORRUPT))
            .hasMessageContaining("not a zlib stream");
        assertThat(refused(() -> ImageSource.fromBytes(HostileImages.pngWithTinyData(20000, 20000)), Reason.CORRUPT))
            .hasMessageContaining("20000x20000").hasMessageContaining("cannot inflate");
        refused(() -> ImageSource.fromBytes(HostileImages.pngWithTinyData(65535, 65535)), Reason.CORRUPT);
    }

    @Test
    void fromBytes_fixturePngs_stillAccepted() {
        for (String name : List.of("astronaut.png", "coffee.png", "chelsea.png")) {
            assertThat(ImageSource.fromBytes(TestImages.fixture(name)).format()).as(name).isEqualTo(ImageFormat.PNG);
        }
    }

    @Test
    void decodeUpright_bytesDeclaringOverTheBound_refusedBeforeDecoding() {
        assertThat(refused(() -> holding(HostileImages.blackPng(20000, 20000)).decodeUpright(), Reason.BAD_DIMENSIONS))
            .hasMessageContaining("20000x20000");
    }

    @Test
    void decodeUpright_dataThatFailsToInflate_isCorruptNotADecoderException() {
        refused(() -> holding(HostileImages.pngWithCorruptData(100, 100)).decodeUpright(), Reason.CORRUPT);
        refused(() -> holding(HostileImages.jpegFrameOnly(100, 100)).decodeUpright(), Reason.CORRUPT);
    }

    @Test
    void annotate_bytesDeclaringOverTheBound_refusedBeforeDecoding() {
        LocalImage bomb = holding(HostileImages.blackPng(20000, 20000));
        refused(() -> FaceAnnotator.standard().draw(bomb, List.of()), Reason.BAD_DIMENSIONS);
        refused(() -> FaceAnnotator.standard().write(bomb, List.of(), dir.resolve("out.png")), Reason.BAD_DIMENSIONS);
        assertThat(dir.resolve("out.png")).doesNotExist();
    }
}
