package dev.rekoface.testkit.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import dev.rekoface.Operation;
import dev.rekoface.testkit.fixtures.Fixtures;
import dev.rekoface.testkit.junit.LocalRekognition;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The AWS CLI (as seed 001 uses it) against the emulator, with only {@code --endpoint-url} changed. */
@LocalRekognition
class EmulatorAwsCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    private RekognitionEmulator emu;

    @BeforeAll
    static void needsTheCli() {
        Assumptions.assumeTrue(ExternalTools.onPath("aws").isPresent(), "the AWS CLI ('aws') is not on the PATH; skipping the CLI tests");
        for (String name : List.of("obama.jpg", "obama2.jpg", "two_people.jpg", "his-girl-friday-1940.jpg", "coffee.png", "biden.jpg")) {
            Fixtures.image(name).writeTo(dir);
        }
    }

    @BeforeEach
    void setUp(RekognitionEmulator emulator) {
        this.emu = emulator;
    }

    private ExternalTools.Result aws(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("aws", "rekognition"));
        cmd.addAll(List.of(args));
        cmd.addAll(List.of("--endpoint-url", "http://localhost:" + emu.port(), "--output", "json"));
        return ExternalTools.run(dir, cmd);
    }

    private JsonNode ok(String... args) throws Exception {
        ExternalTools.Result r = aws(args);
        assertThat(r.exitCode()).as("aws %s failed: %s", String.join(" ", args), r.stderr()).isZero();
        return JSON.readTree(r.stdout());
    }

    @Test
    void collections_createListDescribe_work() throws Exception {
        JsonNode created = ok("create-collection", "--collection-id", "cli");
        assertThat(created.get("StatusCode").asInt()).isEqualTo(200);
        assertThat(created.get("CollectionArn").asString()).endsWith(":collection/cli");
        assertThat(ok("list-collections").get("CollectionIds").get(0).asString()).isEqualTo("cli");
        JsonNode d = ok("describe-collection", "--collection-id", "cli");
        assertThat(d.get("FaceCount").asInt()).isZero();
        assertThat(d.get("CreationTimestamp").isNumber() || d.get("CreationTimestamp").isString()).isTrue();
    }

    @Test
    void indexSearchAndListWithPaging_work() throws Exception {
        ok("create-collection", "--collection-id", "cli");
        JsonNode idx = ok("index-faces", "--collection-id", "cli", "--image-bytes", "fileb://his-girl-friday-1940.jpg",
            "--external-image-id", "film");
        assertThat(idx.get("FaceRecords")).hasSize(3);
        ok("index-faces", "--collection-id", "cli", "--image-bytes", "fileb://two_people.jpg");

        JsonNode search = ok("search-faces-by-image", "--collection-id", "cli", "--image-bytes", "fileb://obama2.jpg");
        assertThat(search.get("FaceMatches")).hasSize(1);
        assertThat(search.get("FaceMatches").get(0).get("Similarity").asDouble()).isGreaterThanOrEqualTo(90);

        // the CLI follows NextToken itself with --page-size
        emu.resetCounters();
        JsonNode all = ok("list-faces", "--collection-id", "cli", "--page-size", "2");
        assertThat(all.get("Faces")).hasSize(5);
        assertThat(emu.counters().requests(Operation.LIST_FACES)).isEqualTo(3);

        // --max-items gives a token to resume from
        JsonNode first = ok("list-faces", "--collection-id", "cli", "--max-items", "2", "--page-size", "2");
        assertThat(first.get("Faces")).hasSize(2);
        String token = first.get("NextToken").asString();
        JsonNode rest = ok("list-faces", "--collection-id", "cli", "--starting-token", token, "--page-size", "2");
        Set<String> ids = new HashSet<>();
        first.get("Faces").forEach(f -> ids.add(f.get("FaceId").asString()));
        rest.get("Faces").forEach(f -> ids.add(f.get("FaceId").asString()));
        assertThat(ids).hasSize(5);

        // and the raw --max-results/--next-token pair
        JsonNode page = ok("list-faces", "--collection-id", "cli", "--max-results", "4", "--no-paginate");
        assertThat(page.get("Faces")).hasSize(4);
        JsonNode next = ok("list-faces", "--collection-id", "cli", "--max-results", "4", "--no-paginate",
            "--next-token", page.get("NextToken").asString());
        assertThat(next.get("Faces")).hasSize(1);
        assertThat(next.has("NextToken")).isFalse();
    }

    @Test
    void compareAndDetect_work() throws Exception {
        JsonNode cmp = ok("compare-faces", "--source-image-bytes", "fileb://obama.jpg", "--target-image-bytes", "fileb://two_people.jpg");
        assertThat(cmp.get("FaceMatches")).hasSize(1);
        assertThat(cmp.get("UnmatchedFaces")).hasSize(1);
        JsonNode none = ok("compare-faces", "--source-image-bytes", "fileb://obama.jpg", "--target-image-bytes", "fileb://biden.jpg");
        assertThat(none.get("FaceMatches")).isEmpty();
        JsonNode det = ok("detect-faces", "--image-bytes", "fileb://his-girl-friday-1940.jpg", "--attributes", "ALL");
        assertThat(det.get("FaceDetails")).hasSize(3);
        assertThat(det.get("FaceDetails").get(0).get("Landmarks")).hasSize(30);
        assertThat(ok("detect-faces", "--image-bytes", "fileb://coffee.png").get("FaceDetails")).isEmpty();
    }

    @Test
    void errors_areTheServiceErrors() throws Exception {
        ExternalTools.Result missing = aws("describe-collection", "--collection-id", "nope");
        assertThat(missing.exitCode()).isNotZero();
        assertThat(missing.stderr()).contains("ResourceNotFoundException");

        Files.write(dir.resolve("tiny.gif"), new byte[] {'G', 'I', 'F', '8', '9', 'a', 1, 0, 1, 0, 0, 0, 0, ';'});
        ExternalTools.Result gif = aws("detect-faces", "--image-bytes", "fileb://tiny.gif");
        assertThat(gif.exitCode()).isNotZero();
        assertThat(gif.stderr()).contains("InvalidImageFormatException");

        ExternalTools.Result noFace = aws("compare-faces", "--source-image-bytes", "fileb://coffee.png", "--target-image-bytes",
            "fileb://obama.jpg");
        assertThat(noFace.stderr()).contains("InvalidParameterException").contains("There are no faces in the image");

        ExternalTools.Result bad = aws("create-collection", "--collection-id", "not/valid");
        assertThat(bad.stderr()).contains("ValidationException").contains("Member must satisfy regular expression pattern");
    }
}
