package dev.rekoface.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rekoface.InvalidArgumentException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class S3UriTest {

    @Test
    void parse_objectUri_keepsTheKeyVerbatim() {
        S3Uri uri = S3Uri.parse("s3://image-demo-lab/team photos/ric+harvey?.jpeg");
        assertThat(uri.bucket()).isEqualTo("image-demo-lab");
        assertThat(uri.key()).isEqualTo("team photos/ric+harvey?.jpeg");
        assertThat(uri.objectKey()).contains("team photos/ric+harvey?.jpeg");
        assertThat(uri.toImageSource().key()).isEqualTo("team photos/ric+harvey?.jpeg");
        assertThat(uri).hasToString("s3://image-demo-lab/team photos/ric+harvey?.jpeg");
    }

    @Test
    void parse_prefixUri_hasNoObjectKey() {
        assertThat(S3Uri.parse("s3://photos").objectKey()).isEmpty();
        assertThat(S3Uri.parse("s3://photos/2024/").key()).isEqualTo("2024/");
        assertThatThrownBy(() -> S3Uri.parse("s3://photos/2024/").toImageSource())
            .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("names a prefix");
    }

    @ParameterizedTest
    @ValueSource(strings = {"s3://x", "s3://", "s3:///key", "http://photos/a.jpg", "photos/a.jpg", "s3://Photos/a.jpg",
        "s3://my_bucket/a.jpg", "s3://-photos/a.jpg", "s3://ph..otos/a.jpg", ""})
    void parse_malformed_refusedNamingTheUri(String bad) {
        assertThatThrownBy(() -> S3Uri.parse(bad)).isInstanceOf(InvalidArgumentException.class)
            .hasMessageContaining(bad.isEmpty() ? "must not be empty" : bad.length() > 5 ? bad.substring(0, 6) : "s3://");
    }
}
