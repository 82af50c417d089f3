package dev.rekoface.testkit.emulator;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import dev.rekoface.Operation;
import dev.rekoface.testkit.faces.EmulatorImage;
import dev.rekoface.testkit.faces.FaceSource;
import dev.rekoface.testkit.faces.SourceFace;
import java.nio.file.Path;
import java.util.List;

/**
 * The emulated Rekognition service behind the HTTP layer: checks a request against the service model, then hands it
 * to the operation's concern ({@link ImageOperations}, {@link CollectionOperations}, {@link FaceOperations},
 * {@link UserOperations}), which answers the service's JSON or throws a {@link ServiceError}. A new operation is one
 * case of {@link #dispatch} and one method of its concern. Thread-safe: the state is behind one {@link StateLock}
 * ({@link EmulatorStore}); image work happens outside it.
 */
final class RekognitionService {
    private final ServiceModel model = ServiceModel.get();
    private final EmulatorStore store = new EmulatorStore();
    private final Idempotency idempotency = new Idempotency();
    private final FaceLookup lookup;
    private final ImageOperations imageOps;
    private final CollectionOperations collectionOps;
    private final FaceOperations faceOps;
    private final UserOperations userOps;

    RekognitionService(ImageResolver images, List<FaceSource> sources, boolean enrichCatalogue, String region, String accountId) {
        this.lookup = new FaceLookup(sources, enrichCatalogue);
        this.imageOps = new ImageOperations(images, lookup);
        this.collectionOps = new CollectionOperations(store, region, accountId);
        this.faceOps = new FaceOperations(store, images, lookup);
        this.userOps = new UserOperations(store, images, lookup);
    }

    /** Loads and then keeps the state in a data directory. */
    void persistTo(Path dir) {
        store.persistTo(dir);
    }

    void close() {
        store.close();
    }

    /** Removes every collection (and, when persistent, records that), and forgets every client request token. */
    void reset() {
        idempotency.clearWhile(store::reset);
    }

    /** Returns the number of collections (for tests and logs). */
    int collectionCount() {
        return store.collectionCount();
    }

    /** Returns the names of the face sources, in the order they are asked. */
    List<String> faceSourceNames() {
        return lookup.names();
    }

    /** Used by tests: the faces of an image as the emulator sees them. */
    List<SourceFace> facesOf(EmulatorImage image) {
        return lookup.faces(new ImageResolver.Resolved(image, image.sha256(), image.byteCount()));
    }

    /**
     * Runs one operation.
     *
     * @param op the operation
     * @param req the request body
     * @return the response body
     * @throws ServiceError the service's error for a bad request or a state that refuses it
     */
    ObjectNode handle(Operation op, JsonNode req) {
        validate(op, req);
        return dispatch(op, req);
    }

    /** Refuses a request the service model refuses, with the service's error for the first kind of violation. */
    private void validate(Operation op, JsonNode req) {
        List<ServiceModel.Violation> v = model.validate(op.wireName(), req);
        if (v.isEmpty()) {
            return;
        }
        for (ServiceModel.Violation x : v) {
            if (x.kind() == ServiceModel.Violation.Kind.SERIALIZATION) {
                throw ServiceError.badRequest("SerializationException", x.message());
            }
        }
        if (v.stream().anyMatch(x -> x.kind() == ServiceModel.Violation.Kind.TOO_LARGE)) {
            throw ServiceError.badRequest("ImageTooLargeException", "Image size is too large.");
        }
        throw ServiceError.validation(ServiceModel.message(v));
    }

    /** The dispatch table: each operation to its concern's method (the compiler checks every operation has one). */
    private ObjectNode dispatch(Operation op, JsonNode req) {
        return switch (op) {
            case DETECT_FACES -> imageOps.detectFaces(req);
            case COMPARE_FACES -> imageOps.compareFaces(req);
            case DETECT_LABELS -> imageOps.detectLabels(req);
            case CREATE_COLLECTION -> collectionOps.createCollection(req);
            case DESCRIBE_COLLECTION -> collectionOps.describeCollection(req);
            case LIST_COLLECTIONS -> collectionOps.listCollections(req);
            case DELETE_COLLECTION -> collectionOps.deleteCollection(req);
            case INDEX_FACES -> faceOps.indexFaces(req);
            case LIST_FACES -> faceOps.listFaces(req);
            case DELETE_FACES -> faceOps.deleteFaces(req);
            case SEARCH_FACES -> faceOps.searchFaces(req);
            case SEARCH_FACES_BY_IMAGE -> faceOps.searchFacesByImage(req);
            case CREATE_USER -> idempotency.run(op, req, () -> userOps.createUser(req));
            case DELETE_USER -> idempotency.run(op, req, () -> userOps.deleteUser(req));
            case LIST_USERS -> userOps.listUsers(req);
            case ASSOCIATE_FACES -> idempotency.run(op, req, () -> userOps.associateFaces(req));
            case DISASSOCIATE_FACES -> idempotency.run(op, req, () -> userOps.disassociateFaces(req));
            case SEARCH_USERS -> userOps.searchUsers(req);
            case SEARCH_USERS_BY_IMAGE -> userOps.searchUsersByImage(req);
        };
    }
}
