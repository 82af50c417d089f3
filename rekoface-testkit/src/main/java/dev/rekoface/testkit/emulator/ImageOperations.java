package dev.rekoface.testkit.emulator;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import dev.rekoface.model.BoundingBox;
import dev.rekoface.testkit.faces.SourceFace;
import java.util.ArrayList;
import java.util.List;

/**
 * The operations on images alone, with no stored state: DetectFaces, CompareFaces and DetectLabels. Thread-safe.
 */
record ImageOperations(ImageResolver images, FaceLookup lookup) {
    /** The service's answer when an image that must show a face shows none. */
    static final String NO_FACE = "There are no faces in the image. Should be at least 1.";

    ObjectNode detectFaces(JsonNode req) {
        ImageResolver.Resolved img = images.resolve(req.get("Image"));
        FaceRenderer.Selection sel = FaceRenderer.select(Requests.strings(req.get("Attributes")));
        ObjectNode out = EmulatorState.JSON.createObjectNode();
        ArrayNode arr = out.putArray("FaceDetails");
        List<SourceFace> faces = lookup.faces(img);
        for (SourceFace f : faces.subList(0, Math.min(100, faces.size()))) {
            arr.add(FaceRenderer.faceDetail(f, sel, FaceLookup.seed(img, f)));
        }
        return out;
    }

    ObjectNode compareFaces(JsonNode req) {
        ImageResolver.Resolved src = images.resolve(req.get("SourceImage"));
        ImageResolver.Resolved tgt = images.resolve(req.get("TargetImage"));
        double threshold = req.path("SimilarityThreshold").asDouble(80.0);
        String filter = req.path("QualityFilter").asString("NONE");
        List<SourceFace> srcFaces = lookup.faces(src);
        if (srcFaces.isEmpty()) {
            throw ServiceError.invalidParameter(NO_FACE);
        }
        SourceFace source = srcFaces.get(0);
        ObjectNode out = EmulatorState.JSON.createObjectNode();
        out.set("SourceImageFace", FaceRenderer.boxAndConfidence(source));
        ArrayNode matches = out.putArray("FaceMatches");
        ArrayNode unmatched = out.putArray("UnmatchedFaces");
        List<SourceFace> targets = lookup.faces(tgt);
        List<Scored<SourceFace>> scored = new ArrayList<>();
        for (SourceFace t : targets.subList(0, Math.min(100, targets.size()))) {
            if (FaceLookup.qualityReason(tgt, t, filter) != null) {
                continue;
            }
            double s = lookup.similarity(source, t);
            if (s >= threshold) {
                scored.add(new Scored<>(s, t));
            } else {
                unmatched.add(FaceRenderer.compareFace(t, FaceLookup.seed(tgt, t)));
            }
        }
        matches.addAll(Scored.matches(scored, Integer.MAX_VALUE, "Face", t -> FaceRenderer.compareFace(t, FaceLookup.seed(tgt, t))));
        return out;
    }

    ObjectNode detectLabels(JsonNode req) {
        ImageResolver.Resolved img = images.resolve(req.get("Image"));
        double min = req.path("MinConfidence").asDouble(55.0);
        int max = Requests.integer(req, "MaxLabels", 1000);
        List<SourceFace> faces = lookup.faces(img);
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
}
