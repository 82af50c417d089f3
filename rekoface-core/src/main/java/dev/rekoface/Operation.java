package dev.rekoface;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The Rekognition operations rekoface calls, with their names on the wire ({@code X-Amz-Target:
 * RekognitionService.<wireName>}).
 *
 * <p>One set of names for the whole library: per-operation rates ({@code RateLimit.withOperation}), metrics
 * ({@code MetricsListener}, {@code OperationMetrics}), and the testkit's stubs, faults, quotas and counters all take an
 * {@code Operation}, so a misspelt operation does not compile. Where a name comes as text (a configuration file, a
 * command line), {@link #fromWireName(String)} refuses an unknown one with the list of known names.
 *
 * <pre>{@code
 * RateLimit.perSecond(50).withOperation(Operation.COMPARE_FACES, 25);
 * Operation op = Operation.fromWireName("SearchFacesByImage");   // SEARCH_FACES_BY_IMAGE
 * }</pre>
 */
public enum Operation {
    /** {@code DetectFaces}. */
    DETECT_FACES("DetectFaces"),
    /** {@code CompareFaces}. */
    COMPARE_FACES("CompareFaces"),
    /** {@code DetectLabels}. */
    DETECT_LABELS("DetectLabels"),
    /** {@code CreateCollection}. */
    CREATE_COLLECTION("CreateCollection"),
    /** {@code DescribeCollection}. */
    DESCRIBE_COLLECTION("DescribeCollection"),
    /** {@code ListCollections}. */
    LIST_COLLECTIONS("ListCollections"),
    /** {@code DeleteCollection}. */
    DELETE_COLLECTION("DeleteCollection"),
    /** {@code IndexFaces}. */
    INDEX_FACES("IndexFaces"),
    /** {@code ListFaces}. */
    LIST_FACES("ListFaces"),
    /** {@code DeleteFaces}. */
    DELETE_FACES("DeleteFaces"),
    /** {@code SearchFaces}. */
    SEARCH_FACES("SearchFaces"),
    /** {@code SearchFacesByImage}. */
    SEARCH_FACES_BY_IMAGE("SearchFacesByImage"),
    /** {@code CreateUser}. */
    CREATE_USER("CreateUser"),
    /** {@code DeleteUser}. */
    DELETE_USER("DeleteUser"),
    /** {@code ListUsers}. */
    LIST_USERS("ListUsers"),
    /** {@code AssociateFaces}. */
    ASSOCIATE_FACES("AssociateFaces"),
    /** {@code DisassociateFaces}. */
    DISASSOCIATE_FACES("DisassociateFaces"),
    /** {@code SearchUsers}. */
    SEARCH_USERS("SearchUsers"),
    /** {@code SearchUsersByImage}. */
    SEARCH_USERS_BY_IMAGE("SearchUsersByImage");

    /** The prefix of the {@code X-Amz-Target} header of Rekognition's JSON protocol. */
    public static final String TARGET_PREFIX = "RekognitionService.";

    private static final String KNOWN = Arrays.stream(values()).map(Operation::wireName).collect(Collectors.joining(", "));

    private final String wireName;

    Operation(String wireName) {
        this.wireName = wireName;
    }

    /** Returns the operation's name on the wire, e.g. {@code DetectFaces}. */
    public String wireName() {
        return wireName;
    }

    /** Returns the {@code X-Amz-Target} header value of a request, e.g. {@code RekognitionService.DetectFaces}. */
    public String target() {
        return TARGET_PREFIX + wireName;
    }

    /**
     * Returns the operation with exactly this wire name.
     *
     * @param wireName e.g. {@code CompareFaces} (case-sensitive, as on the wire)
     * @return the operation
     * @throws InvalidArgumentException if no operation has that name; the message lists the known ones
     */
    public static Operation fromWireName(String wireName) {
        for (Operation op : values()) {
            if (op.wireName.equals(wireName)) {
                return op;
            }
        }
        String shown = wireName == null ? "null" : "'" + wireName + "'";
        String hint = closest(wireName).map(op -> " (did you mean " + op.wireName + "?)").orElse("");
        throw new InvalidArgumentException("operation", "operation " + shown + " is not a Rekognition operation rekoface knows"
            + hint + "; known: " + KNOWN);
    }

    /**
     * Finds an operation by a looser spelling: its wire name, its constant name or its AWS CLI name, in any case, with
     * or without the {@code RekognitionService.} prefix; for command lines.
     *
     * @param name e.g. {@code DetectFaces}, {@code DETECT_FACES} or {@code detect-faces}
     * @return the operation, or empty when none has that name
     */
    public static Optional<Operation> find(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String n = name.startsWith(TARGET_PREFIX) ? name.substring(TARGET_PREFIX.length()) : name;
        for (Operation op : values()) {
            if (op.wireName.equalsIgnoreCase(n) || op.name().equalsIgnoreCase(n.replace('-', '_'))) {
                return Optional.of(op);
            }
        }
        return Optional.empty();
    }

    /** The operation a misspelt name most likely meant: another spelling of it, or a wire name 1-2 edits away. */
    private static Optional<Operation> closest(String name) {
        if (name == null || name.length() > 64) {
            return Optional.empty();
        }
        Optional<Operation> loose = find(name.trim());
        if (loose.isPresent()) {
            return loose;
        }
        String n = name.trim().toLowerCase(Locale.ROOT);
        Operation best = null;
        int bestDistance = 3;
        for (Operation op : values()) {
            int d = editDistance(n, op.wireName.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                best = op;
                bestDistance = d;
            }
        }
        return Optional.ofNullable(best);
    }

    private static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitute, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] t = previous;
            previous = current;
            current = t;
        }
        return previous[b.length()];
    }

    /** Returns the AWS CLI's name of the operation, e.g. {@code detect-faces}. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Returns the wire name, e.g. {@code DetectFaces}. */
    @Override
    public String toString() {
        return wireName;
    }
}
