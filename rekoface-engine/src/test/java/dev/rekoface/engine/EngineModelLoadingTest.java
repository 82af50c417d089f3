package dev.rekoface.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Model files are verified by SHA-256 before use. */
class EngineModelLoadingTest {

    @TempDir
    Path dir;

    @Test
    void load_directoryWithTamperedWeights_failsNamingFileAndHashes() throws IOException {
        copyAll();
        Path bin = dir.resolve(ModelStore.RECOGNITION_BIN);
        byte[] bytes = Files.readAllBytes(bin);
        bytes[1000] ^= 0x01;
        Files.write(bin, bytes);
        assertThatThrownBy(() -> FaceEngine.load(dir))
            .isInstanceOf(EngineModelException.class)
            .hasMessageContaining(ModelStore.RECOGNITION_BIN)
            .hasMessageContaining("corrupt")
            .hasMessageContaining(ModelStore.SHA256.get(ModelStore.RECOGNITION_BIN))
            .hasMessageContaining(ModelStore.sha256(bytes))
            .satisfies(e -> assertThat(((EngineModelException) e).file()).isEqualTo(ModelStore.RECOGNITION_BIN));
    }

    @Test
    void load_directoryWithTruncatedDetector_failsNamingFile() throws IOException {
        copyAll();
        Path model = dir.resolve(ModelStore.FULL_RANGE);
        byte[] bytes = Files.readAllBytes(model);
        Files.write(model, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        assertThatThrownBy(() -> FaceEngine.load(dir))
            .isInstanceOf(EngineModelException.class)
            .hasMessageContaining(ModelStore.FULL_RANGE)
            .hasMessageContaining(ModelStore.SHA256.get(ModelStore.FULL_RANGE));
    }

    @Test
    void load_directoryWithoutExpressionModel_failsNamingMissingFile() throws IOException {
        copyAll();
        Files.delete(dir.resolve(ModelStore.EXPRESSION_BIN));
        assertThatThrownBy(() -> FaceEngine.load(dir))
            .isInstanceOf(EngineModelException.class)
            .hasMessageContaining(ModelStore.EXPRESSION_BIN)
            .hasMessageContaining("missing");
    }

    @Test
    void load_directoryWithIntactCopies_loadsAndDescribesLikeTheShippedModels() throws IOException {
        copyAll();
        FaceEngine copy = FaceEngine.load(dir);
        float[] a = copy.describeChip(EngineReferenceTest.image("chip_obama1.png")).values();
        float[] b = EngineFixtures.engine().describeChip(EngineReferenceTest.image("chip_obama1.png")).values();
        assertThat(a).containsExactly(b);
        assertThat(copy.weightBytes()).isBetween(20_000_000L, 40_000_000L);
    }

    @Test
    void classpath_noticeAndLicences_shipNextToTheModels() throws IOException {
        for (String name : new String[] {"NOTICE-models.md", "LICENSE-Apache-2.0", "LICENSE-face-api-MIT"}) {
            try (InputStream in = getClass().getClassLoader().getResourceAsStream(ModelStore.RESOURCE_DIR + name)) {
                assertThat(in).as(name).isNotNull();
                if (name.startsWith("NOTICE")) {
                    String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                    assertThat(text).contains("FaceScrub").contains("VGG").contains("unknown");
                    for (String file : ModelStore.SHA256.keySet()) {
                        assertThat(text).contains(ModelStore.SHA256.get(file));
                    }
                }
            }
        }
    }

    @Test
    void notice_moduleCopy_isTheOneShippedInTheJar() throws IOException {
        // the module's NOTICE-models.md (read by people) and the jar's copy (next to the models) must not drift apart
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(ModelStore.RESOURCE_DIR + "NOTICE-models.md")) {
            assertThat(in).isNotNull();
            assertThat(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo(Files.readString(Path.of("NOTICE-models.md")));
        }
    }

    private void copyAll() throws IOException {
        for (String name : ModelStore.SHA256.keySet()) {
            try (InputStream in = getClass().getClassLoader().getResourceAsStream(ModelStore.RESOURCE_DIR + name)) {
                Files.copy(in, dir.resolve(name));
            }
        }
    }
}
