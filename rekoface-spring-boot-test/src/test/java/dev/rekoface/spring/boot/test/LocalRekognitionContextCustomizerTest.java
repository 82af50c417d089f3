package dev.rekoface.spring.boot.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rekoface.testkit.emulator.RekognitionEmulator;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.test.context.ContextCustomizer;

/** The slice's factory and customizer: which classes get an emulator, the properties, and the emulator's lifetime. */
class LocalRekognitionContextCustomizerTest {
    private final LocalRekognitionContextCustomizerFactory factory = new LocalRekognitionContextCustomizerFactory();

    @AutoConfigureLocalRekognition
    static class Annotated {
    }

    @AutoConfigureLocalRekognition
    static class AnnotatedToo {
    }

    @AutoConfigureLocalRekognition(faceEngine = false, region = "eu-west-1")
    static class OtherSettings {
    }

    @AutoConfigureLocalRekognition(faceEngine = false, s3 = true)
    static class WithS3 {
    }

    static class Plain {
    }

    @Test
    void factory_unannotatedClass_isLeftAlone() {
        assertThat(factory.createContextCustomizer(Plain.class, List.of())).isNull();
    }

    @Test
    void factory_sameSettings_giveEqualCustomizersSoTheContextIsCached() {
        ContextCustomizer a = factory.createContextCustomizer(Annotated.class, List.of());
        assertThat(a).isNotNull().isEqualTo(factory.createContextCustomizer(AnnotatedToo.class, List.of()))
            .hasSameHashCodeAs(factory.createContextCustomizer(AnnotatedToo.class, List.of()));
        assertThat(a).isNotEqualTo(factory.createContextCustomizer(OtherSettings.class, List.of()));
    }

    @Test
    void factory_nestedTestClass_takesTheEnclosingClassesAnnotation() {
        assertThat(factory.createContextCustomizer(
            LocalRekognitionContextCustomizerTestNested.Inner.class, List.of())).isNotNull();
    }

    @Test
    void customizeContext_startsAnEmulatorSetsThePropertiesAndStopsItWithTheContext() throws Exception {
        ContextCustomizer customizer = factory.createContextCustomizer(OtherSettings.class, List.of());
        URI endpoint;
        try (GenericApplicationContext context = new GenericApplicationContext()) {
            customizer.customizeContext(context, null);
            context.refresh();
            RekognitionEmulator emulator = context.getBean(RekognitionEmulator.class);
            endpoint = emulator.endpoint();
            assertThat(context.getEnvironment().getProperty("rekoface.endpoint")).isEqualTo(endpoint.toString());
            assertThat(context.getEnvironment().getProperty("rekoface.region")).isEqualTo("eu-west-1");
            assertThat(context.getEnvironment().getProperty("rekoface.credentials.access-key")).isNotBlank();
            assertThat(context.getEnvironment().getProperty("rekoface.credentials.secret-key")).isNotBlank();
            assertThat(context.getEnvironment().getPropertySources().iterator().next().getName())
                .isEqualTo(LocalRekognitionContextCustomizer.PROPERTY_SOURCE);
            assertThat(health(endpoint)).isEqualTo(200);
        }
        assertThatThrownBy(() -> health(endpoint)).as("stopped with the context").isInstanceOf(IOException.class);
    }

    @Test
    void customizeContext_s3_startsAnS3ServerTheEmulatorAndTheBeansShareAndStopsIt() throws Exception {
        ContextCustomizer customizer = factory.createContextCustomizer(WithS3.class, List.of());
        assertThat(customizer).isNotEqualTo(factory.createContextCustomizer(Annotated.class, List.of()));
        URI s3;
        try (GenericApplicationContext context = new GenericApplicationContext()) {
            customizer.customizeContext(context, null);
            context.refresh();
            s3 = URI.create(context.getEnvironment().getProperty("rekoface.s3.endpoint"));
            assertThat(s3.getHost()).isEqualTo("127.0.0.1");
            assertThat(health(s3)).as("S3 answers (an anonymous ListBuckets)").isBetween(200, 499);
            assertThat(context.containsBean(LocalRekognitionContextCustomizer.S3_BEAN_NAME)).isTrue();
        }
        assertThatThrownBy(() -> health(s3)).as("stopped with the context").isInstanceOf(IOException.class);
    }

    private static int health(URI endpoint) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        return http.send(HttpRequest.newBuilder(endpoint).GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}

/** A test class with a nested one, as JUnit's {@code @Nested} classes are. */
@AutoConfigureLocalRekognition
class LocalRekognitionContextCustomizerTestNested {
    class Inner {
    }
}
