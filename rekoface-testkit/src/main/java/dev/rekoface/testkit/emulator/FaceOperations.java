package dev.rekoface.testkit.emulator;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import dev.rekoface.Operation;
import dev.rekoface.model.BoundingBox;
import dev.rekoface.testkit.emulator.EmulatorState.CollectionRecord;
import dev.rekoface.testkit.emulator.EmulatorState.FaceRecord;
import dev.rekoface.testkit.faces.SourceFace;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The faces of collections: IndexFaces, ListFaces, DeleteFaces, SearchFaces and SearchFacesByImage. Image work
 * happens outside the state lock: the collection is checked under a read lock first, then again when the result is
 * stored or searched.
 */
record FaceOperations(EmulatorStore store, ImageResolver images, FaceLookup lookup) {
    /** A stored face as the service shows it (Face, FaceMatch.Face). */
    private static ObjectNode faceJson(FaceRecord f, boolean withModelVersion) {
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

    /**
     * Adds a face that an operation could not handle to its answer's list of unsuccessful faces.
     *
     * @param failed e.g. UnsuccessfulFaceDeletions
     * @param faceId the face
     * @param userId the user the face belongs to, or null
     * @param reason the service's reason, e.g. FACE_NOT_FOUND
     */
    static void unsuccessful(ArrayNode failed, String faceId, String userId, String reason) {
        ObjectNode x = failed.addObject();
        x.put("FaceId", faceId);
        if (userId != null) {
            x.put("UserId", userId);
        }
        x.putArray("Reasons").add(reason);
    }

    ObjectNode indexFaces(JsonNode req) {
        String id = req.get("CollectionId").asString();
        store.requireCollection(id);
        // IndexFaces indexes at most the 100 largest faces, whatever MaxFaces says (the model sets no maximum)
        int maxFaces = Math.min(100, Requests.integer(req, "MaxFaces", 100));
        ImageResolver.Resolved img = images.resolve(req.get("Image"));
        FaceRenderer.Selection sel = FaceRenderer.select(Requests.strings(req.get("DetectionAttributes")));
        String filter = req.path("QualityFilter").asString("AUTO");
        String external = Requests.text(req, "ExternalImageId");
        String imageId = UUID.nameUUIDFromBytes(img.sha256().getBytes(StandardCharsets.UTF_8)).toString();
        ObjectNode out = EmulatorState.JSON.createObjectNode();
        ArrayNode records = out.putArray("FaceRecords");
        ArrayNode unindexed = EmulatorState.JSON.createArrayNode();
        List<FaceRecord> toStore = new ArrayList<>();
        for (SourceFace f : lookup.faces(img)) {
            long seed = FaceLookup.seed(img, f);
            String reason = FaceLookup.qualityReason(img, f, filter);
            if (reason == null && toStore.size() >= maxFaces) {
                reason = "EXCEEDS_MAX_FACES";
            }
            if (reason != null) {
                ObjectNode u = unindexed.addObject();
                u.putArray("Reasons").add(reason);
                u.set("FaceDetail", FaceRenderer.faceDetail(f, sel, seed));
                continue;
            }
            FaceRecord r = record(f, imageId, external);
            toStore.add(r);
            ObjectNode rec = records.addObject();
            rec.set("Face", faceJson(r, false));
            rec.set("FaceDetail", FaceRenderer.faceDetail(f, sel, seed));
        }
        store.write(() -> {
            store.collection(id);
            if (!toStore.isEmpty()) {
                store.apply(EmulatorState.addFaces(id, toStore));
            }
        });
        out.put("FaceModelVersion", CollectionOperations.FACE_MODEL_VERSION);
        out.set("UnindexedFaces", unindexed);
        return out;
    }

    /** A new stored face for a face found in an image. */
    private static FaceRecord record(SourceFace f, String imageId, String external) {
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
        r.modelVersion = CollectionOperations.FACE_MODEL_VERSION;
        return r;
    }

    ObjectNode listFaces(JsonNode req) {
        String id = req.get("CollectionId").asString();
        Paging page = Paging.of(Operation.LIST_FACES, req, Paging.LIST_FACES);
        String userId = Requests.text(req, "UserId");
        List<String> faceIds = Requests.strings(req.get("FaceIds"));
        return store.read(() -> {
            CollectionRecord c = store.collection(id);
            ObjectNode out = EmulatorState.JSON.createObjectNode();
            ArrayNode arr = out.putArray("Faces");
            page.fill(c.faces, f -> (userId == null || userId.equals(f.userId)) && (faceIds == null || faceIds.contains(f.faceId)),
                f -> arr.add(faceJson(f, true)), out);
            out.put("FaceModelVersion", c.faceModelVersion);
            return out;
        });
    }

    ObjectNode deleteFaces(JsonNode req) {
        String id = req.get("CollectionId").asString();
        return store.write(() -> {
            CollectionRecord c = store.collection(id);
            ObjectNode out = EmulatorState.JSON.createObjectNode();
            ArrayNode deleted = out.putArray("DeletedFaces");
            ArrayNode failed = out.putArray("UnsuccessfulFaceDeletions");
            List<String> ids = new ArrayList<>();
            for (String fid : Requests.strings(req.get("FaceIds"))) {
                FaceRecord f = c.faces.get(fid);
                if (f == null) {
                    unsuccessful(failed, fid, null, "FACE_NOT_FOUND");
                } else if (f.userId != null) {
                    unsuccessful(failed, fid, f.userId, "ASSOCIATED_TO_AN_EXISTING_USER");
                } else if (!ids.contains(fid)) {
                    ids.add(fid);
                    deleted.add(fid);
                }
            }
            if (!ids.isEmpty()) {
                store.apply(EmulatorState.faceIdsEvent("deleteFaces", id, null, ids));
            }
            return out;
        });
    }

    ObjectNode searchFaces(JsonNode req) {
        String id = req.get("CollectionId").asString();
        String faceId = req.get("FaceId").asString();
        double threshold = req.path("FaceMatchThreshold").asDouble(80.0);
        int max = Requests.integer(req, "MaxFaces", 4096);
        return store.read(() -> {
            CollectionRecord c = store.collection(id);
            FaceRecord probe = c.faces.get(faceId);
            if (probe == null) {
                throw ServiceError.invalidParameter("Face ID " + faceId + " does not exist in the collection " + id);
            }
            ObjectNode out = EmulatorState.JSON.createObjectNode();
            out.put("SearchedFaceId", faceId);
            out.set("FaceMatches", matches(c, FaceLookup.of(probe), threshold, max, faceId));
            out.put("FaceModelVersion", c.faceModelVersion);
            return out;
        });
    }

    ObjectNode searchFacesByImage(JsonNode req) {
        String id = req.get("CollectionId").asString();
        store.requireCollection(id);
        SourceFace probe = lookup.probe(images, req).probe().orElseThrow(() -> ServiceError.invalidParameter(ImageOperations.NO_FACE));
        double threshold = req.path("FaceMatchThreshold").asDouble(80.0);
        int max = Requests.integer(req, "MaxFaces", 4096);
        return store.read(() -> {
            CollectionRecord c = store.collection(id);
            ObjectNode out = EmulatorState.JSON.createObjectNode();
            out.set("SearchedFaceBoundingBox", FaceRenderer.box(probe.details().boundingBox()));
            out.put("SearchedFaceConfidence", FaceRenderer.f(FaceRenderer.confidence(probe.details())));
            out.set("FaceMatches", matches(c, probe, threshold, max, null));
            out.put("FaceModelVersion", c.faceModelVersion);
            return out;
        });
    }

    /** The stored faces at least {@code threshold} similar to a probe, most similar first; inside a read. */
    private ArrayNode matches(CollectionRecord c, SourceFace probe, double threshold, int max, String exclude) {
        List<Scored<FaceRecord>> scored = new ArrayList<>();
        for (FaceRecord f : c.faces.values()) {
            if (f.faceId.equals(exclude)) {
                continue;
            }
            double s = lookup.similarity(probe, FaceLookup.of(f));
            if (s >= threshold) {
                scored.add(new Scored<>(s, f));
            }
        }
        return Scored.matches(scored, max, "Face", f -> faceJson(f, true));
    }
}
