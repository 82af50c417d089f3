package dev.rekoface.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rekoface.InvalidArgumentException;
import dev.rekoface.testkit.emulator.RekognitionEmulator;
import dev.rekoface.testkit.junit.LocalRekognition;
import dev.rekoface.testkit.junit.LocalRekognitionEndpoint;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import org.junit.jupiter.api.Test;

/** A story program's arguments: a running emulator with {@code --endpoint}, and clear refusals of anything else. */
@LocalRekognition
class ClientsTest {
    @Test
    void fromArgs_endpoint_runsTheStoryOnThatEmulator(@LocalRekognitionEndpoint URI endpoint,
                                                      RekognitionEmulator emulator) {
        StringWriter text = new StringWriter();
        try (Clients clients = Clients.fromArgs("--endpoint", endpoint.toString(), "--bucket", "photos")) {
            assertThat(clients.description()).isEqualTo("Rekognition at " + endpoint);
            assertThat(clients.bucket()).contains("photos");
            AddToCollection.run(clients.rekognition(), new PrintWriter(text, true));
        }
        assertThat(text.toString()).contains("check_face Werner3.jpeg: Werner Vogels");
        assertThat(emulator.counters().totalRequests()).isPositive();
    }

    @Test
    void s3_endpointWithoutS3Endpoint_refusedSayingWhatToPass(@LocalRekognitionEndpoint URI endpoint) {
        try (Clients clients = Clients.fromArgs("--endpoint", endpoint.toString())) {
            assertThat(clients.bucket()).isEmpty();
            assertThatThrownBy(clients::s3).isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("--s3-endpoint URL with --endpoint");
        }
    }

    @Test
    void fromArgs_unknownArgument_refusedNamingItAndTheUsage() {
        assertThatThrownBy(() -> Clients.fromArgs("--aws")).isInstanceOf(InvalidArgumentException.class)
            .hasMessageContaining("unknown argument '--aws'").hasMessageContaining(Clients.USAGE);
    }

    @Test
    void fromArgs_optionWithoutItsValue_refused() {
        assertThatThrownBy(() -> Clients.fromArgs("--endpoint")).isInstanceOf(InvalidArgumentException.class)
            .hasMessageContaining("--endpoint needs a value");
        assertThatThrownBy(() -> Clients.fromArgs("--bucket", "--endpoint", "http://127.0.0.1:1"))
            .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("--bucket needs a value");
    }

    @Test
    void fromArgs_s3EndpointWithoutEndpoint_refused() {
        assertThatThrownBy(() -> Clients.fromArgs("--s3-endpoint", "http://127.0.0.1:1"))
            .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("--s3-endpoint goes with --endpoint");
    }
}
