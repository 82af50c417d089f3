package dev.rekoface.testkit.emulator;

import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamWriteConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The emulator's stored data: collections, their faces and users. Every mutation is an event ({@link #apply}), so
 * that the journal can replay it; callers hold the service's lock.
 */
final class EmulatorState {
    /**
     * The emulator's JSON: Jackson 3 configured as Jackson 2 read and wrote, so that requests are judged as before
     * (trailing content after the object ignored, nesting up to 1000 levels, strings up to 20 million characters)
     * and the journal, written by any version, reads back the same.
     */
    static final ObjectMapper JSON = JsonMapper.builder(JsonFactory.builderWithJackson2Defaults()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(1000).maxStringLength(20_000_000).build())
            .streamWriteConstraints(StreamWriteConstraints.builder().maxNestingDepth(1000).build())
            .build())
        .configureForJackson2()
        .build();

    /** A stored face. */
    static final class FaceRecord {
        String faceId;
        String imageId;
        String externalImageId;
        double left;
        double top;
        double width;
        double height;
        double confidence;
        String identity;
        float[] descriptor;
        String source;
        String userId;
        String modelVersion;

        ObjectNode toJson() {
            ObjectNode o = JSON.createObjectNode();
            o.put("faceId", faceId);
            o.put("imageId", imageId);
            if (externalImageId != null) {
                o.put("externalImageId", externalImageId);
            }
            o.putArray("box").add(left).add(top).add(width).add(height);
            o.put("confidence", confidence);
            if (identity != null) {
                o.put("identity", identity);
            }
            if (descriptor != null) {
                java.nio.ByteBuffer bb = java.nio.ByteBuffer.allocate(descriptor.length * 4);
                for (float v : descriptor) {
                    bb.putFloat(v);
                }
                o.put("descriptor", Base64.getEncoder().encodeToString(bb.array()));
            }
            o.put("source", source);
            if (userId != null) {
                o.put("userId", userId);
            }
            o.put("modelVersion", modelVersion);
            return o;
        }

        static FaceRecord fromJson(JsonNode o) {
            FaceRecord f = new FaceRecord();
            f.faceId = o.get("faceId").asString();
            f.imageId = o.get("imageId").asString();
            f.externalImageId = o.hasNonNull("externalImageId") ? o.get("externalImageId").asString() : null;
            JsonNode b = o.get("box");
            f.left = b.get(0).asDouble();
            f.top = b.get(1).asDouble();
            f.width = b.get(2).asDouble();
            f.height = b.get(3).asDouble();
            f.confidence = o.get("confidence").asDouble();
            f.identity = o.hasNonNull("identity") ? o.get("identity").asString() : null;
            if (o.hasNonNull("descriptor")) {
                java.nio.ByteBuffer bb = java.nio.ByteBuffer.wrap(Base64.getDecoder().decode(o.get("descriptor").asString()));
                float[] d = new float[bb.remaining() / 4];
                for (int i = 0; i < d.length; i++) {
                    d[i] = bb.getFloat();
                }
                f.descriptor = d;
            }
            f.source = o.path("source").asString("catalogue");
            f.userId = o.hasNonNull("userId") ? o.get("userId").asString() : null;
            f.modelVersion = o.path("modelVersion").asString("7.0");
            return f;
        }
    }

    /** A stored user. */
    static final class UserRecord {
        String userId;
        final Set<String> faceIds = new LinkedHashSet<>();

        String status() {
            return faceIds.isEmpty() ? "CREATED" : "ACTIVE";
        }
    }

    /** A stored collection. */
    static final class CollectionRecord {
        String id;
        String arn;
        double created;
        String faceModelVersion;
        final Map<String, FaceRecord> faces = new LinkedHashMap<>();
        final Map<String, UserRecord> users = new LinkedHashMap<>();
    }

    /** Collections by id, sorted as ListCollections lists them. */
    final TreeMap<String, CollectionRecord> collections = new TreeMap<>();

    CollectionRecord collection(String id) {
        return collections.get(id);
    }

    /**
     * Applies one event to the state.
     *
     * @param e the event: {@code {"t": type, ...}}
     */
    void apply(JsonNode e) {
        String t = e.get("t").asString();
        switch (t) {
            case "reset" -> collections.clear();
            case "createCollection" -> {
                CollectionRecord c = new CollectionRecord();
                c.id = e.get("id").asString();
                c.arn = e.get("arn").asString();
                c.created = e.get("created").asDouble();
                c.faceModelVersion = e.path("faceModelVersion").asString("7.0");
                collections.put(c.id, c);
            }
            case "deleteCollection" -> collections.remove(e.get("id").asString());
            case "addFaces" -> {
                CollectionRecord c = collections.get(e.get("collection").asString());
                if (c != null) {
                    for (JsonNode f : e.get("faces")) {
                        FaceRecord r = FaceRecord.fromJson(f);
                        c.faces.put(r.faceId, r);
                        if (r.userId != null && c.users.containsKey(r.userId)) {
                            c.users.get(r.userId).faceIds.add(r.faceId);
                        }
                    }
                }
            }
            case "deleteFaces" -> {
                CollectionRecord c = collections.get(e.get("collection").asString());
                if (c != null) {
                    for (JsonNode id : e.get("faceIds")) {
                        FaceRecord r = c.faces.remove(id.asString());
                        if (r != null && r.userId != null && c.users.containsKey(r.userId)) {
                            c.users.get(r.userId).faceIds.remove(r.faceId);
                        }
                    }
                }
            }
            case "createUser" -> {
                CollectionRecord c = collections.get(e.get("collection").asString());
                if (c != null) {
                    UserRecord u = new UserRecord();
                    u.userId = e.get("userId").asString();
                    c.users.put(u.userId, u);
                }
            }
            case "deleteUser" -> {
                CollectionRecord c = collections.get(e.get("collection").asString());
                if (c != null) {
                    UserRecord u = c.users.remove(e.get("userId").asString());
                    if (u != null) {
                        for (String fid : u.faceIds) {
                            FaceRecord f = c.faces.get(fid);
                            if (f != null) {
                                f.userId = null;
                            }
                        }
                    }
                }
            }
            case "associate", "disassociate" -> {
                CollectionRecord c = collections.get(e.get("collection").asString());
                if (c != null) {
                    UserRecord u = c.users.get(e.get("userId").asString());
                    if (u != null) {
                        for (JsonNode id : e.get("faceIds")) {
                            FaceRecord f = c.faces.get(id.asString());
                            if (f == null) {
                                continue;
                            }
                            if (t.equals("associate")) {
                                f.userId = u.userId;
                                u.faceIds.add(f.faceId);
                            } else {
                                f.userId = null;
                                u.faceIds.remove(f.faceId);
                            }
                        }
                    }
                }
            }
            default -> throw new IllegalArgumentException("unknown journal event " + t);
        }
    }

    /** Returns events that rebuild the current state from nothing (for compacting the journal). */
    List<ObjectNode> snapshotEvents() {
        List<ObjectNode> out = new ArrayList<>();
        for (CollectionRecord c : collections.values()) {
            ObjectNode cc = JSON.createObjectNode();
            cc.put("t", "createCollection").put("id", c.id).put("arn", c.arn).put("created", c.created)
                .put("faceModelVersion", c.faceModelVersion);
            out.add(cc);
            for (UserRecord u : c.users.values()) {
                out.add(JSON.createObjectNode().put("t", "createUser").put("collection", c.id).put("userId", u.userId));
            }
            Collection<FaceRecord> faces = c.faces.values();
            List<FaceRecord> chunk = new ArrayList<>();
            for (FaceRecord f : faces) {
                chunk.add(f);
                if (chunk.size() == 500) {
                    out.add(addFaces(c.id, chunk));
                    chunk.clear();
                }
            }
            if (!chunk.isEmpty()) {
                out.add(addFaces(c.id, chunk));
            }
        }
        return out;
    }

    /**
     * Returns an event about some faces of a collection (deleteFaces, associate, disassociate).
     *
     * @param type the event type
     * @param collection the collection id
     * @param userId the user, or null
     * @param faceIds the faces
     * @return the event
     */
    static ObjectNode faceIdsEvent(String type, String collection, String userId, List<String> faceIds) {
        ObjectNode e = JSON.createObjectNode().put("t", type).put("collection", collection);
        if (userId != null) {
            e.put("userId", userId);
        }
        ArrayNode ids = e.putArray("faceIds");
        faceIds.forEach(ids::add);
        return e;
    }

    static ObjectNode addFaces(String collection, List<FaceRecord> faces) {
        ObjectNode e = JSON.createObjectNode();
        e.put("t", "addFaces").put("collection", collection);
        ArrayNode arr = e.putArray("faces");
        faces.forEach(f -> arr.add(f.toJson()));
        return e;
    }
}
