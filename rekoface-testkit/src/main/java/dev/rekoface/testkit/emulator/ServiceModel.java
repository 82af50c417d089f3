package dev.rekoface.testkit.emulator;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The Rekognition service model (botocore 1.43.11, documentation stripped; see {@code NOTICE.txt} beside it), read
 * from the classpath, and the validation of request bodies against it: required members, string and blob lengths,
 * patterns, numeric ranges, list and map sizes, enums — reported in the service's ValidationException wording.
 *
 * <p>Thread-safe and immutable once loaded.
 */
final class ServiceModel {
    /** Classpath location of the stripped model. */
    static final String RESOURCE = "rekoface/testkit/model/rekognition-2016-06-27.service-2.json";

    private static volatile ServiceModel instance;

    private final JsonNode shapes;
    private final JsonNode operations;
    private final Map<String, Pattern> patterns = new ConcurrentHashMap<>();

    private ServiceModel(JsonNode root) {
        this.shapes = root.get("shapes");
        this.operations = root.get("operations");
    }

    /** Returns the model, loading it once. */
    static ServiceModel get() {
        ServiceModel m = instance;
        if (m == null) {
            synchronized (ServiceModel.class) {
                m = instance;
                if (m == null) {
                    try (InputStream in = ServiceModel.class.getClassLoader().getResourceAsStream(RESOURCE)) {
                        if (in == null) {
                            throw new IllegalStateException("service model missing from the classpath: " + RESOURCE);
                        }
                        m = new ServiceModel(new ObjectMapper().readTree(in));
                    } catch (IOException e) {
                        throw new UncheckedIOException("cannot read " + RESOURCE, e);
                    }
                    instance = m;
                }
            }
        }
        return m;
    }

    /** Returns the shape definition of a shape name. */
    JsonNode shape(String name) {
        JsonNode s = shapes.get(name);
        if (s == null) {
            throw new IllegalArgumentException("no shape " + name + " in the service model");
        }
        return s;
    }

    /** Returns the name of an operation's input shape. */
    String inputShape(String operation) {
        return operations.get(operation).get("input").get("shape").asString();
    }

    /** Returns the error shapes an operation may answer, as the model lists them. */
    List<String> errors(String operation) {
        List<String> out = new ArrayList<>();
        JsonNode errs = operations.get(operation).get("errors");
        if (errs != null) {
            errs.forEach(e -> out.add(e.get("shape").asString()));
        }
        return out;
    }

    /** Tells whether the model has this operation. */
    boolean hasOperation(String operation) {
        return operations.has(operation);
    }

    /** Returns whether an error shape is a server fault (answered with HTTP 500). */
    boolean isFault(String errorShape) {
        JsonNode s = shapes.get(errorShape);
        return s != null && s.path("fault").asBoolean(false);
    }

    /** One broken constraint. */
    record Violation(String path, String value, String constraint, Kind kind) {
        /** Which error the violation maps to. */
        enum Kind { VALIDATION, SERIALIZATION, TOO_LARGE }

        String message() {
            return "Value " + value + " at '" + path + "' failed to satisfy constraint: " + constraint;
        }
    }

    /**
     * Checks a request body against the input shape of an operation.
     *
     * @param operation the wire name, e.g. {@code DetectFaces}
     * @param body the parsed body (an object)
     * @return the violations, in member order; empty when valid
     */
    List<Violation> validate(String operation, JsonNode body) {
        List<Violation> out = new ArrayList<>();
        checkStructure(inputShape(operation), body, "", out);
        return out;
    }

    /**
     * Formats violations as the service does: {@code 1 validation error detected: Value ... ; Value ...}.
     *
     * @param violations at least one violation
     * @return the message
     */
    static String message(List<Violation> violations) {
        StringBuilder sb = new StringBuilder();
        sb.append(violations.size()).append(violations.size() == 1 ? " validation error detected: " : " validation errors detected: ");
        for (int i = 0; i < violations.size(); i++) {
            if (i > 0) {
                sb.append("; ");
            }
            sb.append(violations.get(i).message());
        }
        return sb.toString();
    }

    private void checkStructure(String shapeName, JsonNode node, String path, List<Violation> out) {
        JsonNode shape = shape(shapeName);
        JsonNode members = shape.get("members");
        if (!node.isObject()) {
            out.add(new Violation(path.isEmpty() ? "request" : path, quote(node), "Member must be a structure",
                Violation.Kind.SERIALIZATION));
            return;
        }
        List<String> required = new ArrayList<>();
        shape.path("required").forEach(r -> required.add(r.asString()));
        for (Iterator<Map.Entry<String, JsonNode>> it = members.properties().iterator(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> m = it.next();
            String member = m.getKey();
            String memberPath = path.isEmpty() ? lowerFirst(member) : path + "." + lowerFirst(member);
            JsonNode value = node.get(member);
            if (value == null || value.isNull()) {
                if (required.contains(member)) {
                    out.add(new Violation(memberPath, "null", "Member must not be null", Violation.Kind.VALIDATION));
                }
                continue;
            }
            checkValue(m.getValue().get("shape").asString(), value, memberPath, out);
        }
    }

    private void checkValue(String shapeName, JsonNode value, String path, List<Violation> out) {
        JsonNode shape = shape(shapeName);
        String type = shape.get("type").asString();
        switch (type) {
            case "structure" -> checkStructure(shapeName, value, path, out);
            case "string" -> {
                if (!value.isString()) {
                    out.add(new Violation(path, quote(value), "Member must be a string", Violation.Kind.SERIALIZATION));
                    return;
                }
                String s = value.asString();
                int len = s.codePointCount(0, s.length());
                String shown = "'" + ServiceError.cut(s) + "'";
                lengthChecks(shape, len, shown, path, out, Violation.Kind.VALIDATION);
                if (shape.has("pattern") && !pattern(shape.get("pattern").asString()).matcher(s).matches()) {
                    out.add(new Violation(path, shown, "Member must satisfy regular expression pattern: "
                        + shape.get("pattern").asString(), Violation.Kind.VALIDATION));
                }
                if (shape.has("enum") && !contains(shape.get("enum"), s)) {
                    out.add(new Violation(path, shown, "Member must satisfy enum value set: " + enumSet(shape.get("enum")),
                        Violation.Kind.VALIDATION));
                }
            }
            case "blob" -> {
                if (!value.isString()) {
                    out.add(new Violation(path, quote(value), "Member must be base64 text", Violation.Kind.SERIALIZATION));
                    return;
                }
                long len = base64Length(value.asString());
                if (len < 0) {
                    out.add(new Violation(path, "'(not base64)'", "Member must be valid base64", Violation.Kind.SERIALIZATION));
                    return;
                }
                String shown = "'java.nio.HeapByteBuffer[pos=0 lim=" + len + " cap=" + len + "]'";
                lengthChecks(shape, len, shown, path, out, Violation.Kind.TOO_LARGE);
            }
            case "integer", "long" -> {
                if (!value.isIntegralNumber()) {
                    out.add(new Violation(path, quote(value), "Member must be an integer", Violation.Kind.SERIALIZATION));
                    return;
                }
                // Exact, never through int or long: 2147483648 must not wrap into range. The value is quoted as sent.
                integerRangeChecks(shape, "long".equals(type), value.bigIntegerValue(), "'" + ServiceError.cut(value.asString()) + "'",
                    path, out);
            }
            case "float", "double" -> {
                if (!value.isNumber()) {
                    out.add(new Violation(path, quote(value), "Member must be a number", Violation.Kind.SERIALIZATION));
                    return;
                }
                // Number.doubleValue(): an integer beyond the double range is an infinity (then refused below), not the
                // exception Jackson 3's asDouble() throws for it.
                double d = value.numberValue().doubleValue();
                boolean representable = "double".equals(type) ? Double.isFinite(d) : Float.isFinite((float) d);
                rangeChecks(shape, d, "'" + (representable ? String.valueOf((float) d) : ServiceError.cut(value.asString())) + "'", path, out);
                if (!representable && !shape.has("max") && !shape.has("min")) {
                    out.add(new Violation(path, "'" + ServiceError.cut(value.asString()) + "'", "Member must be a finite "
                        + type, Violation.Kind.VALIDATION));
                }
            }
            case "boolean" -> {
                if (!value.isBoolean()) {
                    out.add(new Violation(path, quote(value), "Member must be a boolean", Violation.Kind.SERIALIZATION));
                }
            }
            case "timestamp" -> {
                if (!value.isNumber() && !value.isString()) {
                    out.add(new Violation(path, quote(value), "Member must be a timestamp", Violation.Kind.SERIALIZATION));
                }
            }
            case "list" -> {
                if (!value.isArray()) {
                    out.add(new Violation(path, quote(value), "Member must be a list", Violation.Kind.SERIALIZATION));
                    return;
                }
                lengthChecks(shape, value.size(), listText(value), path, out, Violation.Kind.VALIDATION);
                String memberShape = shape.get("member").get("shape").asString();
                List<Violation> inner = new ArrayList<>();
                int i = 0;
                for (JsonNode item : value) {
                    i++;
                    checkValue(memberShape, item, path + "." + i + ".member", inner);
                }
                // The service wraps member constraints of simple lists: "Member must satisfy constraint: [...]".
                JsonNode ms = shape(memberShape);
                boolean simple = !"structure".equals(ms.get("type").asString()) && !"list".equals(ms.get("type").asString());
                if (simple && !inner.isEmpty()) {
                    Violation first = inner.get(0);
                    if (first.kind() == Violation.Kind.SERIALIZATION) {
                        out.add(first);
                    } else {
                        out.add(new Violation(path, listText(value), "Member must satisfy constraint: [" + first.constraint() + "]",
                            Violation.Kind.VALIDATION));
                    }
                } else {
                    out.addAll(inner);
                }
            }
            case "map" -> {
                if (!value.isObject()) {
                    out.add(new Violation(path, quote(value), "Member must be a map", Violation.Kind.SERIALIZATION));
                    return;
                }
                lengthChecks(shape, value.size(), quote(value), path, out, Violation.Kind.VALIDATION);
                String keyShape = shape.get("key").get("shape").asString();
                String valueShape = shape.get("value").get("shape").asString();
                for (Iterator<Map.Entry<String, JsonNode>> it = value.properties().iterator(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    checkValue(keyShape, tools.jackson.databind.node.StringNode.valueOf(e.getKey()), path + ".key", out);
                    checkValue(valueShape, e.getValue(), path + "." + e.getKey(), out);
                }
            }
            default -> {
                // other types are not used by the implemented operations' inputs
            }
        }
    }

    /** The decoded length of base64 text, without decoding it; -1 if the text cannot be base64. */
    static long base64Length(String b64) {
        int n = 0;
        int pad = 0;
        for (int i = 0; i < b64.length(); i++) {
            char c = b64.charAt(i);
            if (c == '=') {
                pad++;
            } else if (c == '\r' || c == '\n') {
                continue;
            } else if (pad > 0) {
                return -1;
            } else {
                n++;
            }
        }
        if (pad > 2 || (n + pad) % 4 == 1) {
            return -1;
        }
        return (long) n * 3 / 4;
    }

    /**
     * Checks a length or size against the model's min and max; a length under the min is a ValidationException, one
     * over the max is {@code overMax} (an image's bytes: ImageTooLargeException).
     */
    private static void lengthChecks(JsonNode shape, long len, String shown, String path, List<Violation> out,
                                     Violation.Kind overMax) {
        if (shape.has("min") && len < shape.get("min").asLong()) {
            out.add(new Violation(path, shown, "Member must have length greater than or equal to " + shape.get("min").asLong(),
                Violation.Kind.VALIDATION));
        }
        if (shape.has("max") && len > shape.get("max").asLong()) {
            out.add(new Violation(path, shown, "Member must have length less than or equal to " + shape.get("max").asLong(), overMax));
        }
    }

    /**
     * Checks an integer member against the model's min and max and against the range of the Java type the service
     * reads it into ({@code int} for "integer", {@code long} for "long"), so that no value wraps.
     */
    private static void integerRangeChecks(JsonNode shape, boolean isLong, BigInteger v, String shown, String path,
                                           List<Violation> out) {
        BigInteger typeMin = BigInteger.valueOf(isLong ? Long.MIN_VALUE : Integer.MIN_VALUE);
        BigInteger typeMax = BigInteger.valueOf(isLong ? Long.MAX_VALUE : Integer.MAX_VALUE);
        BigInteger min = shape.has("min") ? typeMin.max(BigInteger.valueOf(shape.get("min").asLong())) : typeMin;
        BigInteger max = shape.has("max") ? typeMax.min(BigInteger.valueOf(shape.get("max").asLong())) : typeMax;
        if (v.compareTo(min) < 0) {
            out.add(new Violation(path, shown, "Member must have value greater than or equal to " + min, Violation.Kind.VALIDATION));
        }
        if (v.compareTo(max) > 0) {
            out.add(new Violation(path, shown, "Member must have value less than or equal to " + max, Violation.Kind.VALIDATION));
        }
    }

    private static void rangeChecks(JsonNode shape, double v, String shown, String path, List<Violation> out) {
        if (shape.has("min") && v < shape.get("min").asDouble()) {
            out.add(new Violation(path, shown, "Member must have value greater than or equal to " + shape.get("min").asLong(),
                Violation.Kind.VALIDATION));
        }
        if (shape.has("max") && v > shape.get("max").asDouble()) {
            out.add(new Violation(path, shown, "Member must have value less than or equal to " + shape.get("max").asLong(),
                Violation.Kind.VALIDATION));
        }
    }

    private Pattern pattern(String regex) {
        return patterns.computeIfAbsent(regex, Pattern::compile);
    }

    private static boolean contains(JsonNode array, String s) {
        for (JsonNode n : array) {
            if (n.asString().equals(s)) {
                return true;
            }
        }
        return false;
    }

    private static String enumSet(JsonNode array) {
        List<String> v = new ArrayList<>();
        array.forEach(n -> v.add(n.asString()));
        return "[" + String.join(", ", v) + "]";
    }

    private static String listText(JsonNode array) {
        List<String> v = new ArrayList<>();
        array.forEach(n -> v.add(n.isString() ? n.asString() : json(n)));
        return "'" + ServiceError.cut("[" + String.join(", ", v) + "]") + "'";
    }

    private static String quote(JsonNode v) {
        return "'" + ServiceError.cut(v.isString() ? v.asString() : json(v)) + "'";
    }

    /**
     * Writes a value as compact JSON with the emulator's mapper: {@code toString()} would refuse a value nested deeper
     * than Jackson 3's default of 500 levels, which the parser accepts up to 1000.
     */
    private static String json(JsonNode v) {
        return EmulatorState.JSON.writeValueAsString(v);
    }

    static String lowerFirst(String s) {
        return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }

    /** Lists every (member path, shape) of an operation's input, for tests that derive cases from the model. */
    Map<String, JsonNode> flattenInput(String operation) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        flatten(inputShape(operation), "", out, 0);
        return Collections.unmodifiableMap(out);
    }

    private void flatten(String shapeName, String path, Map<String, JsonNode> out, int depth) {
        JsonNode shape = shape(shapeName);
        if (depth > 4 || !"structure".equals(shape.get("type").asString())) {
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = shape.get("members").properties().iterator(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> m = it.next();
            String p = path.isEmpty() ? m.getKey() : path + "." + m.getKey();
            String s = m.getValue().get("shape").asString();
            out.put(p, shape(s));
            flatten(s, p, out, depth + 1);
        }
    }

    /** Returns the required members of a structure shape. */
    List<String> required(String shapeName) {
        List<String> out = new ArrayList<>();
        shape(shapeName).path("required").forEach(r -> out.add(r.asString()));
        return out;
    }

    /** Returns the shape name of a member of a structure. */
    Optional<String> memberShape(String structure, String member) {
        JsonNode m = shape(structure).path("members").get(member);
        return m == null ? Optional.empty() : Optional.of(m.get("shape").asString());
    }
}
