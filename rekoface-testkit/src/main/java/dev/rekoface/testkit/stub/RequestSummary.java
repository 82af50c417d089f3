package dev.rekoface.testkit.stub;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Describes a Rekognition request in one line for failure messages and logs, without its payload: images appear as
 * their size and a SHA-256 prefix (or their S3 location), never as bytes.
 */
public final class RequestSummary {
    private static final ObjectMapper JSON = JsonMapper.builderWithJackson2Defaults().build();

    private RequestSummary() {
    }

    /**
     * Summarises a request.
     *
     * @param target the {@code X-Amz-Target} header (may be null)
     * @param body the JSON body
     * @return e.g. {@code DetectFaces {Image: 279922 bytes, sha256 1a2b3c4d5e6f, Attributes: [ALL]}}
     */
    public static String of(String target, byte[] body) {
        String op = target == null ? "(no X-Amz-Target)" : target.replace("RekognitionService.", "");
        JsonNode root;
        try {
            root = JSON.readTree(body == null || body.length == 0 ? "{}".getBytes(StandardCharsets.UTF_8) : body);
        } catch (JacksonException e) {
            return op + " (body is not JSON, " + body.length + " bytes)";
        }
        if (root == null || !root.isObject()) {
            return op + " (body is not a JSON object)";
        }
        List<String> parts = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.properties().iterator(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            parts.add(e.getKey() + ": " + value(e.getValue()));
        }
        return op + " {" + String.join(", ", parts) + "}";
    }

    private static String value(JsonNode v) {
        if (v.isObject() && (v.has("Bytes") || v.has("S3Object"))) {
            return image(v);
        }
        if (v.isString()) {
            String s = v.asString();
            return s.length() > 80 ? s.substring(0, 80) + "... (" + s.length() + " chars)" : s;
        }
        if (v.isArray() && v.size() > 10) {
            return "[" + v.size() + " items]";
        }
        String s = v.toString();
        return s.length() > 120 ? s.substring(0, 120) + "..." : s;
    }

    private static String image(JsonNode image) {
        if (image.hasNonNull("S3Object")) {
            JsonNode s3 = image.get("S3Object");
            return "s3://" + s3.path("Bucket").asString() + "/" + s3.path("Name").asString()
                + (s3.hasNonNull("Version") ? "?versionId=" + s3.get("Version").asString() : "");
        }
        try {
            byte[] bytes = image.get("Bytes").binaryValue();
            return bytes.length + " bytes, sha256 " + sha256(bytes).substring(0, 12);
        } catch (JacksonException | IllegalArgumentException e) {
            return "(bytes that are not base64)";
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
