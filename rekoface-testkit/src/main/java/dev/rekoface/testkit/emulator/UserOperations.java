package dev.rekoface.testkit.emulator;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import dev.rekoface.Operation;
import dev.rekoface.testkit.emulator.EmulatorState.CollectionRecord;
import dev.rekoface.testkit.emulator.EmulatorState.FaceRecord;
import dev.rekoface.testkit.emulator.EmulatorState.UserRecord;
import dev.rekoface.testkit.faces.SourceFace;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * The users of collections: CreateUser, DeleteUser, ListUsers, AssociateFaces, DisassociateFaces, SearchUsers and
 * SearchUsersByImage. ({@code ClientRequestToken} replays are {@link Idempotency}'s, around these.)
 */
record UserOperations(EmulatorStore store, ImageResolver images, FaceLookup lookup) {
    /** The most faces one user may have. */
    private static final int MAX_FACES_PER_USER = 100;

    ObjectNode createUser(JsonNode req) {
        String id = req.get("CollectionId").asString();
        String userId = req.get("UserId").asString();
        store.write(() -> {
            CollectionRecord c = store.collection(id);
            if (c.users.containsKey(userId)) {
                throw ServiceError.badRequest("ConflictException", "A User with the same Id already exists within the collection.");
            }
            store.apply(EmulatorState.JSON.createObjectNode().put("t", "createUser").put("collection", id).put("userId", userId));
        });
        return EmulatorState.JSON.createObjectNode();
    }

    ObjectNode deleteUser(JsonNode req) {
        return changeUser(req, (c, u) -> {
            store.apply(EmulatorState.JSON.createObjectNode().put("t", "deleteUser").put("collection", c.id).put("userId", u.userId));
            return EmulatorState.JSON.createObjectNode();
        });
    }

    ObjectNode listUsers(JsonNode req) {
        String id = req.get("CollectionId").asString();
        Paging page = Paging.of(Operation.LIST_USERS, req, Paging.LIST_USERS);
        return store.read(() -> {
            CollectionRecord c = store.collection(id);
            ObjectNode out = EmulatorState.JSON.createObjectNode();
            ArrayNode arr = out.putArray("Users");
            page.fill(c.users, u -> arr.add(userJson(u)), out);
            return out;
        });
    }

    ObjectNode associateFaces(JsonNode req) {
        double threshold = req.path("UserMatchThreshold").asDouble(75.0);
        List<String> requested = Requests.strings(req.get("FaceIds"));
        return changeUser(req, (c, u) -> {
            String userId = u.userId;
            ObjectNode out = EmulatorState.JSON.createObjectNode();
            ArrayNode ok = out.putArray("AssociatedFaces");
            ArrayNode failed = out.putArray("UnsuccessfulFaceAssociations");
            List<String> accepted = new ArrayList<>();
            List<FaceRecord> members = new ArrayList<>(faces(c, u));
            long newOnes = requested.stream().distinct().filter(fid -> c.faces.containsKey(fid) && c.faces.get(fid).userId == null).count();
            if (u.faceIds.size() + newOnes > MAX_FACES_PER_USER) {
                throw ServiceError.badRequest("ServiceQuotaExceededException",
                    "The number of faces associated with the user " + userId + " would exceed the limit of " + MAX_FACES_PER_USER + ".");
            }
            for (String fid : requested) {
                if (accepted.contains(fid)) {
                    continue;
                }
                FaceRecord f = c.faces.get(fid);
                if (missingOrAnotherUsers(fid, f, userId, failed)) {
                    continue;
                }
                if (userId.equals(f.userId)) {
                    ok.addObject().put("FaceId", fid);
                    continue;
                }
                if (!members.isEmpty()) {
                    // the face against the user as it stands (its faces and those this request added): the scale of
                    // SearchUsers, so a threshold means the same in both
                    double score = UserVector.similarity(lookup, List.of(FaceLookup.of(f)), members.stream().map(FaceLookup::of).toList());
                    if (score < threshold) {
                        ObjectNode x = failed.addObject();
                        x.put("FaceId", fid);
                        x.put("Confidence", FaceRenderer.f(score));
                        x.putArray("Reasons").add("LOW_MATCH_CONFIDENCE");
                        continue;
                    }
                }
                accepted.add(fid);
                members.add(f);
                ok.addObject().put("FaceId", fid);
            }
            return changed(out, "associate", c, u, accepted);
        });
    }

    ObjectNode disassociateFaces(JsonNode req) {
        return changeUser(req, (c, u) -> {
            ObjectNode out = EmulatorState.JSON.createObjectNode();
            ArrayNode ok = out.putArray("DisassociatedFaces");
            ArrayNode failed = out.putArray("UnsuccessfulFaceDisassociations");
            List<String> done = new ArrayList<>();
            for (String fid : Requests.strings(req.get("FaceIds"))) {
                if (done.contains(fid)) {
                    continue;
                }
                if (!missingOrAnotherUsers(fid, c.faces.get(fid), u.userId, failed)) {
                    done.add(fid);
                    ok.addObject().put("FaceId", fid);
                }
            }
            return changed(out, "disassociate", c, u, done);
        });
    }

    /**
     * Tells whether a face of an AssociateFaces or DisassociateFaces request is missing or another user's, adding it to
     * the unsuccessful faces if so.
     */
    private static boolean missingOrAnotherUsers(String faceId, FaceRecord f, String userId, ArrayNode failed) {
        if (f == null) {
            FaceOperations.unsuccessful(failed, faceId, null, "FACE_NOT_FOUND");
            return true;
        }
        if (f.userId != null && !f.userId.equals(userId)) {
            FaceOperations.unsuccessful(failed, faceId, f.userId, "ASSOCIATED_TO_A_DIFFERENT_USER");
            return true;
        }
        return false;
    }

    /**
     * Changes the user a request names ({@code CollectionId}, {@code UserId}) under the write lock, after finding the
     * collection and then the user, each with the service's not-found error.
     */
    private ObjectNode changeUser(JsonNode req, BiFunction<CollectionRecord, UserRecord, ObjectNode> change) {
        String id = req.get("CollectionId").asString();
        String userId = req.get("UserId").asString();
        return store.write(() -> {
            CollectionRecord c = store.collection(id);
            return change.apply(c, EmulatorStore.user(c, userId));
        });
    }

    /** Records the faces a change of a user took (if any); the answer then gives the user's status as UPDATING. */
    private ObjectNode changed(ObjectNode out, String event, CollectionRecord c, UserRecord u, List<String> faceIds) {
        if (!faceIds.isEmpty()) {
            store.apply(EmulatorState.faceIdsEvent(event, c.id, u.userId, faceIds));
        }
        return out.put("UserStatus", faceIds.isEmpty() ? u.status() : "UPDATING");
    }

    ObjectNode searchUsers(JsonNode req) {
        String id = req.get("CollectionId").asString();
        boolean byUser = req.hasNonNull("UserId");
        boolean byFace = req.hasNonNull("FaceId");
        if (byUser == byFace) {
            throw ServiceError.invalidParameter("Exactly one of UserId and FaceId must be given");
        }
        double threshold = req.path("UserMatchThreshold").asDouble(80.0);
        int max = Requests.integer(req, "MaxUsers", 500);
        return store.read(() -> {
            CollectionRecord c = store.collection(id);
            ObjectNode out = EmulatorState.JSON.createObjectNode();
            if (byFace) {
                FaceRecord f = c.faces.get(req.get("FaceId").asString());
                if (f == null) {
                    throw ServiceError.notFound("The face with id: " + req.get("FaceId").asString() + " does not exist in the collection " + id);
                }
                // The face's own user is a match like any other: only a search by UserId leaves the user out.
                out.set("UserMatches", userMatches(c, List.of(FaceLookup.of(f)), threshold, max, null));
                out.put("FaceModelVersion", c.faceModelVersion);
                out.putObject("SearchedFace").put("FaceId", f.faceId);
            } else {
                UserRecord u = EmulatorStore.user(c, req.get("UserId").asString());
                List<SourceFace> probes = faces(c, u).stream().map(FaceLookup::of).toList();
                out.set("UserMatches", userMatches(c, probes, threshold, max, u.userId));
                out.put("FaceModelVersion", c.faceModelVersion);
                out.putObject("SearchedUser").put("UserId", u.userId);
            }
            return out;
        });
    }

    ObjectNode searchUsersByImage(JsonNode req) {
        String id = req.get("CollectionId").asString();
        store.requireCollection(id);
        FaceLookup.Probe search = lookup.probe(images, req);
        ImageResolver.Resolved img = search.image();
        List<SourceFace> faces = search.faces();
        double threshold = req.path("UserMatchThreshold").asDouble(80.0);
        int max = Requests.integer(req, "MaxUsers", 500);
        return store.read(() -> {
            CollectionRecord c = store.collection(id);
            ObjectNode out = EmulatorState.JSON.createObjectNode();
            if (search.probe().isEmpty()) {
                out.putArray("UserMatches");
                out.put("FaceModelVersion", c.faceModelVersion);
                out.putArray("UnsearchedFaces");
                return out;
            }
            SourceFace probe = search.probe().get();
            out.set("UserMatches", userMatches(c, List.of(probe), threshold, max, null));
            out.put("FaceModelVersion", c.faceModelVersion);
            ObjectNode searched = out.putObject("SearchedFace");
            searched.set("FaceDetail", FaceRenderer.faceDetail(probe, FaceRenderer.Selection.DEFAULT, FaceLookup.seed(img, probe)));
            ArrayNode unsearched = out.putArray("UnsearchedFaces");
            for (SourceFace f : faces.subList(1, faces.size())) {
                ObjectNode u = unsearched.addObject();
                u.set("FaceDetails", FaceRenderer.faceDetail(f, FaceRenderer.Selection.DEFAULT, FaceLookup.seed(img, f)));
                u.putArray("Reasons").add("FACE_NOT_LARGEST");
            }
            return out;
        });
    }

    /**
     * The users at least {@code threshold} similar to the probes, most similar first; inside a read. A user's
     * similarity pools all its associated faces ({@link UserVector}).
     */
    /** The user's associated faces that are still in the collection, in association order. */
    private static List<FaceRecord> faces(CollectionRecord c, UserRecord u) {
        return u.faceIds.stream().map(c.faces::get).filter(java.util.Objects::nonNull).toList();
    }

    private ArrayNode userMatches(CollectionRecord c, List<SourceFace> probes, double threshold, int max, String excludeUser) {
        List<Scored<UserRecord>> scored = new ArrayList<>();
        for (UserRecord u : c.users.values()) {
            if (u.userId.equals(excludeUser) || u.faceIds.isEmpty()) {
                continue;
            }
            List<SourceFace> faces = faces(c, u).stream().map(FaceLookup::of).toList();
            double score = UserVector.similarity(lookup, probes, faces);
            if (!faces.isEmpty() && !probes.isEmpty() && score >= threshold) {
                scored.add(new Scored<>(score, u));
            }
        }
        return Scored.matches(scored, max, "User", UserOperations::userJson);
    }

    /** A user as the service shows it (User, UserMatch.User). */
    private static ObjectNode userJson(UserRecord u) {
        return EmulatorState.JSON.createObjectNode().put("UserId", u.userId).put("UserStatus", u.status());
    }
}
