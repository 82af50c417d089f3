package dev.rekoface.examples.facelogin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The pieces that need no server. */
class FaceLoginUnitTest {

    @Test
    void prefix_anyId_isOneSafeSegmentPerPerson() {
        assertThat(FaceLoginService.prefix("ana")).isEqualTo("snapshots/ana/");
        assertThat(FaceLoginService.prefix("a/b")).isEqualTo("snapshots/a%2Fb/");
        assertThat(FaceLoginService.prefix("..")).isEqualTo("snapshots/%2E%2E/");
        assertThat(FaceLoginService.prefix("ñ@x")).isEqualTo("snapshots/%C3%B1%40x/");
    }

    @Test
    void translate_awsFlag_turnsTheLocalBackendOff() {
        assertThat(FaceLoginApplication.translate(new String[] {"--aws", "--server.port=9090"}))
            .containsExactly("--rekoface.local=false", "--server.port=9090");
    }

    @Test
    void properties_limitBelowOne_isRefusedNamingPropertyAndValue() {
        FaceLoginProperties properties = new FaceLoginProperties();
        assertThatThrownBy(() -> properties.setMaxConcurrentRequests(0)).isInstanceOf(IllegalArgumentException.class)
            .hasMessage("face-login.max-concurrent-requests must be at least 1, not 0");
        assertThatThrownBy(() -> properties.setMaxRequestBytes(-5)).isInstanceOf(IllegalArgumentException.class)
            .hasMessage("face-login.max-request-bytes must be at least 1, not -5");
        assertThat(properties.getMaxConcurrentRequests()).isEqualTo(16);
        assertThat(properties.getMaxRequestBytes()).isEqualTo(7_400_000);
    }

    @Test
    void internalError_answers500_withoutTheExceptionsMessage() {
        var response = new ApiErrors().internal(new IllegalStateException("cannot read /srv/secrets/key.pem"));
        assertThat(response.getStatusCode().value()).isEqualTo(500);
        assertThat(response.getBody()).containsEntry("code", "INTERNAL").containsEntry("error", "internal error");
        assertThat(response.getBody().toString()).doesNotContain("secrets");
    }
}
