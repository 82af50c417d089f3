package dev.rekoface.spring.boot;

import dev.rekoface.Operation;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * The Rekognition operations AWS bills per image processed, as its price list groups them: Group 1 (CompareFaces,
 * IndexFaces, SearchFaces, SearchFacesByImage, SearchUsers, SearchUsersByImage, AssociateFaces, DisassociateFaces) and
 * Group 2 (DetectFaces, DetectLabels). Collection, listing and deletion calls are not billed per image; stored faces
 * are billed per face and month.
 */
final class BilledOperations {

    /** The operations billed per image processed, one image per successful call. */
    static final Set<Operation> PER_IMAGE = Collections.unmodifiableSet(EnumSet.of(
        Operation.COMPARE_FACES, Operation.INDEX_FACES, Operation.SEARCH_FACES, Operation.SEARCH_FACES_BY_IMAGE,
        Operation.SEARCH_USERS, Operation.SEARCH_USERS_BY_IMAGE, Operation.ASSOCIATE_FACES, Operation.DISASSOCIATE_FACES,
        Operation.DETECT_FACES, Operation.DETECT_LABELS));

    private BilledOperations() {
    }
}
