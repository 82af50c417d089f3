package dev.rekoface.examples.facelogin;

import static dev.rekoface.examples.facelogin.ApiClient.dataUrl;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rekoface.examples.facelogin.ApiClient.Answer;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/** Login applies rekoface.similarity-threshold: at 99.9 %, the same person at 99.5 % is not let in. */
@TestPropertySource(properties = "rekoface.similarity-threshold=99.9")
class FaceLoginThresholdTest extends FaceLoginTestSupport {

    @Test
    void login_similarityBelowConfiguredThreshold_notRecognized() {
        api.register("ana", dataUrl("obama.jpg"));

        Answer a = api.login(dataUrl("obama2.jpg"));

        assertThat(a.status()).isEqualTo(200);
        assertThat(a.json().path("recognized").asBoolean()).isFalse();
        assertThat(a.json().path("id").isNull()).isTrue();
    }
}
