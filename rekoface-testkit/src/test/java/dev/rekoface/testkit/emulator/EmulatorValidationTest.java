package dev.rekoface.testkit.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import dev.rekoface.Operation;
import dev.rekoface.testkit.fixtures.Fixtures;
import dev.rekoface.testkit.junit.LocalRekognition;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Table-driven validation: for every implemented operation, every constrained member of its input in the service
 * model gets a violating value (and every required member is left out), and the emulator must answer the service's
 * error in the service's wording. The cases are generated from the model, not written by hand.
 */
@LocalRekognition(resetBetweenTests = false)
class EmulatorValidationTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String UUID = "0b8d4a3e-1c2f-4e5a-9b6c-7d8e9f0a1b2c";
    private static final String IMAGE = Base64.getEncoder().encodeToString(Fixtures.image("plain-blue.png").bytes());

    /** A valid request of each operation; the cases change one member at a time. */
    static Map<Operation, ObjectNode> baseRequests() {
        Map<Operation, ObjectNode> m = new EnumMap<>(Operation.class);
        for (Operation op : Operation.values()) {
            m.put(op, JSON.createObjectNode());
        }
        for (Operation op : List.of(Operation.DETECT_FACES, Operation.DETECT_LABELS, Operation.INDEX_FACES,
            Operation.SEARCH_FACES_BY_IMAGE, Operation.SEARCH_USERS_BY_IMAGE)) {
            m.get(op).putObject("Image").put("Bytes", IMAGE);
        }
        m.get(Operation.COMPARE_FACES).putObject("SourceImage").put("Bytes", IMAGE);
        m.get(Operation.COMPARE_FACES).putObject("TargetImage").put("Bytes", IMAGE);
        for (Operation op : Operation.values()) {
            if (ServiceModel.get().required(ServiceModel.get().inputShape(op.wireName())).contains("CollectionId")) {
                m.get(op).put("CollectionId", "validation");
            }
        }
        for (Operation op : List.of(Operation.CREATE_USER, Operation.DELETE_USER, Operation.ASSOCIATE_FACES, Operation.DISASSOCIATE_FACES)) {
            m.get(op).put("UserId", "user-1");
        }
        for (Operation op : List.of(Operation.DELETE_FACES, Operation.ASSOCIATE_FACES, Operation.DISASSOCIATE_FACES)) {
            m.get(op).putArray("FaceIds").add(UUID);
        }
        m.get(Operation.SEARCH_FACES).put("FaceId", UUID);
        return m;
    }

    record Case(Operation op, String description, ObjectNode body, String expectedCode, Pattern expectedMessage) {
    }

    static List<Case> cases() {
        ServiceModel model = ServiceModel.get();
        List<Case> out = new ArrayList<>();
        Map<Operation, ObjectNode> bases = baseRequests();
        for (Operation op : Operation.values()) {
            ObjectNode base = bases.get(op);
            // every required member left out
            for (String r : model.required(model.inputShape(op.wireName()))) {
                ObjectNode body = base.deepCopy();
                body.remove(r);
                out.add(new Case(op, "without " + r, body, "ValidationException",
                    message(ServiceModel.lowerFirst(r), "Member must not be null")));
            }
            // every constrained member with a violating value
            for (Map.Entry<String, JsonNode> e : model.flattenInput(op.wireName()).entrySet()) {
                String path = e.getKey();
                JsonNode shape = e.getValue();
                String wirePath = wirePath(path);
                for (Object[] v : violations(model, shape)) {
                    ObjectNode body = with(base, path, (JsonNode) v[0]);
                    String code = (String) v[2];
                    Pattern expected = code.equals("ValidationException") ? message(wirePath, (String) v[1]) : Pattern.compile((String) v[1]);
                    out.add(new Case(op, path + " " + v[3], body, code, expected));
                }
            }
        }
        return out;
    }

    /** The violating values of a shape: {value, expected constraint text, error code, description}. */
    static List<Object[]> violations(ServiceModel model, JsonNode shape) {
        List<Object[]> out = new ArrayList<>();
        String type = shape.get("type").asString();
        switch (type) {
            case "string" -> {
                if (shape.path("min").asInt(0) >= 1) {
                    out.add(new Object[] {JSON.getNodeFactory().textNode(""), "Member must have length greater than or equal to "
                        + shape.get("min").asInt(), "ValidationException", "too short"});
                }
                if (shape.has("max")) {
                    out.add(new Object[] {JSON.getNodeFactory().textNode("a".repeat(shape.get("max").asInt() + 1)),
                        "Member must have length less than or equal to " + shape.get("max").asInt(), "ValidationException", "too long"});
                }
                if (shape.has("pattern")) {
                    out.add(new Object[] {JSON.getNodeFactory().textNode("bad value!"), "Member must satisfy regular expression pattern: "
                        + Pattern.quote(shape.get("pattern").asString()), "ValidationException", "against the pattern"});
                }
                if (shape.has("enum")) {
                    out.add(new Object[] {JSON.getNodeFactory().textNode("NOT_A_VALUE"), "Member must satisfy enum value set: \\[",
                        "ValidationException", "not in the enum"});
                }
            }
            case "integer", "long", "float", "double" -> {
                if (shape.has("min")) {
                    out.add(new Object[] {JSON.getNodeFactory().numberNode(shape.get("min").asLong() - 1),
                        "Member must have value greater than or equal to " + shape.get("min").asLong(), "ValidationException", "below the minimum"});
                }
                if (shape.has("max")) {
                    out.add(new Object[] {JSON.getNodeFactory().numberNode(shape.get("max").asLong() + 1),
                        "Member must have value less than or equal to " + shape.get("max").asLong(), "ValidationException", "above the maximum"});
                }
            }
            case "list" -> {
                JsonNode item = model.shape(shape.get("member").get("shape").asString());
                if (shape.path("min").asInt(0) >= 1) {
                    out.add(new Object[] {JSON.createArrayNode(), "Member must have length greater than or equal to " + shape.get("min").asInt(),
                        "ValidationException", "empty"});
                }
                if (shape.has("max")) {
                    ArrayNode a = JSON.createArrayNode();
                    for (int i = 0; i <= shape.get("max").asInt(); i++) {
                        a.add(validItem(item));
                    }
                    out.add(new Object[] {a, "Member must have length less than or equal to " + shape.get("max").asInt(), "ValidationException", "too many"});
                }
                if (item.has("enum")) {
                    out.add(new Object[] {JSON.createArrayNode().add("NOT_A_VALUE"),
                        "Member must satisfy constraint: \\[Member must satisfy enum value set: \\[", "ValidationException", "item not in the enum"});
                }
                if (item.has("pattern")) {
                    out.add(new Object[] {JSON.createArrayNode().add("bad value!"),
                        "Member must satisfy constraint: \\[Member must satisfy regular expression pattern: ", "ValidationException", "item against the pattern"});
                }
            }
            case "blob" -> {
                out.add(new Object[] {JSON.getNodeFactory().textNode(""), "Member must have length greater than or equal to 1", "ValidationException", "empty"});
                byte[] big = new byte[shape.get("max").asInt() + 1];
                big[0] = (byte) 0xFF;
                big[1] = (byte) 0xD8;
                big[2] = (byte) 0xFF;
                out.add(new Object[] {JSON.getNodeFactory().textNode(Base64.getEncoder().encodeToString(big)), "Image size is too large\\.",
                    "ImageTooLargeException", "over 5 MB"});
            }
            case "map" -> {
                if (shape.has("max")) {
                    ObjectNode m = JSON.createObjectNode();
                    for (int i = 0; i <= shape.get("max").asInt(); i++) {
                        m.put("k" + i, "v");
                    }
                    out.add(new Object[] {m, "Member must have length less than or equal to " + shape.get("max").asInt(), "ValidationException", "too many entries"});
                }
            }
            default -> {
            }
        }
        return out;
    }

    private static JsonNode validItem(JsonNode item) {
        if (item.has("enum")) {
            return item.get("enum").get(0);
        }
        if (item.has("pattern") && item.get("pattern").asString().startsWith("[0-9a-f]{8}")) {
            return JSON.getNodeFactory().textNode(UUID);
        }
        return JSON.getNodeFactory().textNode("a");
    }

    private static Pattern message(String path, String constraintRegex) {
        return Pattern.compile("^\\d+ validation errors? detected: (.*; )?Value .* at '" + Pattern.quote(path)
            + "' failed to satisfy constraint: " + constraintRegex + ".*", Pattern.DOTALL);
    }

    private static String wirePath(String modelPath) {
        StringBuilder sb = new StringBuilder();
        for (String seg : modelPath.split("\\.")) {
            if (sb.length() > 0) {
                sb.append('.');
            }
            sb.append(ServiceModel.lowerFirst(seg));
        }
        return sb.toString();
    }

    private static ObjectNode with(ObjectNode base, String path, JsonNode value) {
        ObjectNode body = base.deepCopy();
        String[] segs = path.split("\\.");
        ObjectNode cur = body;
        for (int i = 0; i < segs.length - 1; i++) {
            JsonNode next = cur.get(segs[i]);
            if (next == null || !next.isObject()) {
                next = cur.putObject(segs[i]);
            }
            cur = (ObjectNode) next;
        }
        cur.set(segs[segs.length - 1], value);
        return body;
    }

    static HttpResponse<String> post(URI endpoint, String target, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(endpoint).header("Content-Type", "application/x-amz-json-1.1")
            .header("X-Amz-Target", target).POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @TestFactory
    Stream<DynamicTest> everyOperation_everyConstraintViolated_answersTheServiceError(RekognitionEmulator emu) {
        List<Case> cases = cases();
        // every implemented operation has cases, and the generator found the nested members too
        assertThat(cases.stream().map(Case::op).distinct()).hasSize(Operation.values().length);
        assertThat(cases).anyMatch(c -> c.description().startsWith("Image.S3Object.Bucket"));
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.op() + ": " + c.description(), () -> {
            HttpResponse<String> r = post(emu.endpoint(), c.op().target(), c.body().toString());
            JsonNode err = JSON.readTree(r.body());
            assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
            assertThat(err.path("__type").asString()).as(r.body()).isEqualTo(c.expectedCode());
            assertThat(r.headers().firstValue("x-amzn-ErrorType")).hasValue(c.expectedCode());
            assertThat(err.path("Message").asString()).matches(c.expectedMessage());
        }));
    }

    @Test
    void createCollection_badId_answersTheServiceExactMessage(RekognitionEmulator emu) throws Exception {
        HttpResponse<String> r = post(emu.endpoint(), "RekognitionService.CreateCollection", "{\"CollectionId\":\"x y\"}");
        assertThat(JSON.readTree(r.body()).get("Message").asString()).isEqualTo("1 validation error detected: Value 'x y' at "
            + "'collectionId' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.\\-]+");
    }

    @Test
    void request_twoViolations_countsBoth(RekognitionEmulator emu) throws Exception {
        HttpResponse<String> r = post(emu.endpoint(), "RekognitionService.ListCollections", "{\"MaxResults\":5000,\"NextToken\":\""
            + "t".repeat(300) + "\"}");
        assertThat(JSON.readTree(r.body()).get("Message").asString()).startsWith("2 validation errors detected: ");
    }

    @Test
    void unknownOperation_answersUnknownOperationException(RekognitionEmulator emu) throws Exception {
        HttpResponse<String> r = post(emu.endpoint(), "RekognitionService.StartFaceSearch", "{}");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(r.body()).get("__type").asString()).isEqualTo("UnknownOperationException");
        assertThat(r.headers().firstValue("x-amzn-RequestId")).isPresent();
    }

    @Test
    void malformedJson_answersSerializationException(RekognitionEmulator emu) throws Exception {
        HttpResponse<String> r = post(emu.endpoint(), "RekognitionService.ListCollections", "{not json");
        assertThat(JSON.readTree(r.body()).get("__type").asString()).isEqualTo("SerializationException");
        HttpResponse<String> t = post(emu.endpoint(), "RekognitionService.ListCollections", "{\"MaxResults\":\"ten\"}");
        assertThat(JSON.readTree(t.body()).get("__type").asString()).isEqualTo("SerializationException");
    }

    @Test
    void health_getRoot_answers200(RekognitionEmulator emu) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(emu.endpoint()).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
    }

    @Test
    void model_listsEveryImplementedOperation() {
        for (Operation op : Operation.values()) {
            assertThat(ServiceModel.get().hasOperation(op.wireName())).as(op.wireName()).isTrue();
        }
        for (Iterator<String> it = List.of("CompareFaces").iterator(); it.hasNext(); ) {
            assertThat(ServiceModel.get().errors(it.next())).contains("InvalidParameterException");
        }
    }
}
