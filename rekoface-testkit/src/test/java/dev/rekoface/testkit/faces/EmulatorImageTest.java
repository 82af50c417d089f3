package dev.rekoface.testkit.faces;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rekoface.model.ImageSize;
import dev.rekoface.testkit.fixtures.Fixtures;
import org.junit.jupiter.api.Test;

class EmulatorImageTest {
    private static final byte[] OBAMA = Fixtures.image("obama.jpg").bytes();

    @Test
    void constructor_computesTheSha256_andCopiesTheBytes() {
        byte[] bytes = OBAMA.clone();
        EmulatorImage img = new EmulatorImage(bytes, EmulatorImage.Format.JPEG, 910, 1137, 1);
        assertThat(img.sha256()).isEqualTo(Fixtures.image("obama.jpg").sha256());
        bytes[100] ^= 1;
        assertThat(img.bytes()).isEqualTo(OBAMA);
        img.bytes()[0] = 0;
        assertThat(img.bytes()).isEqualTo(OBAMA);
        assertThat(img.byteCount()).isEqualTo(OBAMA.length);
    }

    @Test
    void displayedSize_orientation5to8_swapsTheSides() {
        assertThat(new EmulatorImage(OBAMA, EmulatorImage.Format.JPEG, 384, 512, 6).displayedSize()).isEqualTo(new ImageSize(512, 384));
        assertThat(new EmulatorImage(OBAMA, EmulatorImage.Format.JPEG, 384, 512, 3).displayedSize()).isEqualTo(new ImageSize(384, 512));
    }

    @Test
    void constructor_badValues_areRefusedNamingThem() {
        assertThatThrownBy(() -> new EmulatorImage(null, EmulatorImage.Format.PNG, 1, 1, 1)).isInstanceOf(NullPointerException.class).hasMessage("bytes");
        assertThatThrownBy(() -> new EmulatorImage(OBAMA, null, 1, 1, 1)).isInstanceOf(NullPointerException.class).hasMessage("format");
        assertThatThrownBy(() -> new EmulatorImage(OBAMA, EmulatorImage.Format.PNG, 0, 5, 1)).hasMessageContaining("0x5");
        assertThatThrownBy(() -> new EmulatorImage(OBAMA, EmulatorImage.Format.PNG, 5, 5, 9)).hasMessageContaining("1-8, was 9");
        assertThatThrownBy(() -> new EmulatorImage(OBAMA, EmulatorImage.Format.PNG, 5, 5, 1, "ABC")).hasMessageContaining("'ABC'");
        assertThatThrownBy(() -> new EmulatorImage(OBAMA, EmulatorImage.Format.PNG, 5, 5, 1, null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void equality_bySha256AndHeader() {
        EmulatorImage a = new EmulatorImage(OBAMA, EmulatorImage.Format.JPEG, 910, 1137, 1);
        EmulatorImage b = new EmulatorImage(OBAMA.clone(), EmulatorImage.Format.JPEG, 910, 1137, 1, a.sha256());
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a).isNotEqualTo(new EmulatorImage(OBAMA, EmulatorImage.Format.JPEG, 910, 1137, 6));
        assertThat(a.toString()).contains("JPEG", "910x1137").doesNotContain(a.sha256());
    }
}
