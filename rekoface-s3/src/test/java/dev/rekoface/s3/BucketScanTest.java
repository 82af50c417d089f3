package dev.rekoface.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import dev.rekoface.InvalidArgumentException;
import dev.rekoface.RekofaceClient;
import dev.rekoface.image.ImageSource;
import dev.rekoface.model.FaceAttributes;
import dev.rekoface.model.Threshold;
import dev.rekoface.s3.scan.BucketScan;
import dev.rekoface.s3.scan.ScanProgress;
import dev.rekoface.s3.scan.ScanSummary;
import dev.rekoface.testkit.fixtures.Fixtures;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;

/** The "where's Ric?" scan over a bucket of the sample images, on S3Proxy and the emulator. */
class BucketScanTest {
    @RegisterExtension
    static LocalStack stack = new LocalStack();

    static S3Images s3;
    static RekofaceClient reko;
    static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void setUp() {
        s3 = stack.s3().images();
        reko = stack.rekognition();
        var raw = s3.s3Client();
        raw.putObject(b -> b.bucket(LocalStack.SAMPLES).key("photos/readme.jpg"), RequestBody.fromString("not a photo"));
        raw.putObject(b -> b.bucket(LocalStack.SAMPLES).key("photos/zz-copy-of-obama2.jpg"),
            RequestBody.fromBytes(Fixtures.image("obama2.jpg").bytes()));
        byte[] huge = new byte[15 * 1024 * 1024 + 10];
        new Random(3).nextBytes(huge);
        raw.putObject(b -> b.bucket(LocalStack.SAMPLES).key("photos/huge.png"), RequestBody.fromBytes(huge));
    }

    @AfterAll
    static void tearDown() {
        reko.close();
        s3.close();
    }

    private static BucketScan.Builder findObama(Path out) {
        return BucketScan.builder().images(s3).client(reko).source(S3Uri.parse("s3://" + LocalStack.SAMPLES + "/photos/"))
            .findFace(ImageSource.fromBytes(Fixtures.image("obama.jpg").bytes()), Threshold.percent(80))
            .output(out).concurrency(4);
    }

    private static Map<String, JsonNode> lines(Path out) throws Exception {
        Map<String, JsonNode> byKey = new LinkedHashMap<>();
        for (String l : Files.readAllLines(out, StandardCharsets.UTF_8)) {
            JsonNode n = JSON.readTree(l);
            assertThat(byKey.put(n.get("key").asString(), n)).as("key written twice: " + n.get("key")).isNull();
        }
        return byKey;
    }

    @Test
    void findFace_obamaInTheSamples_findsExactlyHisPhotos(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("obama.jsonl");
        List<ScanProgress> progress = new ArrayList<>();
        ScanSummary summary = findObama(out).onProgress(progress::add).build().run();
        Map<String, JsonNode> byKey = lines(out);
        List<String> matched = byKey.values().stream().filter(n -> n.get("status").asString().equals("match"))
            .map(n -> n.get("key").asString()).toList();
        assertThat(matched).containsExactly("photos/obama.jpg", "photos/obama2.jpg", "photos/two_people.jpg");
        assertThat(byKey.get("photos/biden.jpg").get("status").asString()).isEqualTo("no_match");
        assertThat(byKey.get("photos/astronaut.png").get("status").asString()).isEqualTo("no_match");
        assertThat(byKey.get("photos/coffee.png").get("status").asString()).isEqualTo("no_face");
        assertThat(byKey.get("photos/readme.jpg").get("status").asString()).isEqualTo("skipped");
        assertThat(byKey.get("photos/readme.jpg").get("reason").asString()).contains("not a JPEG or PNG");
        assertThat(byKey.get("photos/huge.png").get("status").asString()).isEqualTo("skipped");
        assertThat(byKey.get("photos/zz-copy-of-obama2.jpg").get("status").asString()).isEqualTo("duplicate");
        assertThat(byKey.get("photos/zz-copy-of-obama2.jpg").get("duplicateOf").asString()).isEqualTo("photos/obama2.jpg");
        JsonNode m = byKey.get("photos/two_people.jpg").get("matches").get(0);
        assertThat(m.get("similarity").asDouble()).isGreaterThanOrEqualTo(80);
        assertThat(m.get("box").get("width").asDouble()).isPositive();
        assertThat(new ArrayList<>(byKey.keySet())).as("lines in key order").isSorted();
        assertThat(summary.lines()).isEqualTo(byKey.size());
        assertThat(summary.count("match")).isEqualTo(3);
        assertThat(progress.get(progress.size() - 1).written()).isEqualTo(byKey.size());
    }

    @Test
    void resume_afterAKillMidWay_givesTheSameFileWithNoKeyTwice(@TempDir Path dir) throws Exception {
        Path full = dir.resolve("full.jsonl");
        findObama(full).build().run();

        Path cut = dir.resolve("cut.jsonl");
        Consumer<ScanProgress> killAfterFour = p -> {
            if (p.written() == 4) {
                throw new Killed();
            }
        };
        assertThatThrownBy(() -> findObama(cut).onProgress(killAfterFour).build().run()).isInstanceOf(Killed.class);
        assertThat(Files.readAllLines(cut)).hasSize(4);
        // a kill in the middle of a write leaves a torn line behind
        Files.writeString(cut, "{\"key\":\"photos/his-gi", java.nio.file.StandardOpenOption.APPEND);

        assertThatThrownBy(() -> findObama(cut).build().run()).isInstanceOf(InvalidArgumentException.class)
            .hasMessageContaining("already exists");
        ScanSummary resumed = findObama(cut).resume(true).build().run();
        assertThat(resumed.resumedAfter()).isNotNull();
        assertThat(Files.readString(cut)).isEqualTo(Files.readString(full));
        assertThat(new HashSet<>(lines(cut).keySet())).hasSize(Files.readAllLines(full).size());
    }

    static final class Killed extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }

    @Test
    void detect_countsFacesPerObject(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("faces.jsonl");
        BucketScan.builder().images(s3).client(reko).source(S3Uri.parse("s3://" + LocalStack.SAMPLES + "/photos/his"))
            .detectFaces(FaceAttributes.ALL).output(out).build().run();
        JsonNode film = lines(out).get("photos/his-girl-friday-1940.jpg");
        assertThat(film.get("status").asString()).isEqualTo("faces");
        assertThat(film.get("faces").asInt()).isEqualTo(3);
        assertThat(film.get("matches")).hasSize(3);
    }

    @Test
    void recognize_findsThePeopleOfACollection(@TempDir Path dir) throws Exception {
        var people = reko.collection("scan-people");
        people.createIfAbsent();
        people.index(ImageSource.fromBytes(Fixtures.image("biden.jpg").bytes()), "joe biden");
        Path out = dir.resolve("who.jsonl");
        BucketScan.builder().images(s3).client(reko).source(S3Uri.parse("s3://" + LocalStack.SAMPLES + "/photos/"))
            .recognize(people, Threshold.percent(80)).output(out).build().run();
        Map<String, JsonNode> byKey = lines(out);
        assertThat(byKey.get("photos/two_people.jpg").get("status").asString()).isEqualTo("match");
        assertThat(byKey.get("photos/biden.jpg").get("matches").get(0).get("personId").asString()).isEqualTo("joe biden");
        assertThat(byKey.get("photos/obama2.jpg").get("status").asString()).isEqualTo("no_match");
    }

    @Test
    void findFace_referenceWithoutFace_refusedBeforeScanning(@TempDir Path dir) {
        assertThatThrownBy(() -> BucketScan.builder().images(s3).client(reko)
            .source(S3Uri.parse("s3://" + LocalStack.SAMPLES + "/photos/"))
            .findFace(ImageSource.fromBytes(Fixtures.image("coffee.png").bytes()), Threshold.percent(80))
            .output(dir.resolve("x.jsonl")).build().run())
            .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("has no face");
        assertThat(dir.resolve("x.jsonl")).doesNotExist();
    }

    @Test
    void run_outputInMissingDirectory_saysWhichDirectoryIsMissing(@TempDir Path dir) {
        Path out = dir.resolve("no/such/dir/x.jsonl");
        assertThatThrownBy(() -> findObama(out).build().run()).isInstanceOf(java.io.UncheckedIOException.class)
            .hasMessage("cannot write scan output " + out + ": no such directory " + dir.resolve("no/such/dir").toAbsolutePath());
    }

    @Test
    void resume_outputWithALineThatIsNotJson_saysItCannotReadTheOutput(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("bad.jsonl");
        Files.writeString(out, "not json\n");
        assertThatThrownBy(() -> findObama(out).resume(true).build().run()).isInstanceOf(java.io.UncheckedIOException.class)
            .hasMessageStartingWith("cannot read scan output " + out + " to resume: ");
        assertThat(Files.readString(out)).isEqualTo("not json\n");
    }
}
