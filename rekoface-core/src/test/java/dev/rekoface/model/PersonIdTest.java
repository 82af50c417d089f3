package dev.rekoface.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rekoface.InvalidArgumentException;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PersonIdTest {
    private static final Pattern SERVICE = Pattern.compile("[a-zA-Z0-9_.\\-:]+");

    @ParameterizedTest
    @ValueSource(strings = {"Barack Obama <b.o@wh.gov>/ñ", "joe biden", "C:\\Users\\ana\\photo 1.jpg", "李小龍", "a_b",
        "rf:looks-encoded", "emoji 😀 face", "rf:", "_20", "x:y"})
    void encode_anyId_fitsTheAlphabetAndDecodesBack(String id) {
        String encoded = PersonId.encode(id);
        assertThat(encoded).matches(SERVICE);
        assertThat(PersonId.decode(encoded)).isEqualTo(id);
    }

    @ParameterizedTest
    @ValueSource(strings = {"PersonNAME", "john_doe", "ric.harvey-2019", "user:42", "ABC123"})
    void encode_idThatFits_staysUnchanged(String id) {
        assertThat(PersonId.encode(id)).isEqualTo(id);
        assertThat(PersonId.decode(id)).isEqualTo(id);
    }

    @Test
    void encode_example_isReadable() {
        assertThat(PersonId.encode("joe biden")).isEqualTo("rf:joe_20biden");
        assertThat(PersonId.encode("Barack Obama <b.o@wh.gov>/ñ")).isEqualTo("rf:Barack_20Obama_20_3Cb.o_40wh.gov_3E_2F_C3_B1");
    }

    @Test
    void decode_malformedEncoding_returnsItUnchanged() {
        assertThat(PersonId.decode("rf:bad_zz")).isEqualTo("rf:bad_zz");
        assertThat(PersonId.decode(null)).isNull();
    }

    @Test
    void toExternalImageId_tooLong_refusedWithTheLengths() {
        String id = "ñ".repeat(50);  // 100 UTF-8 bytes -> 300 characters encoded
        assertThatThrownBy(() -> PersonId.toExternalImageId(id))
            .isInstanceOf(InvalidArgumentException.class)
            .hasMessageContaining("encodes to 303 characters").hasMessageContaining("at most 255");
        assertThat(PersonId.toExternalImageId("a".repeat(255))).hasSize(255);
    }

    @Test
    void toUserId_limitIs128() {
        assertThat(PersonId.fitsUserId("a".repeat(128))).isTrue();
        assertThat(PersonId.fitsUserId("a".repeat(129))).isFalse();
        assertThatThrownBy(() -> PersonId.toUserId("a".repeat(129))).hasMessageContaining("UserId allows at most 128");
    }

    @Test
    void encode_empty_refused() {
        assertThatThrownBy(() -> PersonId.encode("")).isInstanceOf(InvalidArgumentException.class)
            .hasMessageContaining("must not be empty");
        assertThatThrownBy(() -> PersonId.encode(null)).isInstanceOf(InvalidArgumentException.class);
    }
}
