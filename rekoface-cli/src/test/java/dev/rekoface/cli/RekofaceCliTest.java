package dev.rekoface.cli;

import static dev.rekoface.cli.CliRun.run;
import static dev.rekoface.cli.CliRun.sample;
import static org.assertj.core.api.Assertions.assertThat;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every command's happy path, JSON shapes and exit codes, run in-process against one local stack reached with
 * {@code --endpoint} (the embedded default is exercised by {@link EmbeddedDefaultTest} and the jar tests).
 */
class RekofaceCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    private static LocalStack stack;

    @BeforeAll
    static void start() {
        stack = LocalStack.start(dir.resolve("stack"));
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    private static CliRun cli(String... args) {
        return run(stack, args);
    }

    private static JsonNode json(CliRun r) throws IOException {
        assertThat(r.code()).as(r.err()).isZero();
        return JSON.readTree(r.out());
    }

    @Test
    void help_onTheRootAndEveryCommand_exitsZero() {
        CliRun root = run("--help");
        assertThat(root.code()).isZero();
        assertThat(root.out()).contains("Usage: rekoface").contains("detect").contains("scan").contains("tour")
            .contains("Exit codes");
        for (List<String> cmd : List.of(List.of("detect"), List.of("compare"), List.of("labels"),
            List.of("collection", "create"), List.of("collection", "list"), List.of("index"), List.of("recognize"),
            List.of("forget"), List.of("users", "search"), List.of("scan"), List.of("upload"), List.of("presign"),
            List.of("local"), List.of("tour"))) {
            String[] args = new String[cmd.size() + 1];
            for (int i = 0; i < cmd.size(); i++) {
                args[i] = cmd.get(i);
            }
            args[cmd.size()] = "--help";
            CliRun r = run(args);
            assertThat(r.code()).as(String.join(" ", cmd)).isZero();
            assertThat(r.out()).contains("Usage: rekoface " + String.join(" ", cmd));
        }
    }

    @Test
    void detect_json_reportsTheAstronautsFaceWithPixelsAndEmotions() throws IOException {
        JsonNode doc = json(cli("detect", sample(dir, "astronaut.png"), "--attributes", "ALL", "--json"));
        assertThat(doc.get("faces")).hasSize(1);
        JsonNode face = doc.get("faces").get(0);
        assertThat(face.get("boundingBox").get("width").asDouble()).isBetween(0.1, 0.5);
        assertThat(face.get("pixelBox").get("width").asInt()).isBetween(50, 250);
        assertThat(face.get("dominantEmotion").asString()).isEqualTo("HAPPY");
        assertThat(face.get("emotions").size()).isEqualTo(8);
        assertThat(face.get("ageRange").get("low").asInt()).isLessThan(face.get("ageRange").get("high").asInt());
    }

    @Test
    void detect_table_andAnnotate_writeAPngWithTheBoxDrawn() throws IOException {
        Path png = dir.resolve("annotated.png");
        CliRun r = cli("detect", sample(dir, "two_people.jpg"), "--attributes", "EMOTIONS,AGE_RANGE", "--annotate",
            png.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("2 faces in").contains("box (WxH+X+Y)").contains("annotated copy: " + png);
        var image = ImageIO.read(png.toFile());
        var original = ImageIO.read(Path.of(sample(dir, "two_people.jpg")).toFile());
        assertThat(image.getWidth()).isEqualTo(original.getWidth());
        int changed = 0;
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                if (Math.abs((image.getRGB(x, y) & 0xff00) - (original.getRGB(x, y) & 0xff00)) > 0x4000) {
                    changed++;
                }
            }
        }
        assertThat(changed).as("pixels changed by the drawn boxes").isGreaterThan(200);
    }

    @Test
    void detect_anS3Object() throws IOException {
        JsonNode doc = json(cli("detect", "s3://" + LocalStack.SAMPLES_BUCKET + "/family-1128316.jpg", "--json"));
        assertThat(doc.get("faces")).hasSize(3);
    }

    @Test
    void compare_json_findsObamaOnceInTwoPeople() throws IOException {
        JsonNode doc = json(cli("compare", sample(dir, "obama.jpg"), sample(dir, "two_people.jpg"), "--json"));
        assertThat(doc.get("matches")).hasSize(1);
        assertThat(doc.get("matches").get(0).get("similarity").asDouble()).isGreaterThan(80);
        assertThat(doc.get("unmatched")).hasSize(1);
        assertThat(doc.get("threshold").asDouble()).isEqualTo(80.0);
    }

    @Test
    void compare_table_andADifferentPersonDoesNotMatch() {
        CliRun r = cli("compare", sample(dir, "biden.jpg"), sample(dir, "obama2.jpg"), "--threshold", "90");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("0 matches and 1 other face(s)").contains("no match");
    }

    @Test
    void labels_json() throws IOException {
        JsonNode doc = json(cli("labels", sample(dir, "obama.jpg"), "--json"));
        assertThat(doc.get("labels").findValuesAsString("name")).contains("Person", "Face");
    }

    @Test
    void collectionLifecycle_indexRecognizeUsersForget() throws IOException {
        assertThat(cli("collection", "create", "cli-staff").out()).startsWith("created collection cli-staff");
        assertThat(cli("collection", "create", "cli-staff").code()).isEqualTo(1);
        assertThat(cli("collection", "create", "cli-staff", "--if-absent").code()).isZero();
        JsonNode indexed = json(cli("index", sample(dir, "obama.jpg"), "--collection", "cli-staff", "--external-id",
            "Barack Obama", "--json"));
        assertThat(indexed.get("indexed")).hasSize(1);
        assertThat(indexed.get("indexed").get(0).get("personId").asString()).isEqualTo("Barack Obama");
        assertThat(cli("index", "s3://" + LocalStack.SAMPLES_BUCKET + "/biden.jpg", "-c", "cli-staff", "--person", "Joe")
            .code()).isZero();

        JsonNode who = json(cli("recognize", sample(dir, "obama2.jpg"), "--collection", "cli-staff", "--json"));
        assertThat(who.get("recognized").asBoolean()).isTrue();
        assertThat(who.get("personId").asString()).isEqualTo("Barack Obama");
        JsonNode nobody = json(cli("recognize", sample(dir, "Werner2.jpeg"), "-c", "cli-staff", "--json"));
        assertThat(nobody.get("recognized").asBoolean()).isFalse();

        JsonNode listed = json(cli("collection", "list", "--json"));
        assertThat(listed.get("collections").findValuesAsString("id")).contains("cli-staff");
        JsonNode described = json(cli("collection", "describe", "cli-staff", "--json"));
        assertThat(described.get("faceCount").asLong()).isEqualTo(2);
        JsonNode faces = json(cli("collection", "faces", "cli-staff", "--json"));
        assertThat(faces.get("faces").findValuesAsString("personId")).containsExactlyInAnyOrder("Barack Obama", "Joe");

        assertThat(cli("users", "create", "Barack Obama", "-c", "cli-staff").code()).isZero();
        JsonNode assoc = json(cli("users", "associate", "Barack Obama", "-c", "cli-staff", "--json"));
        assertThat(assoc.get("associated")).hasSize(1);
        JsonNode users = json(cli("users", "list", "-c", "cli-staff", "--json"));
        assertThat(users.get("users").findValuesAsString("personId")).containsExactly("Barack Obama");
        JsonNode search = json(cli("users", "search", sample(dir, "obama2.jpg"), "-c", "cli-staff", "--json"));
        assertThat(search.get("matches").get(0).get("personId").asString()).isEqualTo("Barack Obama");

        JsonNode forgot = json(cli("forget", "Barack Obama", "-c", "cli-staff", "--json"));
        assertThat(forgot.get("deletedFaceIds")).hasSize(1);
        assertThat(forgot.get("userDeleted").asBoolean()).isTrue();
        JsonNode after = json(cli("recognize", sample(dir, "obama2.jpg"), "-c", "cli-staff", "--json"));
        assertThat(after.get("recognized").asBoolean()).isFalse();

        assertThat(cli("collection", "delete", "cli-staff").out()).contains("deleted collection cli-staff");
        CliRun missing = cli("collection", "describe", "cli-staff");
        assertThat(missing.code()).isEqualTo(1);
        assertThat(missing.err()).contains("cli-staff");
    }

    @Test
    void scan_findsBarackInKeyOrder_andResumes() throws IOException {
        Path out = dir.resolve("scan.jsonl");
        JsonNode summary = json(cli("scan", "s3://" + LocalStack.SAMPLES_BUCKET, "--find", sample(dir, "obama2.jpg"),
            "--output", out.toString(), "--json"));
        List<String> lines = Files.readAllLines(out);
        assertThat(summary.get("lines").asLong()).isEqualTo(lines.size()).isGreaterThanOrEqualTo(24);
        assertThat(summary.get("byStatus").get("match").asLong()).isEqualTo(3);
        List<String> keys = lines.stream().map(l -> readKey(l)).toList();
        assertThat(keys).isSorted();
        assertThat(lines.stream().filter(l -> l.contains("\"status\":\"match\"")).map(RekofaceCliTest::readKey))
            .containsExactly("obama.jpg", "obama2.jpg", "two_people.jpg");

        CliRun again = cli("scan", "s3://" + LocalStack.SAMPLES_BUCKET, "--find", sample(dir, "obama2.jpg"),
            "--output", out.toString());
        assertThat(again.code()).isEqualTo(2);
        assertThat(again.err()).contains("--resume");

        List<String> firstHalf = lines.subList(0, 10);
        Files.write(out, firstHalf);
        Files.writeString(out, "{\"key\":\"torn", java.nio.file.StandardOpenOption.APPEND);
        CliRun resumed = cli("scan", "s3://" + LocalStack.SAMPLES_BUCKET, "--find", sample(dir, "obama2.jpg"),
            "--output", out.toString(), "--resume");
        assertThat(resumed.code()).as(resumed.err()).isZero();
        assertThat(resumed.out()).contains("resumed after " + readKey(lines.get(9)));
        assertThat(Files.readAllLines(out)).isEqualTo(lines);
    }

    private static String readKey(String line) {
        return JSON.readTree(line).get("key").asString();
    }

    @Test
    void upload_thenPresign_givesALinkThatServesTheBytes() throws Exception {
        String file = sample(dir, "coffee.png");
        JsonNode up = json(cli("upload", file, "s3://" + LocalStack.SAMPLES_BUCKET + "/cli/", "--json"));
        assertThat(up.get("uri").asString()).isEqualTo("s3://" + LocalStack.SAMPLES_BUCKET + "/cli/coffee.png");
        assertThat(up.get("format").asString()).isEqualTo("PNG");
        JsonNode link = json(cli("presign", up.get("uri").asString(), "--expires", "15m", "--json"));
        assertThat(link.get("method").asString()).isEqualTo("GET");
        assertThat(link.get("url").asString()).contains("X-Amz-Expires=900");
        HttpResponse<byte[]> got = HttpClient.newHttpClient().send(
            HttpRequest.newBuilder(URI.create(link.get("url").asString())).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(got.statusCode()).isEqualTo(200);
        assertThat(got.body()).isEqualTo(Files.readAllBytes(Path.of(file)));
    }

    @Test
    void badInput_exitsTwoWithOneLine_beforeAnyCall() throws IOException {
        Path gif = dir.resolve("anim.gif");
        Files.write(gif, "GIF89a\u0001\u0000\u0001\u0000\u0000\u0000\u0000;".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        long before = stack.emulator().counters().totalRequests();
        assertBadInput(cli("detect", dir.resolve("missing.jpg").toString()), "missing.jpg");
        assertBadInput(cli("detect", gif.toString()), "GIF");
        assertBadInput(cli("detect", "s3://x"), "s3://x");
        assertBadInput(cli("compare", sample(dir, "obama.jpg"), sample(dir, "biden.jpg"), "--threshold", "0.7"), "0.7");
        assertBadInput(cli("presign", "s3://" + LocalStack.SAMPLES_BUCKET + "/obama.jpg", "--expires", "8d"), "7 days");
        assertBadInput(cli("presign", "s3://" + LocalStack.SAMPLES_BUCKET + "/obama.jpg", "--expires", "soon"), "soon");
        assertBadInput(cli("detect", sample(dir, "obama.jpg"), "--attributes", "HAPPINESS"), "HAPPINESS");
        assertBadInput(cli("detect", sample(dir, "obama.jpg"), "--attributes", " , "), "names no attribute");
        assertBadInput(cli("scan", "s3://" + LocalStack.SAMPLES_BUCKET, "--output", dir.resolve("x.jsonl").toString()),
            "--find");
        assertBadInput(cli("upload", gif.toString(), "s3://" + LocalStack.SAMPLES_BUCKET + "/x.gif"), "GIF");
        assertBadInput(cli("detect"), "IMAGE");
        assertBadInput(cli("no-such-command"), "no-such-command");
        assertThat(stack.emulator().counters().totalRequests()).as("Rekognition calls made for bad input")
            .isEqualTo(before);
    }

    @Test
    void endpoint_notAnHttpUrl_exitsTwoNamingTheOption() {
        String image = sample(dir, "obama.jpg");
        assertBadInput(run("--endpoint", "ftp://x", "detect", image), "--endpoint ftp://x");
        assertBadInput(run("--endpoint", "localhost:9000", "detect", image), "--endpoint localhost:9000");
        assertBadInput(run("--endpoint", stack.rekognitionEndpoint().toString(), "--s3-endpoint", "s3.local",
            "detect", image), "--s3-endpoint s3.local");
    }

    @Test
    void backendOptions_withoutTheirBackend_exitTwoNamingTheOption() {
        String image = sample(dir, "obama.jpg");
        assertBadInput(run("--s3-endpoint", stack.s3Endpoint().toString(), "detect", image), "goes with --endpoint");
        assertBadInput(run("--region", "eu-west-1", "--endpoint", stack.rekognitionEndpoint().toString(), "detect", image),
            "goes with --aws");
    }

    private static void assertBadInput(CliRun r, String named) {
        assertThat(r.code()).as(r.err()).isEqualTo(2);
        assertThat(r.err().lines().filter(l -> !l.startsWith("Try '") && !l.startsWith("Did you mean")))
            .as("one error line and no backend started").hasSize(1);
        assertThat(r.err()).contains(named).doesNotContain("at dev.rekoface").doesNotContain("Exception");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void serviceErrors_exitOne_andVerboseAddsTheStackTrace() {
        CliRun r = cli("recognize", sample(dir, "obama.jpg"), "--collection", "no-such-collection");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.errLines()).isEqualTo(2); // the backend line and the error
        assertThat(r.err()).contains("no-such-collection").doesNotContain("\tat ");
        CliRun verbose = cli("recognize", sample(dir, "obama.jpg"), "--collection", "no-such-collection", "--verbose");
        assertThat(verbose.code()).isEqualTo(1);
        assertThat(verbose.err()).contains("\tat ");
    }

    @Test
    void index_ofAPhotoWithoutAFace_exitsOneAndSaysSo() {
        assertThat(cli("collection", "create", "cli-empty", "--if-absent").code()).isZero();
        CliRun r = cli("index", sample(dir, "coffee.png"), "--collection", "cli-empty", "--external-id", "nobody");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("no face of").contains("coffee.png");
        assertThat(cli("collection", "delete", "cli-empty").code()).isZero();
    }

    @Test
    void tour_reportsAFailingStep_andExitsOne() {
        // No samples bucket named: the stories that need S3 must fail and say so, the others must still run.
        CliRun r = run("--endpoint", stack.rekognitionEndpoint().toString(), "tour");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains("== seed 004").contains("== seed 000")
            .contains("-- FAILED: this example needs a bucket").contains("tour: 3 of 5 steps passed");
    }

    @Test
    void tour_onARunningStack_withItsBucket_passes() {
        CliRun r = cli("tour", "--bucket", LocalStack.SAMPLES_BUCKET);
        assertThat(r.code()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("tour: 5 of 5 steps passed").doesNotContain("FAILED");
    }

    @Test
    void backendLine_isPrintedOnceOnStderr() {
        CliRun r = cli("collection", "list");
        assertThat(r.code()).isZero();
        assertThat(r.err().lines().filter(l -> l.startsWith("rekoface: using "))).containsExactly(
            "rekoface: using Rekognition at " + stack.rekognitionEndpoint() + " and S3 at " + stack.s3Endpoint());
    }

    /** A valid JPEG of the sample {@code name} padded with comment segments to over {@code bytes}. */
    private static Path paddedJpeg(String name, int bytes) throws IOException {
        byte[] jpeg = Files.readAllBytes(Path.of(sample(dir, name)));
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(bytes + jpeg.length);
        out.write(jpeg, 0, 2); // SOI
        byte[] comment = new byte[65533];
        java.util.Arrays.fill(comment, (byte) 'x');
        while (out.size() < bytes) {
            out.write(0xFF);
            out.write(0xFE);
            out.write(0xFF);
            out.write(0xFF); // length 65535, itself included
            out.write(comment, 0, comment.length);
        }
        out.write(jpeg, 2, jpeg.length - 2);
        Path p = dir.resolve("big-" + name);
        Files.write(p, out.toByteArray());
        return p;
    }

    @Test
    void detect_imageOverFiveMegabytes_namesTheDownscaleOption_andDownscaleSendsIt() throws IOException {
        Path big = paddedJpeg("obama.jpg", 6 * 1024 * 1024);
        CliRun refused = cli("detect", big.toString());
        assertBadInput(refused, "--downscale");
        assertThat(refused.err()).contains(big.toString()).contains("s3://").doesNotContain("ImageOption").doesNotContain("DOWNSCALE_TO_FIT");
        JsonNode doc = json(cli("detect", big.toString(), "--downscale", "--json"));
        assertThat(doc.get("faces")).hasSize(1);
    }

    @Test
    void detect_base64TextFile_saysToDecodeIt_inTheCommandLinesTerms() throws IOException {
        Path text = dir.resolve("obama.b64");
        Files.writeString(text, java.util.Base64.getEncoder().encodeToString(Files.readAllBytes(Path.of(sample(dir, "obama.jpg")))));
        CliRun r = cli("detect", text.toString());
        assertBadInput(r, "base64 text of a JPEG");
        assertThat(r.err()).contains("base64 -d").doesNotContain("ImageSource").doesNotContain("fromBase64");
    }

    @Test
    void s3Uris_bucketWithoutKey_refusedByUploadAndDetectAlike_beforeAnyCall() {
        String file = sample(dir, "coffee.png");
        String bucket = "s3://" + LocalStack.SAMPLES_BUCKET;
        CliRun upload = cli("upload", file, bucket);
        assertBadInput(upload, "names the bucket " + LocalStack.SAMPLES_BUCKET + ", not an object");
        assertThat(upload.err()).contains(bucket + "/KEY").contains("end the URI with '/'");
        assertBadInput(cli("detect", bucket), "names the bucket " + LocalStack.SAMPLES_BUCKET + ", not an object");
        assertBadInput(cli("detect", bucket + "/photos/"), "names the prefix photos/");
        assertBadInput(cli("presign", bucket, "--expires", "1h"), "not an object");
    }

    @Test
    void upload_toBucketRootWithSlash_takesTheFileName_andAcceptsUpToFifteenMegabytes() throws IOException {
        JsonNode up = json(cli("upload", sample(dir, "obama2.jpg"), "s3://" + LocalStack.SAMPLES_BUCKET + "/", "--json"));
        assertThat(up.get("uri").asString()).isEqualTo("s3://" + LocalStack.SAMPLES_BUCKET + "/obama2.jpg");
        Path big = paddedJpeg("obama2.jpg", 6 * 1024 * 1024);
        JsonNode bigUp = json(cli("upload", big.toString(), "s3://" + LocalStack.SAMPLES_BUCKET + "/cli/big.jpg", "--json"));
        assertThat(bigUp.get("size").asLong()).isGreaterThan(6L * 1024 * 1024);
        Path huge = paddedJpeg("biden.jpg", 16 * 1024 * 1024);
        assertBadInput(cli("upload", huge.toString(), "s3://" + LocalStack.SAMPLES_BUCKET + "/cli/huge.jpg"), "15 MB");
    }

    @Test
    void scan_outputInMissingDirectory_namesTheDirectory_beforeAnyCall() {
        Path out = dir.resolve("no/such/dir/x.jsonl");
        CliRun r = cli("scan", "s3://" + LocalStack.SAMPLES_BUCKET, "--detect", "--output", out.toString());
        assertBadInput(r, "no such directory " + dir.resolve("no/such/dir").toAbsolutePath());
    }
}
