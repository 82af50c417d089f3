package dev.rekoface.testkit.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import tools.jackson.databind.ObjectMapper;
import dev.rekoface.Operation;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The emulator dispatches on core's {@link Operation}: every wire name reaches its operation, nothing else does. */
class EmulatorDispatchTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private static HttpResponse<String> post(RekognitionEmulator emu, String target) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(emu.endpoint()).timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/x-amz-json-1.1").header("X-Amz-Target", target)
            .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void target_everyOperation_reachesThatOperationAndItsCounter() throws Exception {
        try (RekognitionEmulator emu = RekognitionEmulator.builder().logRequests(false).start()) {
            for (Operation op : Operation.values()) {
                HttpResponse<String> r = post(emu, op.target());
                assertThat(JSON.readTree(r.body()).path("__type").asString()).as(op.wireName())
                    .isNotEqualTo("UnknownOperationException");
                assertThat(emu.counters().requests(op)).as(op.wireName()).isEqualTo(1);
            }
            assertThat(emu.counters().totalRequests()).isEqualTo(Operation.values().length);
        }
    }

    @Test
    void target_otherSpellingOfAnOperation_answersUnknownOperationException() throws Exception {
        try (RekognitionEmulator emu = RekognitionEmulator.builder().logRequests(false).start()) {
            for (String target : new String[] {"RekognitionService.detectfaces", "RekognitionService.DETECT_FACES",
                "DetectFaces", "RekognitionService.DetectFace", "Rekognition.DetectFaces"}) {
                HttpResponse<String> r = post(emu, target);
                assertThat(r.statusCode()).as(target).isEqualTo(400);
                assertThat(JSON.readTree(r.body()).path("__type").asString()).as(target).isEqualTo("UnknownOperationException");
            }
            assertThat(emu.counters().requests(Operation.DETECT_FACES)).isZero();
            assertThat(emu.counters().totalRequests()).isEqualTo(5);
        }
    }
}
