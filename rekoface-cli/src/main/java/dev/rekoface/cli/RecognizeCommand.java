package dev.rekoface.cli;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import dev.rekoface.InvalidArgumentException;
import dev.rekoface.annotate.FaceAnnotator;
import dev.rekoface.image.LocalImage;
import dev.rekoface.model.FaceDetails;
import dev.rekoface.model.FaceRecognition;
import dev.rekoface.model.Recognition;
import dev.rekoface.model.Threshold;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code rekoface recognize IMAGE --collection C [--all [--annotate OUT.png]]}: who is this, or who is in this photo? */
@Command(name = "recognize", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Find the person whose indexed face best matches the largest face of an image, or with --all "
        + "every face of a group photo.")
final class RecognizeCommand extends BaseCommand {
    @Mixin
    ImageArgument input;

    @Mixin
    CollectionOption collection;

    @Mixin
    ThresholdOption threshold;

    @Option(names = "--all", description = "Recognise every face of the image, not only the largest: one row per face "
        + "with its box, the person or 'unknown', the similarity and why a face was not searched.")
    boolean all;

    @Option(names = "--annotate", paramLabel = "OUT.png",
        description = "With --all: write a copy of the image with each face's box and the name found there.")
    Path annotate;

    @Override
    int execute() {
        Threshold t = threshold.threshold();
        if (annotate != null && !all) {
            throw new InvalidArgumentException("--annotate", "--annotate needs --all (it draws every face's name)");
        }
        if (all) {
            return everyone(t);
        }
        var source = image(input.image);
        Optional<Recognition> r = rekognition().collection(collection.id).recognize(source, t);
        if (json()) {
            ObjectNode doc = Render.object().put("image", input.image).put("collection", collection.id)
                .put("threshold", t.percent()).put("recognized", r.isPresent());
            r.ifPresent(x -> {
                x.personId().ifPresent(p -> doc.put("personId", p));
                doc.put("similarity", Render.round(x.similarity())).put("faceId", x.face().faceId());
            });
            printJson(doc);
        } else if (r.isPresent()) {
            Recognition x = r.get();
            out().println("recognized " + x.personId().orElse("(a face with no person id)") + " ("
                + Render.pct(x.similarity()) + " similar, face " + x.face().faceId() + ")");
        } else {
            out().println("nobody in " + collection.id + " matches at threshold " + t);
        }
        return RekofaceCli.OK;
    }

    private int everyone(Threshold t) {
        if (annotate != null && annotate.getParent() != null && !Files.isDirectory(annotate.getParent())) {
            throw new InvalidArgumentException("--annotate", "--annotate " + annotate + ": directory "
                + annotate.getParent() + " does not exist");
        }
        LocalImage photo = localImage(input.image);
        List<FaceRecognition> faces = rekognition().collection(collection.id).recognizeAll(photo, t);
        if (annotate != null) {
            Map<FaceDetails, String> names = new IdentityHashMap<>();
            faces.forEach(f -> names.put(f.face(), label(f)));
            FaceAnnotator.standard().withLabels(names::get).write(photo, faces.stream().map(FaceRecognition::face).toList(),
                annotate);
        }
        if (json()) {
            ObjectNode doc = Render.object().put("image", input.image).put("collection", collection.id)
                .put("threshold", t.percent());
            ArrayNode arr = doc.putArray("faces");
            int i = 1;
            for (FaceRecognition f : faces) {
                ObjectNode n = arr.addObject().put("face", i++);
                n.set("boundingBox", Render.box(f.box()));
                n.set("pixelBox", Render.pixels(f.pixelBox()));
                n.put("recognized", f.match().isPresent());
                f.match().ifPresent(m -> {
                    m.personId().ifPresent(p -> n.put("personId", p));
                    n.put("similarity", Render.round(m.similarity())).put("faceId", m.face().faceId());
                });
                f.unsearchedReason().ifPresent(r -> n.put("unsearched", r.name()));
            }
            if (annotate != null) {
                doc.put("annotated", annotate.toString());
            }
            printJson(doc);
            return RekofaceCli.OK;
        }
        long known = faces.stream().filter(f -> f.match().isPresent()).count();
        out().println(faces.size() + (faces.size() == 1 ? " face" : " faces") + " in " + input.image + ", " + known
            + " recognized in " + collection.id + " at threshold " + t);
        if (!faces.isEmpty()) {
            Render.Table table = new Render.Table("#", "box (WxH+X+Y)", "person", "similarity", "note");
            int i = 1;
            for (FaceRecognition f : faces) {
                table.row(i++, Render.boxText(f.face()),
                    f.match().map(m -> m.personId().orElse("(no person id)")).orElse("unknown"),
                    f.similarity().map(Render::pct).orElse("-"), note(f));
            }
            table.print(out());
        }
        if (annotate != null) {
            out().println("annotated copy: " + annotate);
        }
        return RekofaceCli.OK;
    }

    private static String note(FaceRecognition f) {
        return f.unsearchedReason().map(r -> switch (r) {
            case TOO_SMALL -> "not searched: under " + FaceRecognition.MIN_FACE_PIXELS + " px";
            case NO_FACE_IN_CROP -> "no searchable face (blurred, dark or turned away?)";
        }).orElse("");
    }

    private static String label(FaceRecognition f) {
        if (f.match().isPresent()) {
            Recognition m = f.match().get();
            return m.personId().orElse("(no person id)") + " " + Render.pct(m.similarity());
        }
        return f.unsearchedReason().isPresent() ? "?" : "unknown";
    }
}
