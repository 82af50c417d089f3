package dev.rekoface.testkit.emulator;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import dev.rekoface.Operation;
import dev.rekoface.testkit.fixtures.Fixtures;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Function;

/**
 * Builds random and mutated Rekognition requests for {@link EmulatorFuzzTest}: valid requests generated from the
 * service model's input shapes, and the recorded requests of the fixture pack, then broken in one to three ways at
 * the member level (wrong types, missing and extra members, extreme numbers and strings, bad base64, truncated and
 * garbled image bytes) or at the wire level (broken JSON, random targets, methods and content types).
 *
 * <p>Deterministic: the same {@link Random} gives the same request.
 */
final class FuzzRequests {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final String JSON_TYPE = "application/x-amz-json-1.1";
    /** Small fixture images, so that a thousand requests stay fast; the mutations start from their bytes. */
    static final List<String> IMAGES = List.of("plain-blue.png", "astronaut-exif-rotated.jpg", "Werner2.jpeg", "camera.png",
        "obama2.jpg", "obama.jpg");

    /** One request to send: what it is (for the failure report) and its HTTP parts. */
    record Request(String description, String method, String target, String contentType, byte[] body) {
        String bodyExcerpt() {
            String s = new String(body, 0, Math.min(body.length, 240), StandardCharsets.UTF_8).replaceAll("[\\p{Cntrl}]", "?");
            return s + (body.length > 240 ? "...(" + body.length + " bytes)" : "");
        }
    }

    private final ServiceModel model = ServiceModel.get();
    private final Map<String, byte[]> images = new LinkedHashMap<>();
    private final Map<Operation, List<JsonNode>> recorded = new LinkedHashMap<>();
    private final List<String> faceIds;
    private final String collection;
    private final String user;

    /**
     * @param collection an existing collection the valid requests name
     * @param user an existing user of it
     * @param faceIds faces indexed in it
     */
    FuzzRequests(String collection, String user, List<String> faceIds) {
        this.collection = collection;
        this.user = user;
        this.faceIds = List.copyOf(faceIds);
        for (String name : IMAGES) {
            images.put(name, Fixtures.image(name).bytes());
        }
        for (String name : Fixtures.responseNames()) {
            String file = name.substring(name.indexOf('/') + 1);
            if (!file.contains("request")) {
                continue;
            }
            Operation.find(file.substring(0, file.indexOf('.'))).ifPresent(op ->
                recorded.computeIfAbsent(op, k -> new ArrayList<>()).add(JSON.readTree(Fixtures.response(name))));
        }
    }

    /** Returns how many operations have recorded requests in the fixture pack. */
    int recordedOperations() {
        return recorded.size();
    }

    /** Returns a valid request of an operation, generated from the model (with real images, faces and users). */
    ObjectNode valid(Operation op, Random r) {
        return (ObjectNode) value(model.inputShape(op.wireName()), "", r, 0, true);
    }

    /** Builds the request of one fuzz case. */
    Request next(Operation op, Random r) {
        List<String> what = new ArrayList<>();
        ObjectNode body;
        List<JsonNode> rec = recorded.getOrDefault(op, List.of());
        if (!rec.isEmpty() && r.nextInt(4) == 0) {
            body = (ObjectNode) rec.get(r.nextInt(rec.size())).deepCopy();
            what.add("recorded " + op.wireName() + " request");
            if (r.nextBoolean()) {
                withRealImages(body, r, what);
            }
        } else {
            body = valid(op, r);
            what.add("model-generated " + op.wireName() + " request");
        }
        int kind = r.nextInt(100);
        if (kind < 12) {
            // unmutated: random but valid, so that the operations' own logic is fuzzed too
            return new Request(String.join("; ", what), "POST", op.target(), JSON_TYPE, bytes(body));
        }
        if (kind < 70) {
            int n = 1 + r.nextInt(3);
            for (int i = 0; i < n; i++) {
                body = mutateMember(body, r, what);
            }
            return new Request(String.join("; ", what), "POST", op.target(), JSON_TYPE, bytes(body));
        }
        if (kind < 82) {
            byte[] raw = mutateBytes(bytes(body), r, what);
            return new Request(String.join("; ", what), "POST", op.target(), JSON_TYPE, raw);
        }
        if (kind < 92) {
            String target = target(op, r, what);
            return new Request(String.join("; ", what), "POST", target, JSON_TYPE, bytes(body));
        }
        if (kind < 97) {
            String type = contentType(r, what);
            return new Request(String.join("; ", what), "POST", op.target(), type, bytes(body));
        }
        String method = List.of("PUT", "DELETE", "PATCH", "OPTIONS", "GET", "HEAD").get(r.nextInt(6));
        what.add("method " + method);
        return new Request(String.join("; ", what), method, op.target(), JSON_TYPE, bytes(body));
    }

    // ---------------------------------------------------------------- valid values from the model

    private JsonNode value(String shapeName, String member, Random r, int depth, boolean required) {
        JsonNode shape = model.shape(shapeName);
        switch (shape.get("type").asString()) {
            case "structure" -> {
                ObjectNode o = F.objectNode();
                List<String> req = model.required(shapeName);
                if ("Image".equals(shapeName)) {
                    if (r.nextInt(8) == 0) {
                        o.set("S3Object", value("S3Object", "S3Object", r, depth + 1, true));
                    } else {
                        o.put("Bytes", base64(randomImage(r)));
                    }
                    return o;
                }
                for (Iterator<Map.Entry<String, JsonNode>> it = shape.get("members").properties().iterator(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> m = it.next();
                    if (req.contains(m.getKey()) || (depth < 3 && r.nextInt(3) == 0)) {
                        o.set(m.getKey(), value(m.getValue().get("shape").asString(), m.getKey(), r, depth + 1, req.contains(m.getKey())));
                    }
                }
                return o;
            }
            case "list" -> {
                ArrayNode a = F.arrayNode();
                int min = shape.path("min").asInt(0);
                int n = Math.max(min, r.nextInt(3));
                n = Math.min(n, shape.path("max").asInt(Integer.MAX_VALUE));
                for (int i = 0; i < n; i++) {
                    a.add(value(shape.get("member").get("shape").asString(), member, r, depth + 1, true));
                }
                return a;
            }
            case "map" -> {
                ObjectNode o = F.objectNode();
                for (int i = r.nextInt(3); i > 0; i--) {
                    o.put("key" + i, "value" + i);
                }
                return o;
            }
            case "string" -> {
                return F.textNode(stringFor(shapeName, shape, r));
            }
            case "integer", "long" -> {
                long min = shape.path("min").asLong(0);
                long max = Math.min(shape.path("max").asLong(Integer.MAX_VALUE), min + 100);
                return F.numberNode(min + (long) r.nextInt((int) (max - min + 1)));
            }
            case "float", "double" -> {
                double min = shape.path("min").asDouble(0);
                double max = shape.path("max").asDouble(100);
                return F.numberNode(min + r.nextDouble() * (max - min));
            }
            case "boolean" -> {
                return F.booleanNode(r.nextBoolean());
            }
            case "blob" -> {
                return F.textNode(base64(randomImage(r)));
            }
            default -> {
                return F.nullNode();
            }
        }
    }

    private String stringFor(String shapeName, JsonNode shape, Random r) {
        if (shape.has("enum")) {
            JsonNode e = shape.get("enum");
            return e.get(r.nextInt(e.size())).asString();
        }
        return switch (shapeName) {
            case "CollectionId" -> r.nextInt(6) == 0 ? "fuzz-" + r.nextInt(4) : collection;
            case "UserId" -> r.nextInt(4) == 0 ? "user-" + r.nextInt(4) : user;
            case "FaceId" -> faceIds.isEmpty() || r.nextInt(4) == 0 ? new UUID(r.nextLong(), r.nextLong()).toString() : faceIds.get(r.nextInt(faceIds.size()));
            case "ExternalImageId" -> "ext_" + r.nextInt(100);
            case "ClientRequestToken" -> "token-" + r.nextInt(1000);
            case "S3Bucket" -> "fuzz-bucket";
            case "S3ObjectName" -> "photos/" + IMAGES.get(r.nextInt(IMAGES.size()));
            case "S3ObjectVersion" -> "v1";
            case "PaginationToken" -> r.nextBoolean() ? "bm90IGEgdG9rZW4" : Base64.getUrlEncoder().encodeToString(
                ("ListFaces\n" + new UUID(r.nextLong(), r.nextLong())).getBytes(StandardCharsets.UTF_8));
            case "GeneralLabelsFilterValue" -> "Person";
            default -> "a" + r.nextInt(10);
        };
    }

    private byte[] randomImage(Random r) {
        return images.get(IMAGES.get(r.nextInt(IMAGES.size())));
    }

    private void withRealImages(JsonNode node, Random r, List<String> what) {
        if (node instanceof ObjectNode o) {
            if (o.has("Bytes")) {
                String name = IMAGES.get(r.nextInt(IMAGES.size()));
                o.put("Bytes", base64(images.get(name)));
                what.add("its image bytes replaced by " + name);
            }
            o.forEach(child -> withRealImages(child, r, what));
        }
    }

    // ---------------------------------------------------------------- member mutations

    /** A place in the tree: its parent (object or array) and its key or index; the root has no parent. */
    private record Slot(JsonNode parent, String key, int index, String path, JsonNode value) {
    }

    private static void slots(JsonNode node, JsonNode parent, String key, int index, String path, List<Slot> out) {
        out.add(new Slot(parent, key, index, path, node));
        if (node.isObject()) {
            node.properties().forEach(e -> slots(e.getValue(), node, e.getKey(), -1, path + "." + e.getKey(), out));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                slots(node.get(i), node, null, i, path + "[" + i + "]", out);
            }
        }
    }

    private static void replace(Slot s, JsonNode v) {
        if (s.parent() instanceof ObjectNode o) {
            o.set(s.key(), v);
        } else if (s.parent() instanceof ArrayNode a) {
            a.set(s.index(), v);
        }
    }

    private ObjectNode mutateMember(ObjectNode body, Random r, List<String> what) {
        List<Slot> all = new ArrayList<>();
        slots(body, null, null, -1, "$", all);
        List<Slot> inner = all.subList(1, all.size());
        Slot s = inner.isEmpty() || r.nextInt(10) == 0 ? all.get(0) : inner.get(r.nextInt(inner.size()));
        int kind = r.nextInt(12);
        if (s.parent() == null && kind != 2) {
            kind = 2; // the root can only gain members
        }
        switch (kind) {
            case 0 -> {
                JsonNode v = wrongType(s.value(), r);
                replace(s, v);
                what.add(s.path() + " = " + describe(v) + " (wrong type)");
            }
            case 1 -> {
                if (s.parent() instanceof ObjectNode o) {
                    o.remove(s.key());
                    what.add("without " + s.path());
                } else {
                    ((ArrayNode) s.parent()).remove(s.index());
                    what.add("without item " + s.path());
                }
            }
            case 2 -> {
                JsonNode target = s.value().isObject() ? s.value() : s.parent() instanceof ObjectNode p ? p : body;
                String name = pick(r, List.of("Extra", "MaxFaces", "__type", "", "Ünïcødé", "a".repeat(300), "Image", "Bytes",
                    "CollectionId", "\u0000"));
                JsonNode v = anyValue(r);
                ((ObjectNode) target).set(name, v);
                what.add("extra member '" + ServiceError.cut(name) + "' = " + describe(v));
            }
            case 3 -> {
                JsonNode v = extremeNumber(r);
                replace(s, v);
                what.add(s.path() + " = " + describe(v));
            }
            case 4, 5 -> {
                JsonNode v = F.textNode(extremeString(r));
                replace(s, v);
                what.add(s.path() + " = " + describe(v));
            }
            case 6 -> {
                replace(s, F.nullNode());
                what.add(s.path() + " = null");
            }
            case 7 -> {
                JsonNode v = s.value().isArray() ? F.objectNode().set("member", s.value()) : F.arrayNode().add(s.value());
                replace(s, v);
                what.add(s.path() + " wrapped in " + (v.isArray() ? "an array" : "an object"));
            }
            case 8, 9 -> {
                ObjectNode image = findImage(body, r);
                if (image == null) {
                    return mutateMember(body, r, what);
                }
                String bad = badBase64(r);
                image.put("Bytes", bad);
                what.add("Image.Bytes = " + describe(F.textNode(bad)) + " (bad base64)");
            }
            default -> {
                ObjectNode image = findImage(body, r);
                if (image == null) {
                    return mutateMember(body, r, what);
                }
                String name = IMAGES.get(r.nextInt(IMAGES.size()));
                byte[] img = brokenImage(images.get(name), r, name, what);
                image.remove("S3Object");
                image.put("Bytes", base64(img));
            }
        }
        return body;
    }

    private static ObjectNode findImage(JsonNode node, Random r) {
        List<ObjectNode> found = new ArrayList<>();
        collectImages(node, found);
        return found.isEmpty() ? null : found.get(r.nextInt(found.size()));
    }

    private static void collectImages(JsonNode node, List<ObjectNode> out) {
        if (node instanceof ObjectNode o) {
            if (o.has("Bytes") || o.has("S3Object")) {
                out.add(o);
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = o.properties().iterator(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getKey().endsWith("Image")) {
                    if (e.getValue() instanceof ObjectNode img && !out.contains(img)) {
                        out.add(img);
                    }
                }
                collectImages(e.getValue(), out);
            }
        }
    }

    private JsonNode wrongType(JsonNode v, Random r) {
        List<Function<Random, JsonNode>> options = new ArrayList<>(List.of(
            x -> F.textNode("12"), x -> F.numberNode(7), x -> F.numberNode(0.5), x -> F.booleanNode(true),
            x -> F.arrayNode().add(1).add("two"), x -> F.objectNode().put("k", "v"), x -> F.arrayNode(), x -> F.objectNode()));
        JsonNode out;
        do {
            out = options.get(r.nextInt(options.size())).apply(r);
        } while (out.getNodeType() == v.getNodeType());
        return out;
    }

    private JsonNode anyValue(Random r) {
        return switch (r.nextInt(6)) {
            case 0 -> F.textNode(extremeString(r));
            case 1 -> extremeNumber(r);
            case 2 -> F.nullNode();
            case 3 -> F.arrayNode().add(F.objectNode().put("Bytes", "AAAA"));
            case 4 -> F.objectNode().set("S3Object", F.objectNode().put("Bucket", "b").put("Name", "n"));
            default -> F.booleanNode(false);
        };
    }

    static JsonNode extremeNumber(Random r) {
        return switch (r.nextInt(16)) {
            case 0 -> F.numberNode(BigInteger.valueOf(Integer.MAX_VALUE).add(BigInteger.ONE));
            case 1 -> F.numberNode(BigInteger.TWO.pow(63));
            case 2 -> F.numberNode(BigInteger.TWO.pow(32).add(BigInteger.ONE));
            case 3 -> F.numberNode(BigInteger.TEN.pow(200 + r.nextInt(790)));
            case 4 -> F.numberNode(BigInteger.TEN.pow(999).negate());
            case 5 -> F.numberNode(-1);
            case 6 -> F.numberNode(Integer.MIN_VALUE);
            case 7 -> F.numberNode(Long.MIN_VALUE);
            case 8 -> F.numberNode(0);
            case 9 -> F.numberNode(0.5);
            case 10 -> F.numberNode(-0.0);
            case 11 -> F.numberNode(1e308);
            case 12 -> F.numberNode(Double.MIN_VALUE);
            case 13 -> F.numberNode(new java.math.BigDecimal("1e400"));
            case 14 -> F.numberNode(new java.math.BigDecimal("-123456789012345678901234567890.5"));
            default -> F.numberNode(r.nextLong());
        };
    }

    static String extremeString(Random r) {
        return switch (r.nextInt(14)) {
            case 0 -> "";
            case 1 -> " ";
            case 2 -> "x".repeat(256 + r.nextInt(2000));
            case 3 -> "y".repeat(100_000 + r.nextInt(400_000));
            case 4 -> "😀👨‍👩‍👧‍👦中文العربيةé\u0301";
            case 5 -> "\u0000\u0001\u001f\u007f\t\n\r";
            case 6 -> "a\ud800b";
            case 7 -> "\udc00";
            case 8 -> "../../etc/passwd";
            case 9 -> "%s%n${jndi:ldap://x}";
            case 10 -> "' OR 1=1 --";
            case 11 -> "\u202e\ufeff\u200b";
            case 12 -> "aws:tag";
            default -> randomUnicode(r, 1 + r.nextInt(64));
        };
    }

    private static String randomUnicode(Random r, int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append((char) r.nextInt(0x10000));
        }
        return sb.toString();
    }

    static String badBase64(Random r) {
        return switch (r.nextInt(12)) {
            case 0 -> "!!!!";
            case 1 -> "abc";
            case 2 -> "====";
            case 3 -> "a=b=";
            case 4 -> "/9j/4AAQSk2Q==...";
            case 5 -> "data:image/jpeg;base64,/9j/4AAQ";
            case 6 -> Base64.getUrlEncoder().encodeToString(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xFB, (byte) 0xFE});
            case 7 -> "iVBO Rw0K\nGgo=";
            case 8 -> Base64.getEncoder().encodeToString("not an image at all".getBytes(StandardCharsets.UTF_8));
            case 9 -> Base64.getEncoder().encodeToString(Base64.getEncoder().encode(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}));
            case 10 -> "A";
            default -> "\u00e9\u00e9\u00e9\u00e9";
        };
    }

    /** Truncated, garbled or otherwise broken bytes of a fixture image. */
    static byte[] brokenImage(byte[] img, Random r, String name, List<String> what) {
        switch (r.nextInt(8)) {
            case 0 -> {
                int cut = 1 + r.nextInt(Math.min(img.length - 1, 2048));
                what.add("Image.Bytes = " + name + " truncated to its first " + cut + " of " + img.length + " bytes");
                return Arrays.copyOf(img, cut);
            }
            case 1 -> {
                int cut = 1 + r.nextInt(img.length - 1);
                what.add("Image.Bytes = " + name + " truncated to " + cut + " of " + img.length + " bytes");
                return Arrays.copyOf(img, cut);
            }
            case 2 -> {
                byte[] b = img.clone();
                int n = 1 + r.nextInt(20);
                long seed = r.nextLong();
                Random g = new Random(seed);
                for (int i = 0; i < n; i++) {
                    b[g.nextInt(Math.min(b.length, 4096))] = (byte) g.nextInt(256);
                }
                what.add("Image.Bytes = " + name + " with " + n + " random bytes of its first 4 KB changed (garble seed " + seed + ")");
                return b;
            }
            case 3 -> {
                byte[] b = img.clone();
                long seed = r.nextLong();
                Random g = new Random(seed);
                for (int i = 0; i < 50; i++) {
                    b[g.nextInt(b.length)] ^= (byte) (1 << g.nextInt(8));
                }
                what.add("Image.Bytes = " + name + " with 50 bits flipped anywhere (flip seed " + seed + ")");
                return b;
            }
            case 4 -> {
                byte[] b = new byte[16 + r.nextInt(2000)];
                r.nextBytes(b);
                boolean png = r.nextBoolean();
                byte[] sig = png ? new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'} : new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
                System.arraycopy(sig, 0, b, 0, sig.length);
                what.add("Image.Bytes = " + (png ? "PNG" : "JPEG") + " signature and " + (b.length - sig.length) + " random bytes");
                return b;
            }
            case 5 -> {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                out.write(img, 0, Math.min(img.length, 64));
                out.write(img, 0, img.length);
                what.add("Image.Bytes = " + name + " after 64 bytes of its own start (header twice)");
                return out.toByteArray();
            }
            case 6 -> {
                what.add("Image.Bytes = a GIF header");
                return "GIF89a\u0001\u0000\u0001\u0000\u0080\u0000\u0000".getBytes(StandardCharsets.ISO_8859_1);
            }
            default -> {
                byte[] b = Arrays.copyOf(img, img.length);
                int at = r.nextInt(Math.min(b.length, 512));
                int len = Math.min(b.length - at, 1 + r.nextInt(256));
                Arrays.fill(b, at, at + len, (byte) 0);
                what.add("Image.Bytes = " + name + " with bytes " + at + "-" + (at + len) + " zeroed");
                return b;
            }
        }
    }

    // ---------------------------------------------------------------- wire mutations

    static byte[] mutateBytes(byte[] body, Random r, List<String> what) {
        switch (r.nextInt(16)) {
            case 0 -> {
                int cut = r.nextInt(Math.max(1, body.length));
                what.add("body truncated to " + cut + " of " + body.length + " bytes");
                return Arrays.copyOf(body, cut);
            }
            case 1 -> {
                byte[] b = body.clone();
                int at = r.nextInt(b.length);
                String junk = "{}[]\",:\\0x";
                b[at] = (byte) junk.charAt(r.nextInt(junk.length()));
                String before = new String(b, 0, at, StandardCharsets.ISO_8859_1);
                int bytesAt = before.lastIndexOf("\"Bytes\":\"");
                boolean inImage = bytesAt >= 0 && before.indexOf('"', bytesAt + 9) < 0;
                what.add("body byte " + at + " replaced by '" + (char) b[at] + "'"
                    + (inImage ? " (inside Image.Bytes = an image's base64, so the image is garbled)" : ""));
                return b;
            }
            case 2 -> {
                what.add("invalid UTF-8 inside the body");
                return splice(body, new byte[] {'"', (byte) 0xC3, 0x28, (byte) 0xFF, '"'});
            }
            case 3 -> {
                what.add("body after a UTF-8 byte order mark");
                return concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, body);
            }
            case 4 -> {
                int depth = 600 + r.nextInt(5000);
                what.add("arrays nested " + depth + " deep");
                return ("{\"Image\":" + "[".repeat(depth) + "]".repeat(depth) + "}").getBytes(StandardCharsets.UTF_8);
            }
            case 5 -> {
                int depth = 600 + r.nextInt(5000);
                what.add("objects nested " + depth + " deep");
                return ("{\"a\":".repeat(depth) + "1" + "}".repeat(depth)).getBytes(StandardCharsets.UTF_8);
            }
            case 6 -> {
                String s = pick(r, List.of("null", "[]", "123", "\"text\"", "true", "", " ", "{}{}", "[{}]", "{\"a\":1}garbage",
                    "{'CollectionId':'x'}", "{CollectionId:\"x\"}", "{\"a\":NaN}", "{\"a\":Infinity}", "{/*c*/}", "{\"a\":1,}", "\u0000"));
                what.add("body '" + s.replace("\u0000", "\\0") + "'");
                return s.getBytes(StandardCharsets.UTF_8);
            }
            case 7 -> {
                byte[] b = new byte[1 + r.nextInt(4096)];
                r.nextBytes(b);
                what.add(b.length + " random bytes as the body");
                return b;
            }
            case 8 -> {
                what.add("body as UTF-16");
                return new String(body, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_16);
            }
            case 9 -> {
                what.add("the body twice, in an array");
                return concat(concat("[".getBytes(StandardCharsets.UTF_8), body), concat(",".getBytes(StandardCharsets.UTF_8),
                    concat(body, "]".getBytes(StandardCharsets.UTF_8))));
            }
            case 10 -> {
                String s = "{\"CollectionId\":\"a\",\"CollectionId\":{\"x\":[1,2]}}";
                what.add("duplicate keys: " + s);
                return s.getBytes(StandardCharsets.UTF_8);
            }
            case 11 -> {
                int n = 2 + r.nextInt(8);
                what.add("body over the operation's limit (" + n + " MB of spaces after it)");
                byte[] pad = new byte[n * 1024 * 1024];
                Arrays.fill(pad, (byte) ' ');
                return concat(body, pad);
            }
            case 12 -> {
                what.add("a string with a raw newline and tab inside");
                return splice(body, "\"a\nb\tc\"".getBytes(StandardCharsets.UTF_8));
            }
            case 13 -> {
                what.add("unterminated string");
                return "{\"CollectionId\":\"abc".getBytes(StandardCharsets.UTF_8);
            }
            case 14 -> {
                what.add("bad escape \\x41 and \\u12");
                return "{\"CollectionId\":\"\\x41\\u12\"}".getBytes(StandardCharsets.UTF_8);
            }
            default -> {
                what.add("body cut inside a \\u escape");
                return "{\"CollectionId\":\"\\ud8".getBytes(StandardCharsets.UTF_8);
            }
        }
    }

    /** Puts bytes in place of the first JSON value after the first colon, keeping the rest. */
    private static byte[] splice(byte[] body, byte[] value) {
        int colon = -1;
        for (int i = 0; i < body.length; i++) {
            if (body[i] == ':') {
                colon = i;
                break;
            }
        }
        if (colon < 0) {
            return concat(body, value);
        }
        return concat(Arrays.copyOf(body, colon + 1), concat(value, "}".getBytes(StandardCharsets.UTF_8)));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    static String target(Operation op, Random r, List<String> what) {
        String t = switch (r.nextInt(12)) {
            case 0 -> null;
            case 1 -> "";
            case 2 -> Operation.TARGET_PREFIX;
            case 3 -> Operation.TARGET_PREFIX + op.wireName().toLowerCase(java.util.Locale.ROOT);
            case 4 -> "AmazonS3." + op.wireName();
            case 5 -> Operation.TARGET_PREFIX + "StartFaceSearch";
            case 6 -> Operation.TARGET_PREFIX + op.wireName() + "X";
            case 7 -> "RekognitionService" + op.wireName();
            case 8 -> Operation.TARGET_PREFIX + "x".repeat(2000);
            case 9 -> Operation.values()[r.nextInt(Operation.values().length)].target();
            case 10 -> op.wireName();
            default -> {
                StringBuilder sb = new StringBuilder();
                for (int i = r.nextInt(40); i > 0; i--) {
                    sb.append((char) (0x21 + r.nextInt(0x5E)));
                }
                yield sb.toString();
            }
        };
        what.add("X-Amz-Target " + (t == null ? "missing" : "'" + ServiceError.cut(t) + "'"));
        return t;
    }

    static String contentType(Random r, List<String> what) {
        String t = pick(r, Arrays.asList(null, "application/json", "text/plain", "application/x-amz-json-1.0",
            "multipart/form-data; boundary=x", "application/x-www-form-urlencoded", "application/x-amz-json-1.1; charset=latin1", "???"));
        what.add("Content-Type " + (t == null ? "missing" : "'" + t + "'"));
        return t;
    }

    private static <T> T pick(Random r, List<T> options) {
        return options.get(r.nextInt(options.size()));
    }

    private static String describe(JsonNode v) {
        String s = v.toString();
        return s.length() > 80 ? s.substring(0, 60) + "...(" + s.length() + " chars of JSON)" : s;
    }

    private static String base64(byte[] b) {
        return Base64.getEncoder().encodeToString(b);
    }

    private static byte[] bytes(JsonNode body) {
        try {
            return JSON.writeValueAsBytes(body);
        } catch (tools.jackson.core.JacksonException unpairedSurrogate) {
            try {
                // UTF-8 cannot carry an unpaired surrogate; JSON can, escaped
                return JSON.writer().with(tools.jackson.core.json.JsonWriteFeature.ESCAPE_NON_ASCII)
                    .writeValueAsString(body).getBytes(StandardCharsets.US_ASCII);
            } catch (tools.jackson.core.JacksonException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
