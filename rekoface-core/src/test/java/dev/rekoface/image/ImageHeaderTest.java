package dev.rekoface.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rekoface.InvalidImageException;
import dev.rekoface.model.ImageSize;
import dev.rekoface.support.TestImages;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ImageHeaderTest {

    @Test
    void read_first64KbOfAnExifJpeg_givesTheUprightSize() {
        byte[] head = Arrays.copyOf(TestImages.fixture("astronaut-exif-rotated.jpg"), 64 * 1024);
        ImageHeader h = ImageHeader.read(head, "s3://b/a.jpg");
        assertThat(h.format()).isEqualTo(ImageFormat.JPEG);
        assertThat(h.storedSize()).isEqualTo(new ImageSize(384, 512));
        assertThat(h.exifOrientation()).isEqualTo(6);
        assertThat(h.displayedSize()).isEqualTo(new ImageSize(512, 384));
    }

    @Test
    void read_firstBytesOfALargeJpegAndPng_giveTheirSizes() {
        assertThat(ImageHeader.read(Arrays.copyOf(TestImages.fixture("Werner1.jpeg"), 64 * 1024), "w").storedSize())
            .isEqualTo(new ImageSize(5586, 3683));
        assertThat(ImageHeader.read(Arrays.copyOf(TestImages.fixture("coffee.png"), 100), "c").storedSize())
            .isEqualTo(new ImageSize(600, 400));
    }

    @Test
    void read_notAnImage_refusedNamingIt() {
        assertThatThrownBy(() -> ImageHeader.read("hello, world".getBytes(), "s3://b/notes.jpg"))
            .isInstanceOf(InvalidImageException.class).hasMessageContaining("s3://b/notes.jpg")
            .hasMessageContaining("not a JPEG or PNG");
        assertThatThrownBy(() -> ImageHeader.read(TestImages.gif(), "g")).hasMessageContaining("GIF");
        assertThatThrownBy(() -> ImageHeader.read(Arrays.copyOf(TestImages.fixture("obama.jpg"), 10), "o"))
            .isInstanceOf(InvalidImageException.class);
    }
}
