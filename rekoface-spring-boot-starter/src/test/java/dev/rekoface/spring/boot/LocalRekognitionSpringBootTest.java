package dev.rekoface.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rekoface.Operation;
import dev.rekoface.RekofaceAsyncClient;
import dev.rekoface.RekofaceClient;
import dev.rekoface.image.ImageSource;
import dev.rekoface.model.FaceAttributes;
import dev.rekoface.model.FaceDetails;
import dev.rekoface.spring.boot.test.AutoConfigureLocalRekognition;
import dev.rekoface.testkit.emulator.RekognitionEmulator;
import dev.rekoface.testkit.fixtures.Fixtures;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;

/** An application's test: {@code @SpringBootTest} with {@code @AutoConfigureLocalRekognition}, no AWS account. */
@SpringBootTest(properties = "rekoface.region=eu-west-3")
@AutoConfigureLocalRekognition
class LocalRekognitionSpringBootTest {

    @Autowired
    RekofaceClient reko;

    @Autowired
    RekofaceAsyncClient asyncReko;

    @Autowired
    RekognitionEmulator emulator;

    @Autowired
    Environment environment;

    @Test
    void detectFaces_fixturePortrait_isAnsweredByTheEmulator() {
        long before = emulator.counters().requests(Operation.DETECT_FACES);
        List<FaceDetails> faces = reko.detectFaces(ImageSource.fromBytes(Fixtures.image("obama.jpg").bytes()), FaceAttributes.ALL);
        assertThat(faces).singleElement().satisfies(f -> {
            assertThat(f.confidence().orElseThrow()).isGreaterThan(90);
            assertThat(f.ageRange()).as("ALL attributes were asked").isPresent();
            assertThat(f.pixelBox()).isPresent();
        });
        assertThat(asyncReko.detectFaces(ImageSource.fromBytes(Fixtures.image("coffee.png").bytes())).join())
            .as("a photo without a face").isEmpty();
        assertThat(emulator.counters().requests(Operation.DETECT_FACES) - before).isEqualTo(2);
    }

    @Test
    void properties_pointTheBeansAtTheEmulatorAheadOfTheApplicationsOwn() {
        assertThat(environment.getProperty("rekoface.endpoint")).isEqualTo(emulator.endpoint().toString());
        assertThat(environment.getProperty("rekoface.region")).as("the slice's region wins over the test's").isEqualTo("us-east-1");
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {
    }
}
