package dev.rekoface.testkit.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rekoface.model.BoundingBox;
import dev.rekoface.model.FaceDetails;
import dev.rekoface.model.ImageSize;
import dev.rekoface.model.Pose;
import dev.rekoface.model.Quality;
import dev.rekoface.Operation;
import dev.rekoface.testkit.faces.CatalogueFaceSource;
import dev.rekoface.testkit.faces.EmulatorImage;
import dev.rekoface.testkit.faces.FaceSource;
import dev.rekoface.testkit.faces.SimulatedFaceSource;
import dev.rekoface.testkit.faces.SourceFace;
import dev.rekoface.testkit.faces.UnreadableImageException;
import dev.rekoface.testkit.emulator.EmulatorState.CollectionRecord;
import dev.rekoface.testkit.emulator.EmulatorState.FaceRecord;
import dev.rekoface.testkit.emulator.EmulatorState.UserRecord;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The emulated Rekognition operations over {@link EmulatorState}: validation from the service model, then each
 * operation's behaviour, answering the service's JSON or throwing a {@link ServiceError}. Thread-safe: one
 * read-write lock guards the state; image work happens outside it.
 */
final class RekognitionService {
    private static final Logger LOG = LoggerFactory.getLogger(RekognitionService.class);
    static final String FACE_MODEL_VERSION = "7.0";
    static final String NO_FACE = "There are no faces in the image. Should be at least 1.";

    private final ServiceModel model = ServiceModel.get();
    private final EmulatorState state = new EmulatorState();
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final ImageResolver images;
    private final List<FaceSource> sources;
    private final boolean enrichCatalogue;
    private final String region;
    private final String accountId;
    private final BoundedCache<String, List<SourceFace>> faceCache = new BoundedCache<>(256, Long.MAX_VALUE, l -> 1);
    private final Map<String, Idempotent> idempotency = new HashMap<>();
    private Journal journal;

    private record Idempotent(String requestHash, ObjectNode response) {
    }

    RekognitionService(ImageResolver images, List<FaceSource> sources, boolean enrichCatalogue, String region, String accountId) {
        this.images = images;
        this.sources = List.copyOf(sources);
        this.enrichCatalogue = enrichCatalogue;
        this.region = region;
        this.accountId = accountId;
    }

    /** Loads and then keeps the state in a data directory. */
    void persistTo(java.nio.file.Path dir) {
        lock.writeLock().lock();
        try {
            journal = Journal.open(dir, state);
        } finally {
            lock.writeLock().unlock();
        }
    }

    void close() {
        if (journal != null) {
            journal.close();
        }
    }

    /** Removes every collection (and, when persistent, records that). */
    void reset() {
        // same order as idempotent(): the token table's monitor, then the state lock
        synchronized (idempotency) {
            lock.writeLock().lock();
            try {
                mutate(EmulatorState.JSON.createObjectNode().put("t", "reset"));
                idempotency.clear();
            } finally {
                lock.writeLock().unlock();
            }
        }
    }

    /** Returns the number of collections (for tests and logs). */
    int collectionCount() {
        lock.readLock().lock();
        try {
            return state.collections.size();
        } finally {
            lock.readLock().unlock();
        }
    }

    private void mutate(ObjectNode event) {
        if (journal != null) {
            journal.append(event);
        }
        state.apply(event);
    }

    /**
     * Runs one operation.
     *
     * @param op the operation
     * @param req the request body
     * @return the response body
     */
    ObjectNode handle(Operation op, JsonNode req) {
        List<ServiceModel.Violation> v = model.validate(op.wireName(), req);
        if (!v.isEmpty()) {
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
        return switch (op) {
            case DETECT_FACES -> detectFaces(req);
            case COMPARE_FACES -> compareFaces(req);
            case DETECT_LABELS -> detectLabels(req);
            case CREATE_COLLECTION -> createCollection(req);
            case DESCRIBE_COLLECTION -> describeCollection(req);
            case LIST_COLLECTIONS -> listCollections(req);
            case DELETE_COLLECTION -> deleteCollection(req);
            case INDEX_FACES -> indexFaces(req);
            case LIST_FACES -> listFaces(req);
            case DELETE_FACES -> deleteFaces(req);
            case SEARCH_FACES -> searchFaces(req);
            case SEARCH_FACES_BY_IMAGE -> searchFacesByImage(req);
            case CREATE_USER -> idempotent(op, req, () -> createUser(req));
            case DELETE_USER -> idempotent(op, req, () -> deleteUser(req));
            case LIST_USERS -> listUsers(req);
            case ASSOCIATE_FACES -> idempotent(op, req, () -> associateFaces(req));
            case DISASSOCIATE_FACES -> idempotent(op, req, () -> disassociateFaces(req));
            case SEARCH_USERS -> searchUsers(req);
            case SEARCH_USERS_BY_IMAGE -> searchUsersByImage(req);
        };
    }

    // ---------------------------------------------------------------- faces of images

    /** The faces of an image, from the first source that knows it, largest first. */
    private List<SourceFace> faces(ImageResolver.Resolved img) {
        List<SourceFace> cached = faceCache.get(img.sha256());
        if (cached != null) {
            return cached;
        }
        List<SourceFace> found = null;
        FaceSource from = null;
        for (FaceSource s : sources) {
            found = readPixels(() -> s.detect(img.image(), img.sha256()));
            if (found != null) {
                from = s;
                break;
            }
        }
        if (found == null) {
            found = List.of();
        }
        if (enrichCatalogue && from instanceof CatalogueFaceSource && !found.isEmpty()) {
            found = describeWithEngines(img, found, from);
        }
        List<SourceFace> sorted = new ArrayList<>(found);
        sorted.sort(Comparator.comparingDouble((SourceFace f) -> f.details().boundingBox().area()).reversed());
        List<SourceFace> result = List.copyOf(sorted);
        faceCache.put(img.sha256(), result);
        return result;
    }

    /**
     * Gives catalogue faces the descriptor the other sources (a face engine) compute for them from their hand-checked
     * geometry, so that catalogue faces compare with faces of images the catalogue does not know.
     */
    private List<SourceFace> describeWithEngines(ImageResolver.Resolved img, List<SourceFace> faces, FaceSource catalogue) {
        List<SourceFace> out = new ArrayList<>(faces);
        for (FaceSource s : sources) {
            if (s == catalogue || s instanceof SimulatedFaceSource) {
                continue;
            }
            for (int i = 0; i < out.size(); i++) {
                SourceFace c = out.get(i);
                if (c.descriptor().isEmpty()) {
                    java.util.Optional<float[]> d = readPixels(() -> s.describe(img.image(), img.sha256(), c.details()));
                    if (d.isPresent()) {
                        out.set(i, c.withDescriptor(d.get()));
                    }
                }
            }
        }
        return out;
    }

    /**
     * Runs a face source's work on an image's pixels; a source that cannot decode them gets the answer the service
     * gives for an image it cannot read.
     */
    private static <T> T readPixels(java.util.function.Supplier<T> work) {
        try {
            return work.get();
        } catch (UnreadableImageException e) {
            LOG.debug("face source could not read an image: {}", e.getMessage());
            throw ServiceError.badRequest("InvalidImageFormatException", ImageRules.INVALID_FORMAT);
        }
    }

    static double iou(BoundingBox a, BoundingBox b) {
        double x1 = Math.max(a.left(), b.left()), y1 = Math.max(a.top(), b.top());
        double x2 = Math.min(a.left() + a.width(), b.left() + b.width()), y2 = Math.min(a.top() + a.height(), b.top() + b.height());
        double inter = Math.max(0, x2 - x1) * Math.max(0, y2 - y1);
        double union = a.area() + b.area() - inter;
        return union <= 0 ? 0 : inter / union;
    }

    /** How similar two faces are, in percent: identities first, then the sources, then a simulated low value. */
    double similarity(SourceFace a, SourceFace b) {
        if (a.identity().isPresent() && b.identity().isPresent()) {
            return CatalogueFaceSource.identitySimilarity(a, b);
        }
        for (FaceSource s : sources) {
            OptionalDouble r = s.similarity(a, b);
            if (r.isPresent()) {
                return Math.max(0, Math.min(100, r.getAsDouble()));
            }
        }
        String pair = a.details().boundingBox() + "|" + b.details().boundingBox();
        return 1.0 + Math.floorMod(pair.hashCode(), 2800) / 100.0;
    }

    private static long seed(ImageResolver.Resolved img, SourceFace f) {
        return (img.sha256() + f.details().boundingBox()).hashCode() * 0x9E3779B97F4A7C15L;
    }

    /** Why a face fails a quality filter, or null when it passes. */
    private static String qualityReason(SourceFace f, ImageSize size, String filter, long seed) {
        if (filter == null || "NONE".equals(filter)) {
            return null;
        }
        double[] limits = switch (filter) { // sharpness, brightness, min side px, max |yaw|
            case "MEDIUM" -> new double[] {15, 15, 40, 60};
            case "HIGH" -> new double[] {30, 25, 60, 45};
            default -> new double[] {5, 5, 20, 80}; // LOW and AUTO
        };
        FaceDetails d = f.details();
        Quality q = FaceRenderer.qualityOf(d, seed);
        Pose p = FaceRenderer.pose(d);
        double wpx = d.boundingBox().width() * size.width(), hpx = d.boundingBox().height() * size.height();
        if (Math.min(wpx, hpx) < limits[2]) {
            return "SMALL_BOUNDING_BOX";
        }
        if (Math.abs(p.yaw()) > limits[3] || Math.abs(p.pitch()) > limits[3]) {
            return "EXTREME_POSE";
        }
        if (q.sharpness() < limits[0]) {
            return "LOW_SHARPNESS";
        }
        if (q.brightness() < limits[1]) {
            return "LOW_BRIGHTNESS";
        }
        return null;
    }

    private static ImageSize size(ImageResolver.Resolved img) {
        return img.image().displayedSize();
    }

    private static List<String> strings(JsonNode arr) {
        if (arr == null || arr.isNull()) {
            return null;
        }
        List<String> out = new ArrayList<>();
        arr.forEach(n -> out.add(n.asText()));
        return out;
    }

    // ---------------------------------------------------------------- image operations

    private ObjectNode detectFaces(JsonNode req) {
        ImageResolver.Resolved img = images.resolve(req.get("Image"));
        FaceRenderer.Selection sel = FaceRenderer.select(strings(req.get("Attributes")));
        ObjectNode out = EmulatorState.JSON.createObjectNode();
        ArrayNode arr = out.putArray("FaceDetails");
        List<SourceFace> faces = faces(img);
        for (SourceFace f : faces.subList(0, Math.min(100, faces.size()))) {
            arr.add(FaceRenderer.faceDetail(f, sel, seed(img, f)));
        }
        return out;
    }

    private ObjectNode compareFaces(JsonNode req) {
        ImageResolver.Resolved src = images.resolve(req.get("SourceImage"));
        ImageResolver.Resolved tgt = images.resolve(req.get("TargetImage"));
        double threshold = req.path("SimilarityThreshold").asDouble(80.0);
        String filter = req.path("QualityFilter").asText("NONE");
        List<SourceFace> srcFaces = faces(src);
        if (srcFaces.isEmpty()) {
            throw ServiceError.invalidParameter(NO_FACE);
        }
        SourceFace source = srcFaces.get(0);
        ObjectNode out = EmulatorState.JSON.createObjectNode();
        out.set("SourceImageFace", FaceRenderer.boxAndConfidence(source));
        ArrayNode matches = out.putArray("FaceMatches");
        ArrayNode unmatched = out.putArray("UnmatchedFaces");
        List<SourceFace> targets = faces(tgt);
        List<Object[]> scored = new ArrayList<>();
        for (SourceFace t : targets.subList(0, Math.min(100, targets.size()))) {
            if (qualityReason(t, size(tgt), filter, seed(tgt, t)) != null) {
                continue;
            }
            double s = similarity(source, t);
            if (s >= threshold) {
                scored.add(new Object[] {s, t});
            } else {
                unmatched.add(FaceRenderer.compareFace(t, seed(tgt, t)));
            }
        }
        scored.sort(Comparator.comparingDouble((Object[] o) -> (Double) o[0]).reversed());
        for (Object[] o : scored) {
            ObjectNode m = matches.addObject();
            m.put("Similarity", FaceRenderer.f((Double) o[0]));
            m.set("Face", FaceRenderer.compareFace((SourceFace) o[1], seed(tgt, (SourceFace) o[1])));
        }
        return out;
    }

    private ObjectNode detectLabels(JsonNode req) {
        ImageResolver.Resolved img = images.resolve(req.get("Image"));
        double min = req.path("MinConfidence").asDouble(55.0);
        int max = req.hasNonNull("MaxLabels") ? req.get("MaxLabels").asInt() : 1000;
        List<SourceFace> faces = faces(img);
        List<ObjectNode> labels = new ArrayList<>();
        if (!faces.isEmpty()) {
            ObjectNode person = label("Person", 99.6, List.of(), "Person Description");
            ArrayNode inst = person.putArray("Instances");
            for (SourceFace f : faces) {
                BoundingBox b = f.details().boundingBox();
                double l = Math.max(0, b.left() - b.width() * 0.6), t = Math.max(0, b.top() - b.height() * 0.2);
                double w = Math.min(1 - l, b.width() * 2.2), h = Math.min(1 - t, b.height() * 3.5);
                ObjectNode i = inst.addObject();
                i.set("BoundingBox", FaceRenderer.box(new BoundingBox(l, t, w, h)));
                i.put("Confidence", FaceRenderer.f(99.0));
            }
            labels.add(person);
            labels.add(label("Face", 99.4, List.of("Person"), "Person Description"));
            labels.add(label("Head", 99.4, List.of("Person"), "Person Description"));
            labels.add(label(faces.size() > 1 ? "Group" : "Portrait", faces.size() > 1 ? 88.0 : 92.0, List.of("Person"),
                "Person Description"));
        }
        ObjectNode out = EmulatorState.JSON.createObjectNode();
        ArrayNode arr = out.putArray("Labels");
        labels.stream().filter(l -> l.get("Confidence").asDouble() >= min).limit(max == 0 ? 1000 : max).forEach(arr::add);
        out.put("LabelModelVersion", "3.0");
        return out;
    }

    private static ObjectNode label(String name, double confidence, List<String> parents, String category) {
        ObjectNode l = EmulatorState.JSON.createObjectNode();
        l.put("Name", name);
        l.put("Confidence", FaceRenderer.f(confidence));
        l.putArray("Instances");
        ArrayNode p = l.putArray("Parents");
        parents.forEach(x -> p.addObject().put("Name", x));
        l.putArray("Aliases");
        l.putArray("Categories").addObject().put("Name", category);
        return l;
    }

    // ---------------------------------------------------------------- collections

    private CollectionRecord requireCollection(String id) {
        CollectionRecord c = state.collection(id);
        if (c == null) {
            throw ServiceError.notFound("The collection id: " + id + " does not exist");
        }
        return c;
    }

    private String arn(String id) {
        return "aws:rekognition:" + region + ":" + accountId + ":collection/" + id;
    }

    private ObjectNode createCollection(JsonNode req) {
        String id = req.get("CollectionId").asText();
        lock.writeLock().lock();
        try {
            if (state.collection(id) != null) {
                throw ServiceError.badRequest("ResourceAlreadyExistsException", "The collection id: " + id + " already exists");
            }
            double created = System.currentTimeMillis() / 1000.0;
            mutate(EmulatorState.JSON.createObjectNode().put("t", "createCollection").put("id", id).put("arn", arn(id))
                .put("created", created).put("faceModelVersion", FACE_MODEL_VERSION));
        } finally {
            lock.writeLock().unlock();
        }
        ObjectNode out = EmulatorState.JSON.createObjectNode();
        out.put("StatusCode", 200);
        out.put("CollectionArn", arn(id));
        out.put("FaceModelVersion", FACE_MODEL_VERSION);
        return out;
    }

    private ObjectNode describeCollection(JsonNode req) {
        lock.readLock().lock();
        try {
            CollectionRecord c = requireCollection(req.get("CollectionId").asText());
            ObjectNode out = EmulatorState.JSON.createObjectNode();
            out.put("FaceCount", c.faces.size());
            out.put("FaceModelVersion", c.faceModelVersion);
            out.put("CollectionARN", "arn:" + c.arn);
            out.put("CreationTimestamp", c.created);
            out.put("UserCount", c.users.size());
            return out;
        } finally {
            lock.readLock().unlock();
        }
    }

    private ObjectNode listCollections(JsonNode req) {
        int max = pageSize(req, 1000, 4096);
        String after = token(req, "ListCollections");
        lock.readLock().lock();
        try {
            ObjectNode out = EmulatorState.JSON.createObjectNode();
            ArrayNode ids = out.putArray("CollectionIds");
            ArrayNode versions = out.putArray("FaceModelVersions");
            Map<String, CollectionRecord> view = after == null ? state.collections : state.collections.tailMap(after, false);
            String last = null;
            Iterator<CollectionRecord> it = view.values().iterator();
            while (it.hasNext() && ids.size() < max) {
                CollectionRecord c = it.next();
                ids.add(c.id);
                versions.add(c.faceModelVersion);
                last = c.id;
            }
            if (it.hasNext()) {
                out.put("NextToken", makeToken("ListCollections", last));
            }
            return out;
        } finally {
            lock.readLock().unlock();
        }
    }

    private ObjectNode deleteCollection(JsonNode req) {
        String id = req.get("CollectionId").asText();
        lock.writeLock().lock();
        try {
            requireCollection(id);
            mutate(EmulatorState.JSON.createObjectNode().put("t", "deleteCollection").put("id", id));
        } finally {
            lock.writeLock().unlock();
        }
        return EmulatorState.JSON.createObjectNode().put("StatusCode", 200);
    }

    private static int pageSize(JsonNode req, int dflt, int max) {
        int n = req.hasNonNull("MaxResults") ? req.get("MaxResults").asInt() : 0;
        return n <= 0 ? dflt : Math.min(n, max);
    }

    private static String makeToken(String op, String lastKey) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((op + "\n" + lastKey).getBytes(StandardCharsets.UTF_8));
    }

    private static String token(JsonNode req, String op) {
        if (!req.hasNonNull("NextToken")) {
            return null;
        }
        try {
            String s = new String(Base64.getUrlDecoder().decode(req.get("NextToken").asText()), StandardCharsets.UTF_8);
            int nl = s.indexOf('\n');
            if (nl < 0 || !s.substring(0, nl).equals(op)) {
                throw new IllegalArgumentException();
            }
            return s.substring(nl + 1);
        } catch (IllegalArgumentException e) {
            throw ServiceError.badRequest("InvalidPaginationTokenException", "Invalid pagination token");
        }
    }

    // ---------------------------------------------------------------- faces in collections

    private ObjectNode faceJson(FaceRecord f, boolean withModelVersion) {
        ObjectNode o = EmulatorState.JSON.createObjectNode();
        o.put("FaceId", f.faceId);
        o.set("BoundingBox", FaceRenderer.box(new BoundingBox(f.left, f.top, f.width, f.height)));
        o.put("ImageId", f.imageId);
        if (f.externalImageId != null) {
            o.put("ExternalImageId", f.externalImageId);
        }
        o.put("Confidence", FaceRenderer.f(f.confidence));
        if (withModelVersion) {
            o.put("IndexFacesModelVersion", f.modelVersion);
        }
        if (f.userId != null) {
            o.put("UserId", f.userId);
        }
        return o;
    }

    private static SourceFace toSourceFace(FaceRecord f) {
        FaceDetails d = FaceDetails.builder().boundingBox(new BoundingBox(f.left, f.top, f.width, f.height)).confidence(f.confidence).build();
        return new SourceFace(d, f.identity, f.descriptor, f.source);
    }

    private ObjectNode indexFaces(JsonNode req) {
        String id = req.get("CollectionId").asText();
        lock.readLock().lock();
        try {
            requireCollection(id);
        } finally {
            lock.readLock().unlock();
        }
        // IndexFaces indexes at most the 100 largest faces, whatever MaxFaces says (the model sets no maximum)
        int maxFaces = Math.min(100, req.hasNonNull("MaxFaces") ? req.get("MaxFaces").asInt() : 100);
        ImageResolver.Resolved img = images.resolve(req.get("Image"));
        FaceRenderer.Selection sel = FaceRenderer.select(strings(req.get("DetectionAttributes")));
        String filter = req.path("QualityFilter").asText("AUTO");
        String external = req.hasNonNull("ExternalImageId") ? req.get("ExternalImageId").asText() : null;
        String imageId = UUID.nameUUIDFromBytes(img.sha256().getBytes(StandardCharsets.UTF_8)).toString();
        List<SourceFace> faces = faces(img);
        ObjectNode out = EmulatorState.JSON.createObjectNode();
        ArrayNode records = out.putArray("FaceRecords");
        ArrayNode unindexed = EmulatorState.JSON.createArrayNode();
        List<FaceRecord> toStore = new ArrayList<>();
        for (SourceFace f : faces) {
            long seed = seed(img, f);
            String reason = qualityReason(f, size(img), filter, seed);
            if (reason == null && toStore.size() >= maxFaces) {
                reason = "EXCEEDS_MAX_FACES";
            }
            if (reason != null) {
                ObjectNode u = unindexed.addObject();
                u.putArray("Reasons").add(reason);
                u.set("FaceDetail", FaceRenderer.faceDetail(f, sel, seed));
                continue;
            }
            FaceRecord r = new FaceRecord();
            r.faceId = UUID.randomUUID().toString();
            r.imageId = imageId;
            r.externalImageId = external;
            BoundingBox b = f.details().boundingBox();
            r.left = b.left();
            r.top = b.top();
            r.width = b.width();
            r.height = b.height();
            r.confidence = FaceRenderer.confidence(f.details());
            r.identity = f.identity().orElse(null);
            r.descriptor = f.descriptor().orElse(null);
            r.source = f.source();
            r.modelVersion = FACE_MODEL_VERSION;
            toStore.add(r);
            ObjectNode rec = records.addObject();
            rec.set("Face", faceJson(r, false));
            rec.set("FaceDetail", FaceRenderer.faceDetail(f, sel, seed));
        }
        lock.writeLock().lock();
        try {
            requireCollection(id);
            if (!toStore.isEmpty()) {
                mutate(EmulatorState.addFaces(id, toStore));
            }
        } finally {
            lock.writeLock().unlock();
        }
        out.put("FaceModelVersion", FACE_MODEL_VERSION);
        out.set("UnindexedFaces", unindexed);
        return out;
    }

    private ObjectNode listFaces(JsonNode req) {
        String id = req.get("CollectionId").asText();
        int max = pageSize(req, 1000, 4096);
        String after = token(req, "ListFaces");
        String userId = req.hasNonNull("UserId") ? req.get("UserId").asText() : null;
        List<String> faceIds = strings(req.get("FaceIds"));
        lock.readLock().lock();
        try {
            CollectionRecord c = requireCollection(id);
            TreeMap<String, FaceRecord> sorted = new TreeMap<>(c.faces);
            Map<String, FaceRecord> view = after == null ? sorted : sorted.tailMap(after, false);
            ObjectNode out = EmulatorState.JSON.createObjectNode();
            ArrayNode arr = out.putArray("Faces");
            String last = null;
            boolean more = false;
            for (FaceRecord f : view.values()) {
                if (userId != null && !userId.equals(f.userId) || faceIds != null && !faceIds.contains(f.faceId)) {
                    continue;
                }
                if (arr.size() == max) {
                    more = true;
                    break;
                }
                arr.add(faceJson(f, true));
                last = f.faceId;
            }
            if (more) {
                out.put("NextToken", makeToken("ListFaces", last));
            }
            out.put("FaceModelVersion", c.faceModelVersion);
            return out;
        } finally {
            lock.readLock().unlock();
        }
    }

    private ObjectNode deleteFaces(JsonNode req) {
        String id = req.get("CollectionId").asText();
        lock.writeLock().lock();
        try {
            CollectionRecord c = requireCollection(id);
            ObjectNode out = EmulatorState.JSON.createObjectNode();
            ArrayNode deleted = out.putArray("DeletedFaces");
            ArrayNode failed = out.putArray("UnsuccessfulFaceDeletions");
            ArrayNode ids = EmulatorState.JSON.createArrayNode();
            for (String fid : strings(req.get("FaceIds"))) {
                FaceRecord f = c.faces.get(fid);
                if (f == null) {
                    ObjectNode u = failed.addObject();
                    u.put("FaceId", fid);
                    u.putArray("Reasons").add("FACE_NOT_FOUND");
                } else if (f.userId != null) {
                    ObjectNode u = failed.addObject();
                    u.put("FaceId", fid);
                    u.put("UserId", f.userId);
                    u.putArray("Reasons").add("ASSOCIATED_TO_AN_EXISTING_USER");
                } else if (!contains(ids, fid)) {
                    ids.add(fid);
                    deleted.add(fid);
                }
            }
            if (!ids.isEmpty()) {
                ObjectNode e = EmulatorState.JSON.createObjectNode().put("t", "deleteFaces").put("collection", id);
                e.set("faceIds", ids);
                mutate(e);
            }
            return out;
        } finally {
            lock.writeLock().unlock();
        }
    }

    private static boolean contains(ArrayNode arr, String s) {
        for (JsonNode n : arr) {
            if (n.asText().equals(s)) {
                return true;
            }
        }
        return false;
    }

    private ObjectNode searchFaces(JsonNode req) {
        String id = req.get("CollectionId").asText();
        String faceId = req.get("FaceId").asText();
        double threshold = req.path("FaceMatchThreshold").asDouble(80.0);
        int max = req.hasNonNull("MaxFaces") ? req.get("MaxFaces").asInt() : 4096;
        lock.readLock().lock();
        try {
            CollectionRecord c = requireCollection(id);
            FaceRecord probe = c.faces.get(faceId);
            if (probe == null) {
                throw ServiceError.invalidParameter("Face ID " + faceId + " does not exist in the collection " + id);
            }
            ObjectNode out = EmulatorState.JSON.createObjectNode();
            out.put("SearchedFaceId", faceId);
            out.set("FaceMatches", matches(c, toSourceFace(probe), threshold, max, faceId));
            out.put("FaceModelVersion", c.faceModelVersion);
            return out;
        } finally {
            lock.readLock().unlock();
        }
    }

    private ArrayNode matches(CollectionRecord c, SourceFace probe, double threshold, int max, String exclude) {
        List<Object[]> scored = new ArrayList<>();
        for (FaceRecord f : c.faces.values()) {
            if (f.faceId.equals(exclude)) {
                continue;
            }
            double s = similarity(probe, toSourceFace(f));
            if (s >= threshold) {
                scored.add(new Object[] {s, f});
            }
        }
        scored.sort(Comparator.comparingDouble((Object[] o) -> (Double) o[0]).reversed());
        ArrayNode arr = EmulatorState.JSON.createArrayNode();
        for (Object[] o : scored.subList(0, Math.min(max, scored.size()))) {
            ObjectNode m = arr.addObject();
            m.put("Similarity", FaceRenderer.f((Double) o[0]));
            m.set("Face", faceJson((FaceRecord) o[1], true));
        }
        return arr;
    }

    private ObjectNode searchFacesByImage(JsonNode req) {
        String id = req.get("CollectionId").asText();
        lock.readLock().lock();
        try {
            requireCollection(id);
        } finally {
            lock.readLock().unlock();
        }
        ImageResolver.Resolved img = images.resolve(req.get("Image"));
        double threshold = req.path("FaceMatchThreshold").asDouble(80.0);
        int max = req.hasNonNull("MaxFaces") ? req.get("MaxFaces").asInt() : 4096;
        String filter = req.path("QualityFilter").asText("NONE");
        List<SourceFace> faces = faces(img);
        if (faces.isEmpty() || qualityReason(faces.get(0), size(img), filter, seed(img, faces.get(0))) != null) {
            throw ServiceError.invalidParameter(NO_FACE);
        }
        SourceFace probe = faces.get(0);
        lock.readLock().lock();
        try {
            CollectionRecord c = requireCollection(id);
            ObjectNode out = EmulatorState.JSON.createObjectNode();
            out.set("SearchedFaceBoundingBox", FaceRenderer.box(probe.details().boundingBox()));
            out.put("SearchedFaceConfidence", FaceRenderer.f(FaceRenderer.confidence(probe.details())));
            out.set("FaceMatches", matches(c, probe, threshold, max, null));
            out.put("FaceModelVersion", c.faceModelVersion);
            return out;
        } finally {
            lock.readLock().unlock();
        }
    }

    // ---------------------------------------------------------------- users

    private interface Call {
        ObjectNode run();
    }

    /** ClientRequestToken idempotency: the same token and request replay the first answer; another request fails. */
    private ObjectNode idempotent(Operation op, JsonNode req, Call call) {
        if (!req.hasNonNull("ClientRequestToken")) {
            return call.run();
        }
        ObjectNode copy = ((ObjectNode) req).deepCopy();
        copy.remove("ClientRequestToken");
        String hash = canonical(copy);
        String key = op.wireName() + "|" + req.path("CollectionId").asText() + "|" + req.get("ClientRequestToken").asText();
        synchronized (idempotency) {
            Idempotent prior = idempotency.get(key);
            if (prior != null) {
                if (!prior.requestHash().equals(hash)) {
                    throw ServiceError.badRequest("IdempotentParameterMismatchException",
                        "ClientRequestToken: " + req.get("ClientRequestToken").asText() + " was already used with different parameters");
                }
                return prior.response().deepCopy();
            }
            ObjectNode resp = call.run();
            idempotency.put(key, new Idempotent(hash, resp.deepCopy()));
            return resp;
        }
    }

    static String canonical(JsonNode n) {
        if (n.isObject()) {
            TreeMap<String, JsonNode> sorted = new TreeMap<>();
            n.fields().forEachRemaining(e -> sorted.put(e.getKey(), e.getValue()));
            StringBuilder sb = new StringBuilder("{");
            sorted.forEach((k, v) -> sb.append('"').append(k).append("\":").append(canonical(v)).append(','));
            return sb.append('}').toString();
        }
        if (n.isArray()) {
            StringBuilder sb = new StringBuilder("[");
            n.forEach(x -> sb.append(canonical(x)).append(','));
            return sb.append(']').toString();
        }
        return n.toString();
    }

    private UserRecord requireUser(CollectionRecord c, String userId) {
        UserRecord u = c.users.get(userId);
        if (u == null) {
            throw ServiceError.notFound("The user with id: " + userId + " does not exist in the collection " + c.id);
        }
        return u;
    }

    private ObjectNode createUser(JsonNode req) {
        String id = req.get("CollectionId").asText();
        String userId = req.get("UserId").asText();
        lock.writeLock().lock();
        try {
            CollectionRecord c = requireCollection(id);
            if (c.users.containsKey(userId)) {
                throw ServiceError.badRequest("ConflictException", "A User with the same Id already exists within the collection.");
            }
            mutate(EmulatorState.JSON.createObjectNode().put("t", "createUser").put("collection", id).put("userId", userId));
        } finally {
            lock.writeLock().unlock();
        }
        return EmulatorState.JSON.createObjectNode();
    }

    private ObjectNode deleteUser(JsonNode req) {
        String id = req.get("CollectionId").asText();
        String userId = req.get("UserId").asText();
        lock.writeLock().lock();
        try {
            requireUser(requireCollection(id), userId);
            mutate(EmulatorState.JSON.createObjectNode().put("t", "deleteUser").put("collection", id).put("userId", userId));
        } finally {
            lock.writeLock().unlock();
        }
        return EmulatorState.JSON.createObjectNode();
    }

    private ObjectNode listUsers(JsonNode req) {
        String id = req.get("CollectionId").asText();
        int max = req.hasNonNull("MaxResults") ? req.get("MaxResults").asInt() : 100;
        String after = token(req, "ListUsers");
        lock.readLock().lock();
        try {
            CollectionRecord c = requireCollection(id);
            TreeMap<String, UserRecord> sorted = new TreeMap<>(c.users);
            Map<String, UserRecord> view = after == null ? sorted : sorted.tailMap(after, false);
            ObjectNode out = EmulatorState.JSON.createObjectNode();
            ArrayNode arr = out.putArray("Users");
            String last = null;
            Iterator<UserRecord> it = view.values().iterator();
            while (it.hasNext() && arr.size() < max) {
                UserRecord u = it.next();
                arr.addObject().put("UserId", u.userId).put("UserStatus", u.status());
                last = u.userId;
            }
            if (it.hasNext()) {
                out.put("NextToken", makeToken("ListUsers", last));
            }
            return out;
        } finally {
            lock.readLock().unlock();
        }
    }

    private ObjectNode associateFaces(JsonNode req) {
        String id = req.get("CollectionId").asText();
        String userId = req.get("UserId").asText();
        double threshold = req.path("UserMatchThreshold").asDouble(75.0);
        lock.writeLock().lock();
        try {
            CollectionRecord c = requireCollection(id);
            UserRecord u = requireUser(c, userId);
            ObjectNode out = EmulatorState.JSON.createObjectNode();
            ArrayNode ok = out.putArray("AssociatedFaces");
            ArrayNode failed = out.putArray("UnsuccessfulFaceAssociations");
            List<String> accepted = new ArrayList<>();
            List<FaceRecord> members = new ArrayList<>();
            u.faceIds.forEach(fid -> {
                if (c.faces.containsKey(fid)) {
                    members.add(c.faces.get(fid));
                }
            });
            List<String> requested = strings(req.get("FaceIds"));
            long newOnes = requested.stream().distinct().filter(fid -> c.faces.containsKey(fid) && c.faces.get(fid).userId == null).count();
            if (u.faceIds.size() + newOnes > 100) {
                throw ServiceError.badRequest("ServiceQuotaExceededException",
                    "The number of faces associated with the user " + userId + " would exceed the limit of 100.");
            }
            for (String fid : requested) {
                if (accepted.contains(fid)) {
                    continue;
                }
                FaceRecord f = c.faces.get(fid);
                if (f == null) {
                    ObjectNode x = failed.addObject();
                    x.put("FaceId", fid);
                    x.putArray("Reasons").add("FACE_NOT_FOUND");
                    continue;
                }
                if (f.userId != null && !f.userId.equals(userId)) {
                    ObjectNode x = failed.addObject();
                    x.put("FaceId", fid);
                    x.put("UserId", f.userId);
                    x.putArray("Reasons").add("ASSOCIATED_TO_A_DIFFERENT_USER");
                    continue;
                }
                if (userId.equals(f.userId)) {
                    ok.addObject().put("FaceId", fid);
                    continue;
                }
                if (!members.isEmpty()) {
                    double best = 0;
                    for (FaceRecord m : members) {
                        best = Math.max(best, similarity(toSourceFace(f), toSourceFace(m)));
                    }
                    if (best < threshold) {
                        ObjectNode x = failed.addObject();
                        x.put("FaceId", fid);
                        x.put("Confidence", FaceRenderer.f(best));
                        x.putArray("Reasons").add("LOW_MATCH_CONFIDENCE");
                        continue;
                    }
                }
                accepted.add(fid);
                members.add(f);
                ok.addObject().put("FaceId", fid);
            }
            if (!accepted.isEmpty()) {
                ObjectNode e = EmulatorState.JSON.createObjectNode().put("t", "associate").put("collection", id).put("userId", userId);
                ArrayNode ids = e.putArray("faceIds");
                accepted.forEach(ids::add);
                mutate(e);
            }
            out.put("UserStatus", accepted.isEmpty() ? u.status() : "UPDATING");
            return out;
        } finally {
            lock.writeLock().unlock();
        }
    }

    private ObjectNode disassociateFaces(JsonNode req) {
        String id = req.get("CollectionId").asText();
        String userId = req.get("UserId").asText();
        lock.writeLock().lock();
        try {
            CollectionRecord c = requireCollection(id);
            UserRecord u = requireUser(c, userId);
            ObjectNode out = EmulatorState.JSON.createObjectNode();
            ArrayNode ok = out.putArray("DisassociatedFaces");
            ArrayNode failed = out.putArray("UnsuccessfulFaceDisassociations");
            List<String> done = new ArrayList<>();
            for (String fid : strings(req.get("FaceIds"))) {
                if (done.contains(fid)) {
                    continue;
                }
                FaceRecord f = c.faces.get(fid);
                if (f == null) {
                    ObjectNode x = failed.addObject();
                    x.put("FaceId", fid);
                    x.putArray("Reasons").add("FACE_NOT_FOUND");
                } else if (f.userId != null && !f.userId.equals(userId)) {
                    ObjectNode x = failed.addObject();
                    x.put("FaceId", fid);
                    x.put("UserId", f.userId);
                    x.putArray("Reasons").add("ASSOCIATED_TO_A_DIFFERENT_USER");
                } else {
                    done.add(fid);
                    ok.addObject().put("FaceId", fid);
                }
            }
            if (!done.isEmpty()) {
                ObjectNode e = EmulatorState.JSON.createObjectNode().put("t", "disassociate").put("collection", id).put("userId", userId);
                ArrayNode ids = e.putArray("faceIds");
                done.forEach(ids::add);
                mutate(e);
            }
            out.put("UserStatus", done.isEmpty() ? u.status() : "UPDATING");
            return out;
        } finally {
            lock.writeLock().unlock();
        }
    }

    private ArrayNode userMatches(CollectionRecord c, List<SourceFace> probes, double threshold, int max, String excludeUser) {
        List<Object[]> scored = new ArrayList<>();
        for (UserRecord u : c.users.values()) {
            if (u.userId.equals(excludeUser) || u.faceIds.isEmpty()) {
                continue;
            }
            double best = 0;
            for (String fid : u.faceIds) {
                FaceRecord f = c.faces.get(fid);
                if (f == null) {
                    continue;
                }
                for (SourceFace p : probes) {
                    best = Math.max(best, similarity(p, toSourceFace(f)));
                }
            }
            if (best >= threshold) {
                scored.add(new Object[] {best, u});
            }
        }
        scored.sort(Comparator.comparingDouble((Object[] o) -> (Double) o[0]).reversed());
        ArrayNode arr = EmulatorState.JSON.createArrayNode();
        for (Object[] o : scored.subList(0, Math.min(max, scored.size()))) {
            ObjectNode m = arr.addObject();
            m.put("Similarity", FaceRenderer.f((Double) o[0]));
            UserRecord u = (UserRecord) o[1];
            m.putObject("User").put("UserId", u.userId).put("UserStatus", u.status());
        }
        return arr;
    }

    private ObjectNode searchUsers(JsonNode req) {
        String id = req.get("CollectionId").asText();
        boolean byUser = req.hasNonNull("UserId");
        boolean byFace = req.hasNonNull("FaceId");
        if (byUser == byFace) {
            throw ServiceError.invalidParameter("Exactly one of UserId and FaceId must be given");
        }
        double threshold = req.path("UserMatchThreshold").asDouble(80.0);
        int max = req.hasNonNull("MaxUsers") ? req.get("MaxUsers").asInt() : 500;
        lock.readLock().lock();
        try {
            CollectionRecord c = requireCollection(id);
            ObjectNode out = EmulatorState.JSON.createObjectNode();
            List<SourceFace> probes = new ArrayList<>();
            String exclude = null;
            if (byFace) {
                FaceRecord f = c.faces.get(req.get("FaceId").asText());
                if (f == null) {
                    throw ServiceError.notFound("The face with id: " + req.get("FaceId").asText() + " does not exist in the collection " + id);
                }
                probes.add(toSourceFace(f));
                // The face's own user is a match like any other: only a search by UserId leaves the user out.
                out.set("UserMatches", userMatches(c, probes, threshold, max, null));
                out.put("FaceModelVersion", c.faceModelVersion);
                out.putObject("SearchedFace").put("FaceId", f.faceId);
            } else {
                UserRecord u = requireUser(c, req.get("UserId").asText());
                for (String fid : u.faceIds) {
                    if (c.faces.containsKey(fid)) {
                        probes.add(toSourceFace(c.faces.get(fid)));
                    }
                }
                exclude = u.userId;
                out.set("UserMatches", userMatches(c, probes, threshold, max, exclude));
                out.put("FaceModelVersion", c.faceModelVersion);
                out.putObject("SearchedUser").put("UserId", u.userId);
            }
            return out;
        } finally {
            lock.readLock().unlock();
        }
    }

    private ObjectNode searchUsersByImage(JsonNode req) {
        String id = req.get("CollectionId").asText();
        lock.readLock().lock();
        try {
            requireCollection(id);
        } finally {
            lock.readLock().unlock();
        }
        ImageResolver.Resolved img = images.resolve(req.get("Image"));
        double threshold = req.path("UserMatchThreshold").asDouble(80.0);
        int max = req.hasNonNull("MaxUsers") ? req.get("MaxUsers").asInt() : 500;
        String filter = req.path("QualityFilter").asText("NONE");
        List<SourceFace> faces = faces(img);
        lock.readLock().lock();
        try {
            CollectionRecord c = requireCollection(id);
            ObjectNode out = EmulatorState.JSON.createObjectNode();
            if (faces.isEmpty() || qualityReason(faces.get(0), size(img), filter, seed(img, faces.get(0))) != null) {
                out.putArray("UserMatches");
                out.put("FaceModelVersion", c.faceModelVersion);
                out.putArray("UnsearchedFaces");
                return out;
            }
            SourceFace probe = faces.get(0);
            out.set("UserMatches", userMatches(c, List.of(probe), threshold, max, null));
            out.put("FaceModelVersion", c.faceModelVersion);
            ObjectNode searched = out.putObject("SearchedFace");
            searched.set("FaceDetail", FaceRenderer.faceDetail(probe, FaceRenderer.Selection.DEFAULT, seed(img, probe)));
            ArrayNode unsearched = out.putArray("UnsearchedFaces");
            for (SourceFace f : faces.subList(1, faces.size())) {
                ObjectNode u = unsearched.addObject();
                u.set("FaceDetails", FaceRenderer.faceDetail(f, FaceRenderer.Selection.DEFAULT, seed(img, f)));
                u.putArray("Reasons").add("FACE_NOT_LARGEST");
            }
            return out;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Used by tests: the faces of an image as the emulator sees them. */
    List<SourceFace> facesOf(EmulatorImage image) {
        return faces(new ImageResolver.Resolved(image, image.sha256(), image.byteCount()));
    }
}
