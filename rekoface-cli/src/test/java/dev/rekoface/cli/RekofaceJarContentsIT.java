package dev.rekoface.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rekoface.testkit.fixtures.Fixtures;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What the built {@code rekoface-cli/target/rekoface.jar} carries: the libraries the command line never loads stay out
 * (so a dependency bump cannot silently bring them back), what it needs stays in, and the face models and sample photos
 * are there once each. The jar's size is reported in the README, not tested.
 */
class RekofaceJarContentsIT {
    /** Entry prefixes of the families left out: test stubbing, unused S3Proxy back-ends, Netty, S3Proxy's metrics. */
    private static final List<String> EXCLUDED = List.of(
        "com/github/tomakehurst/wiremock/", "org/wiremock/", "org/eclipse/jetty/", "org/junit/", "org/opentest4j/",
        "dev/rekoface/testkit/junit/", "dev/rekoface/testkit/stub/RekognitionStubs",
        "org/jclouds/", "com/google/cloud/", "com/google/api/", "com/google/storage/", "com/google/auth/",
        "com/google/protobuf/", "io/grpc/", "io/opencensus/",
        "com/azure/", "com/microsoft/aad/", "reactor/", "com/sun/jna/",
        "org/openstack4j/", "okhttp3/", "org/yaml/snakeyaml/", "org/apache/sshd/",
        "io/netty/", "software/amazon/awssdk/http/nio/netty/",
        "io/opentelemetry/", "io/prometheus/", "org/kohsuke/args4j/",
        "com/fasterxml/jackson/dataformat/", "com/fasterxml/jackson/datatype/", "com/ctc/wstx/shaded/",
        "com/google/common/jimfs/");

    /** The fixture pack's photos without faces that only the library's tests use. */
    private static final List<String> PHOTOS_LEFT_OUT = List.of(
        "spheres_2.jpg", "hubble_deep_field.jpg", "market_2.jpg", "chelsea.png", "camera.png", "rocket.jpg");

    /** Classes the command line and its local stack load, some of them only by name. */
    private static final List<String> KEPT = List.of(
        "dev/rekoface/cli/RekofaceCli.class",
        "dev/rekoface/testkit/emulator/RekognitionEmulator.class",
        "org/gaul/s3proxy/S3Proxy.class", "org/gaul/s3proxy/nio2blob/FilesystemNio2BlobStore.class",
        "software/amazon/awssdk/services/rekognition/RekognitionClient.class",
        "software/amazon/awssdk/services/s3/S3Client.class",
        "software/amazon/awssdk/services/s3/presigner/S3Presigner.class",
        "software/amazon/awssdk/services/sts/StsClient.class",
        "software/amazon/awssdk/http/apache/ApacheSdkHttpService.class",
        "tools/jackson/dataformat/xml/XmlMapper.class", "com/ctc/wstx/stax/WstxInputFactory.class",
        "tools/jackson/databind/ObjectMapper.class",
        "picocli/CommandLine.class", "me/tongfei/progressbar/ProgressBar.class",
        "org/slf4j/simple/SimpleServiceProvider.class");

    private static List<String> entries;

    @BeforeAll
    static void readJar() throws IOException {
        Path jar = Path.of(System.getProperty("rekoface.jar", "target/rekoface.jar"));
        assertThat(jar).as("the runnable jar, built by mvn package").exists();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            entries = Collections.list(zip.entries()).stream().map(ZipEntry::getName).toList();
        }
    }

    @Test
    void entries_unusedLibraryFamilies_absent() {
        for (String prefix : EXCLUDED) {
            assertThat(entries).as("entries under %s", prefix).noneMatch(e -> e.startsWith(prefix));
        }
    }

    @Test
    void entries_whatTheCliLoads_present() {
        assertThat(entries).containsAll(KEPT);
        assertThat(entries).as("the SDK's Apache client, found through ServiceLoader")
            .contains("META-INF/services/software.amazon.awssdk.http.SdkHttpService");
    }

    @Test
    void jackson_onlyTheThirdGeneration_plusTheAnnotationsItUses() {
        assertThat(entries).as("Jackson 2's databind and core (rekoface and S3Proxy run on Jackson 3)")
            .noneMatch(e -> e.startsWith("com/fasterxml/jackson/databind/") || e.startsWith("com/fasterxml/jackson/core/"));
        assertThat(entries).contains("tools/jackson/databind/ObjectMapper.class", "tools/jackson/core/JsonParser.class",
            "com/fasterxml/jackson/annotation/JsonProperty.class");
    }

    @Test
    void faceModels_inJar_onceEach() {
        Map<String, Long> models = countByFileName(e -> e.matches(".*/face_[a-z_]+\\.(bin|tflite)"));
        assertThat(models).containsOnlyKeys("face_recognition_model.bin", "face_expression_model.bin",
            "face_detection_full_range.tflite", "face_detection_short_range.tflite");
        assertThat(models.values()).as("copies of each model").containsOnly(1L);
    }

    @Test
    void samplePhotos_inJar_onceEach() {
        List<String> photos = entries.stream().filter(e -> e.startsWith("rekoface/fixtures/images/") && !e.endsWith("/"))
            .map(RekofaceJarContentsIT::fileName).toList();
        assertThat(photos).as("every sample photo but the test-only ones")
            .containsExactlyInAnyOrderElementsOf(Fixtures.imageNames().stream()
                .filter(name -> !PHOTOS_LEFT_OUT.contains(name)).toList());
        assertThat(photos).contains("coffee.png", "plain-blue.png");
        Map<String, Long> copies = countByFileName(e -> photos.contains(fileName(e)));
        assertThat(copies.values()).as("copies of each sample photo anywhere in the jar").containsOnly(1L);
    }

    @Test
    void picocli_classFiles_newEnoughForClassDataSharing() throws IOException {
        Path jar = Path.of(System.getProperty("rekoface.jar", "target/rekoface.jar"));
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            List<? extends ZipEntry> classes = Collections.list(zip.entries()).stream()
                .filter(e -> e.getName().startsWith("picocli/") && e.getName().endsWith(".class")).toList();
            assertThat(classes).hasSizeGreaterThan(100);
            for (ZipEntry e : classes) {
                byte[] head = zip.getInputStream(e).readNBytes(8);
                int major = ((head[6] & 0xff) << 8) | (head[7] & 0xff);
                assertThat(major).as("class file version of %s (the archive refuses < 50, Java 6)", e.getName())
                    .isEqualTo(61);
            }
        }
    }

    private static Map<String, Long> countByFileName(Predicate<String> filter) {
        return entries.stream().filter(e -> !e.endsWith("/")).filter(filter)
            .collect(Collectors.groupingBy(RekofaceJarContentsIT::fileName, Collectors.counting()));
    }

    private static String fileName(String entry) {
        return entry.substring(entry.lastIndexOf('/') + 1);
    }
}
