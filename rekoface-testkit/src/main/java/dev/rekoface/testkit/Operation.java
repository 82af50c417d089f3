package dev.rekoface.testkit;

import java.util.Locale;
import java.util.Optional;

/**
 * The Rekognition operations the testkit knows, with their wire names ({@code X-Amz-Target:
 * RekognitionService.<wireName>}).
 *
 * <p>Used by the scripted stubs ({@code RekognitionStubs.on(Operation.DETECT_FACES)}), by the emulator's fault and
 * quota settings and by its counters.
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

    /** The prefix of the {@code X-Amz-Target} header. */
    public static final String TARGET_PREFIX = "RekognitionService.";

    private final String wireName;

    Operation(String wireName) {
        this.wireName = wireName;
    }

    /** Returns the operation's name on the wire, e.g. {@code DetectFaces}. */
    public String wireName() {
        return wireName;
    }

    /** Returns the full {@code X-Amz-Target} header value, e.g. {@code RekognitionService.DetectFaces}. */
    public String target() {
        return TARGET_PREFIX + wireName;
    }

    /**
     * Finds an operation by its wire name or its constant name, ignoring case.
     *
     * @param name e.g. {@code DetectFaces} or {@code DETECT_FACES}
     * @return the operation, or empty
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

    @Override
    public String toString() {
        return wireName;
    }

    /** Returns the AWS CLI's name of the operation, e.g. {@code detect-faces}. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
