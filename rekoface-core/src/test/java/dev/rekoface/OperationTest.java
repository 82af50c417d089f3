package dev.rekoface;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rekoface.internal.operation.RekognitionOperation;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class OperationTest {

    @Test
    void fromWireName_everyWireName_returnsItsOperation() {
        for (Operation op : Operation.values()) {
            assertThat(Operation.fromWireName(op.wireName())).isEqualTo(op);
            assertThat(op.target()).isEqualTo("RekognitionService." + op.wireName());
            assertThat(op).hasToString(op.wireName());
        }
        assertThat(Operation.values()).hasSize(19);
    }

    @Test
    void fromWireName_unknownName_isRefusedListingTheKnownOnes() {
        assertThatThrownBy(() -> Operation.fromWireName("DetectFace"))
            .isInstanceOf(InvalidArgumentException.class)
            .hasMessage("operation 'DetectFace' is not a Rekognition operation rekoface knows (did you mean DetectFaces?); "
                + "known: DetectFaces, CompareFaces, DetectLabels, CreateCollection, DescribeCollection, ListCollections, "
                + "DeleteCollection, IndexFaces, ListFaces, DeleteFaces, SearchFaces, SearchFacesByImage, CreateUser, "
                + "DeleteUser, ListUsers, AssociateFaces, DisassociateFaces, SearchUsers, SearchUsersByImage");
        assertThatThrownBy(() -> Operation.fromWireName("detectfaces")).isInstanceOf(InvalidArgumentException.class)
            .hasMessageContaining("did you mean DetectFaces?");
        assertThatThrownBy(() -> Operation.fromWireName("StartFaceSearch")).isInstanceOf(InvalidArgumentException.class)
            .hasMessageNotContaining("did you mean").hasMessageContaining("known: DetectFaces");
        assertThatThrownBy(() -> Operation.fromWireName(null)).isInstanceOf(InvalidArgumentException.class)
            .hasMessageContaining("operation null");
    }

    @Test
    void find_looseSpellings_findTheOperation() {
        assertThat(Operation.find("compare-faces")).contains(Operation.COMPARE_FACES);
        assertThat(Operation.find("COMPARE_FACES")).contains(Operation.COMPARE_FACES);
        assertThat(Operation.find("comparefaces")).contains(Operation.COMPARE_FACES);
        assertThat(Operation.find("RekognitionService.CompareFaces")).contains(Operation.COMPARE_FACES);
        assertThat(Operation.find("CompareFace")).isEmpty();
        assertThat(Operation.find(null)).isEmpty();
        assertThat(Operation.SEARCH_USERS_BY_IMAGE.cliName()).isEqualTo("search-users-by-image");
    }

    /** Every operation is one class in core, named after it: {@code <WireName>Operation}, with a shared INSTANCE. */
    @Test
    void everyOperation_hasExactlyOneOperationClassNamedAfterIt() throws Exception {
        Path root = Path.of(RekofaceClient.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path dir = root.resolve("dev/rekoface/internal/operation");
        Map<Operation, String> classes = new EnumMap<>(Operation.class);
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                String name = p.getFileName().toString();
                if (!name.endsWith(".class") || name.contains("$")) {
                    continue;
                }
                Class<?> c = Class.forName("dev.rekoface.internal.operation." + name.replace(".class", ""));
                if (!RekognitionOperation.class.isAssignableFrom(c) || Modifier.isAbstract(c.getModifiers())) {
                    continue;
                }
                assertThat(Modifier.isFinal(c.getModifiers())).as(c + " is final").isTrue();
                RekognitionOperation<?, ?, ?, ?> op = (RekognitionOperation<?, ?, ?, ?>) c.getField("INSTANCE").get(null);
                assertThat(classes.put(op.operation(), c.getSimpleName())).as("second class for " + op.operation()).isNull();
                assertThat(c.getSimpleName()).isEqualTo(op.operation().wireName() + "Operation");
            }
        }
        assertThat(classes.keySet()).containsExactly(Operation.values());
    }
}
