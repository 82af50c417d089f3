package dev.rekoface.testkit.emulator;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import dev.rekoface.Operation;
import dev.rekoface.testkit.emulator.EmulatorState.CollectionRecord;

/** CreateCollection, DescribeCollection, ListCollections and DeleteCollection over the {@link EmulatorStore}. */
record CollectionOperations(EmulatorStore store, String region, String accountId) {
    /** The face model version of every collection the emulator creates. */
    static final String FACE_MODEL_VERSION = "7.0";

    private String arn(String id) {
        return "aws:rekognition:" + region + ":" + accountId + ":collection/" + id;
    }

    ObjectNode createCollection(JsonNode req) {
        String id = req.get("CollectionId").asString();
        store.write(() -> {
            if (store.exists(id)) {
                throw ServiceError.badRequest("ResourceAlreadyExistsException", "The collection id: " + id + " already exists");
            }
            double created = System.currentTimeMillis() / 1000.0;
            store.apply(EmulatorState.JSON.createObjectNode().put("t", "createCollection").put("id", id).put("arn", arn(id))
                .put("created", created).put("faceModelVersion", FACE_MODEL_VERSION));
        });
        ObjectNode out = EmulatorState.JSON.createObjectNode();
        out.put("StatusCode", 200);
        out.put("CollectionArn", arn(id));
        out.put("FaceModelVersion", FACE_MODEL_VERSION);
        return out;
    }

    ObjectNode describeCollection(JsonNode req) {
        return store.read(() -> {
            CollectionRecord c = store.collection(req.get("CollectionId").asString());
            ObjectNode out = EmulatorState.JSON.createObjectNode();
            out.put("FaceCount", c.faces.size());
            out.put("FaceModelVersion", c.faceModelVersion);
            out.put("CollectionARN", "arn:" + c.arn);
            out.put("CreationTimestamp", c.created);
            out.put("UserCount", c.users.size());
            return out;
        });
    }

    ObjectNode listCollections(JsonNode req) {
        Paging page = Paging.of(Operation.LIST_COLLECTIONS, req, Paging.LIST_COLLECTIONS);
        return store.read(() -> {
            ObjectNode out = EmulatorState.JSON.createObjectNode();
            ArrayNode ids = out.putArray("CollectionIds");
            ArrayNode versions = out.putArray("FaceModelVersions");
            page.fill(store.collections(), c -> {
                ids.add(c.id);
                versions.add(c.faceModelVersion);
            }, out);
            return out;
        });
    }

    ObjectNode deleteCollection(JsonNode req) {
        String id = req.get("CollectionId").asString();
        store.write(() -> {
            store.collection(id);
            store.apply(EmulatorState.JSON.createObjectNode().put("t", "deleteCollection").put("id", id));
        });
        return EmulatorState.JSON.createObjectNode().put("StatusCode", 200);
    }
}
