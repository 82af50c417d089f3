package dev.rekoface.testkit.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;
import dev.rekoface.Operation;
import dev.rekoface.testkit.fixtures.Fixtures;
import dev.rekoface.testkit.junit.LocalRekognition;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Integers out of range and oversize requests, sent as raw JSON over HTTP: the SDKs cannot send an int member over
 * 2^31 (their types are Integer), the service's front end must still answer such requests with a typed 4xx error,
 * quote the value as it was sent, never wrap it, and never echo a megabyte back.
 */
@LocalRekognition
class EmulatorRequestLimitsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final String FACE = Base64.getEncoder().encodeToString(Fixtures.image("obama.jpg").bytes());

    private static HttpResponse<String> post(RekognitionEmulator emu, String op, String body) throws Exception {
        return send(emu.endpoint(), op, HttpRequest.BodyPublishers.ofString(body));
    }

    private static HttpResponse<String> send(URI endpoint, String op, HttpRequest.BodyPublisher body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(60))
            .header("Content-Type", "application/x-amz-json-1.1").header("X-Amz-Target", "RekognitionService." + op)
            .POST(body).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode error(HttpResponse<String> r, int status, String type) throws Exception {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        JsonNode e = JSON.readTree(r.body());
        assertThat(e.path("__type").asString()).as(r.body()).isEqualTo(type);
        assertThat(r.headers().firstValue("x-amzn-ErrorType")).hasValue(type);
        return e;
    }

    private static int faceCount(RekognitionEmulator emu, String collection) throws Exception {
        HttpResponse<String> r = post(emu, "DescribeCollection", "{\"CollectionId\":\"" + collection + "\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body()).get("FaceCount").asInt();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2147483648", "4294967297", "9223372036854775808", "99999999999999999999999999999999"})
    void indexFaces_maxFacesOverTheIntRange_answersValidationExceptionQuotingTheValueAsSent(String maxFaces, RekognitionEmulator emu)
        throws Exception {
        assertThat(post(emu, "CreateCollection", "{\"CollectionId\":\"wrap\"}").statusCode()).isEqualTo(200);
        HttpResponse<String> r = post(emu, "IndexFaces", "{\"CollectionId\":\"wrap\",\"Image\":{\"Bytes\":\"" + FACE
            + "\"},\"MaxFaces\":" + maxFaces + "}");
        JsonNode e = error(r, 400, "ValidationException");
        assertThat(e.get("Message").asString()).isEqualTo("1 validation error detected: Value '" + maxFaces + "' at 'maxFaces' "
            + "failed to satisfy constraint: Member must have value less than or equal to 2147483647");
        assertThat(faceCount(emu, "wrap")).isZero();
    }

    @Test
    void indexFaces_maxFacesAtTheIntMaximum_indexesTheFace(RekognitionEmulator emu) throws Exception {
        assertThat(post(emu, "CreateCollection", "{\"CollectionId\":\"edge\"}").statusCode()).isEqualTo(200);
        HttpResponse<String> r = post(emu, "IndexFaces", "{\"CollectionId\":\"edge\",\"Image\":{\"Bytes\":\"" + FACE
            + "\"},\"MaxFaces\":2147483647}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(faceCount(emu, "edge")).isEqualTo(1);
    }

    @Test
    void indexFaces_maxFacesNull_indexesAsIfAbsent(RekognitionEmulator emu) throws Exception {
        assertThat(post(emu, "CreateCollection", "{\"CollectionId\":\"nul\"}").statusCode()).isEqualTo(200);
        HttpResponse<String> r = post(emu, "IndexFaces", "{\"CollectionId\":\"nul\",\"Image\":{\"Bytes\":\"" + FACE
            + "\"},\"MaxFaces\":null}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(faceCount(emu, "nul")).isEqualTo(1);
    }

    @Test
    void searchFacesByImage_maxFacesOverTheLongRange_quotesTheValueUnwrapped(RekognitionEmulator emu) throws Exception {
        HttpResponse<String> r = post(emu, "SearchFacesByImage", "{\"CollectionId\":\"any\",\"Image\":{\"Bytes\":\"" + FACE
            + "\"},\"MaxFaces\":9223372036854775808}");
        assertThat(error(r, 400, "ValidationException").get("Message").asString()).isEqualTo("1 validation error detected: "
            + "Value '9223372036854775808' at 'maxFaces' failed to satisfy constraint: Member must have value less than or equal to 4096");
    }

    /**
     * Every integer member of every operation, from the model: one past the model's bound or the int range, and values
     * that wrap into range through int or long, are refused with the value as sent.
     */
    @TestFactory
    Stream<DynamicTest> everyIntegerMember_outOfRange_answersValidationExceptionWithTheValueAsSent(RekognitionEmulator emu) {
        ServiceModel model = ServiceModel.get();
        Map<Operation, ObjectNode> bases = EmulatorValidationTest.baseRequests();
        List<DynamicTest> tests = new ArrayList<>();
        BigInteger intMin = BigInteger.valueOf(Integer.MIN_VALUE);
        BigInteger intMax = BigInteger.valueOf(Integer.MAX_VALUE);
        for (Operation op : Operation.values()) {
            for (Map.Entry<String, JsonNode> m : model.flattenInput(op.wireName()).entrySet()) {
                JsonNode shape = m.getValue();
                if (!"integer".equals(shape.get("type").asString())) {
                    continue;
                }
                BigInteger max = shape.has("max") ? BigInteger.valueOf(shape.get("max").asLong()) : intMax;
                BigInteger min = shape.has("min") ? BigInteger.valueOf(shape.get("min").asLong()) : intMin;
                List<BigInteger> over = List.of(max.add(BigInteger.ONE), intMax.add(BigInteger.ONE),
                    BigInteger.TWO.pow(32).add(BigInteger.ONE), BigInteger.TWO.pow(63), BigInteger.TEN.pow(40));
                List<BigInteger> under = List.of(min.subtract(BigInteger.ONE), intMin.subtract(BigInteger.ONE),
                    BigInteger.TWO.pow(64).negate().add(BigInteger.valueOf(5)), BigInteger.TEN.pow(40).negate());
                String wirePath = String.join(".", Stream.of(m.getKey().split("\\.")).map(ServiceModel::lowerFirst).toList());
                for (BigInteger v : over) {
                    tests.add(integerCase(emu, op, bases.get(op), m.getKey(), wirePath, v, "less than or equal to " + max));
                }
                for (BigInteger v : under) {
                    tests.add(integerCase(emu, op, bases.get(op), m.getKey(), wirePath, v, "greater than or equal to " + min));
                }
            }
        }
        assertThat(tests).hasSizeGreaterThan(50);
        return tests.stream();
    }

    private static DynamicTest integerCase(RekognitionEmulator emu, Operation op, ObjectNode base, String path, String wirePath,
                                           BigInteger value, String bound) {
        return DynamicTest.dynamicTest(op.wireName() + " " + path + "=" + value, () -> {
            // spliced as text, so that the JSON number is exactly the digits under test
            String body = with(base, path, "__V__").replace("\"__V__\"", value.toString());
            HttpResponse<String> r = post(emu, op.wireName(), body);
            String message = error(r, 400, "ValidationException").get("Message").asString();
            assertThat(message).matches(Pattern.compile(".*Value '" + value + "' at '" + Pattern.quote(wirePath)
                + "' failed to satisfy constraint: Member must have value " + bound + "(;.*|$)", Pattern.DOTALL));
        });
    }

    private static String with(ObjectNode base, String path, String text) {
        ObjectNode body = base.deepCopy();
        String[] segs = path.split("\\.");
        ObjectNode cur = body;
        for (int i = 0; i < segs.length - 1; i++) {
            JsonNode next = cur.get(segs[i]);
            cur = next != null && next.isObject() ? (ObjectNode) next : cur.putObject(segs[i]);
        }
        cur.put(segs[segs.length - 1], text);
        return body.toString();
    }

    @Test
    void anyOperation_fiftyMegabyteBody_answers413WithoutReadingItAsJson(RekognitionEmulator emu) throws Exception {
        byte[] big = new byte[50 * 1024 * 1024];
        java.util.Arrays.fill(big, (byte) 'A');
        byte[] head = "{\"Image\":{\"Bytes\":\"".getBytes(StandardCharsets.US_ASCII);
        byte[] tail = "\"}}".getBytes(StandardCharsets.US_ASCII);
        byte[] body = new byte[head.length + big.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(big, 0, body, head.length, big.length);
        System.arraycopy(tail, 0, body, head.length + big.length, tail.length);
        HttpResponse<String> r = send(emu.endpoint(), "DetectFaces", HttpRequest.BodyPublishers.ofByteArray(body));
        JsonNode e = error(r, 413, "RequestEntityTooLargeException");
        assertThat(e.get("Message").asString()).contains(String.valueOf(body.length)).contains("DetectFaces")
            .contains("limit is " + RequestBody.limit(java.util.Optional.of(Operation.DETECT_FACES)));
        // the server still answers
        assertThat(post(emu, "ListCollections", "{}").statusCode()).isEqualTo(200);
    }

    @Test
    void anyOperation_oversizeChunkedBody_answers413(RekognitionEmulator emu) throws Exception {
        // no Content-Length: the bound is applied while reading
        InputStream in = new SequenceInputStream(new ByteArrayInputStream("{\"CollectionId\":\"".getBytes(StandardCharsets.US_ASCII)),
            new ByteArrayInputStream(new byte[3 * 1024 * 1024]));
        HttpResponse<String> r = send(emu.endpoint(), "CreateCollection", HttpRequest.BodyPublishers.ofInputStream(() -> in));
        assertThat(error(r, 413, "RequestEntityTooLargeException").get("Message").asString()).contains("CreateCollection");
        assertThat(post(emu, "ListCollections", "{}").statusCode()).isEqualTo(200);
    }

    @Test
    void compareFaces_twoImagesOfFiveMegabytes_fitTheBodyLimit() {
        long base64 = (5L * 1024 * 1024 + 2) / 3 * 4;
        assertThat(RequestBody.limit(java.util.Optional.of(Operation.COMPARE_FACES))).isGreaterThan(2 * base64 + 1000)
            .isLessThan(16L * 1024 * 1024);
        assertThat(RequestBody.limit(java.util.Optional.of(Operation.DETECT_FACES))).isGreaterThan(base64 + 1000)
            .isLessThan(8L * 1024 * 1024);
        assertThat(RequestBody.limit(java.util.Optional.of(Operation.LIST_FACES))).isEqualTo(1024 * 1024);
    }

    @Test
    void detectFaces_imageJustOverFiveMegabytes_stillAnswersImageTooLarge(RekognitionEmulator emu) throws Exception {
        byte[] img = new byte[5 * 1024 * 1024 + 1];
        img[0] = (byte) 0xFF;
        img[1] = (byte) 0xD8;
        img[2] = (byte) 0xFF;
        HttpResponse<String> r = post(emu, "DetectFaces", "{\"Image\":{\"Bytes\":\"" + Base64.getEncoder().encodeToString(img) + "\"}}");
        error(r, 400, "ImageTooLargeException");
    }

    @Test
    void createCollection_megabyteId_echoesItCutWithItsLength(RekognitionEmulator emu) throws Exception {
        String id = "x".repeat(999_999) + "!";
        HttpResponse<String> r = post(emu, "CreateCollection", "{\"CollectionId\":\"" + id + "\"}");
        String m = error(r, 400, "ValidationException").get("Message").asString();
        assertThat(m).startsWith("2 validation errors detected: Value '" + "x".repeat(ServiceError.MAX_SHOWN)
            + "...(1000000 characters)' at 'collectionId' failed to satisfy constraint: Member must have length less than or equal to 255");
        assertThat(m.length()).isLessThan(1200);
    }

    @Test
    void indexFaces_fiveMegabyteExternalImageId_echoesItCut(RekognitionEmulator emu) throws Exception {
        String id = "x".repeat(5 * 1024 * 1024);
        HttpResponse<String> r = post(emu, "IndexFaces", "{\"CollectionId\":\"c\",\"ExternalImageId\":\"" + id
            + "\",\"Image\":{\"Bytes\":\"" + FACE + "\"}}");
        String m = error(r, 400, "ValidationException").get("Message").asString();
        assertThat(m).contains("...(" + id.length() + " characters)' at 'externalImageId'");
        assertThat(m.length()).isLessThan(600);
    }

    @Test
    void createCollection_unpairedSurrogateInId_answersValidationExceptionQuotingIt(RekognitionEmulator emu) throws Exception {
        HttpResponse<String> r = post(emu, "CreateCollection", "{\"CollectionId\":\"a\\ud800b\"}");
        assertThat(r.body()).contains("Value 'a\\uD800b' at 'collectionId'");
        assertThat(error(r, 400, "ValidationException").get("Message").asString()).contains("Value 'a\ud800b' at 'collectionId'");
    }

    @Test
    void listCollections_numberLongerThanTheParserAllows_answersSerializationException(RekognitionEmulator emu) throws Exception {
        HttpResponse<String> r = post(emu, "ListCollections", "{\"MaxResults\":" + "9".repeat(5000) + "}");
        assertThat(error(r, 400, "SerializationException").get("Message").asString()).startsWith("Request body is over a limit of the JSON parser")
            .doesNotContain("StreamReadConstraints");
    }

    @Test
    void awsCli_indexFacesMaxFacesOverTheIntRange_failsWithValidationException(RekognitionEmulator emu, @TempDir Path dir)
        throws Exception {
        Assumptions.assumeTrue(ExternalTools.onPath("aws").isPresent(), "the AWS CLI ('aws') is not on the PATH");
        Fixtures.image("obama.jpg").writeTo(dir);
        assertThat(post(emu, "CreateCollection", "{\"CollectionId\":\"cli\"}").statusCode()).isEqualTo(200);
        ExternalTools.Result r = ExternalTools.run(dir, List.of("aws", "rekognition", "index-faces", "--collection-id", "cli",
            "--image-bytes", "fileb://obama.jpg", "--max-faces", "9223372036854775808",
            "--endpoint-url", "http://localhost:" + emu.port(), "--output", "json"));
        assertThat(r.exitCode()).as(r.stdout()).isNotZero();
        assertThat(r.stderr()).contains("ValidationException").contains("'9223372036854775808'")
            .contains("less than or equal to 2147483647");
        assertThat(faceCount(emu, "cli")).isZero();
    }

    @Test
    void detectFaces_imageAsArraysNestedSevenHundredDeep_answersMemberMustBeAStructureQuotingItCut(RekognitionEmulator emu)
        throws Exception {
        String nested = "[".repeat(700) + "]".repeat(700);
        HttpResponse<String> r = post(emu, "DetectFaces", "{\"Image\":" + nested + "}");
        assertThat(error(r, 400, "SerializationException").get("Message").asString())
            .startsWith("Value '" + "[".repeat(ServiceError.MAX_SHOWN))
            .endsWith("...(1400 characters)' at 'image' failed to satisfy constraint: Member must be a structure");
    }

    @Test
    void detectFaces_nestedOneLevelDeeperThanTheParserAllows_answersSerializationExceptionNamingTheLimit(
        RekognitionEmulator emu) throws Exception {
        HttpResponse<String> r = post(emu, "DetectFaces", "{\"Image\":" + "[".repeat(1000) + "]".repeat(1000) + "}");
        assertThat(error(r, 400, "SerializationException").get("Message").asString()).isEqualTo("Request body is over a limit "
            + "of the JSON parser: Document nesting depth (1001) exceeds the maximum allowed (1000)");
    }

    @Test
    void createCollection_contentAfterTheObject_isIgnored(RekognitionEmulator emu) throws Exception {
        assertThat(post(emu, "CreateCollection", "{\"CollectionId\":\"trailing\"} {\"CollectionId\":\"second\"}").statusCode())
            .isEqualTo(200);
        assertThat(faceCount(emu, "trailing")).isZero();
        assertThat(post(emu, "DescribeCollection", "{\"CollectionId\":\"second\"}").statusCode()).isEqualTo(400);
    }
}
