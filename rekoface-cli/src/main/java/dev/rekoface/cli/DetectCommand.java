package dev.rekoface.cli;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import dev.rekoface.InvalidArgumentException;
import dev.rekoface.annotate.FaceAnnotator;
import dev.rekoface.image.ImageSource;
import dev.rekoface.image.LocalImage;
import dev.rekoface.model.FaceAttribute;
import dev.rekoface.model.FaceAttributes;
import dev.rekoface.model.FaceDetails;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code rekoface detect IMAGE}: the faces in an image, with their attributes, optionally drawn onto a copy. */
@Command(name = "detect", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Detect the faces in an image: box, age, gender, emotions, glasses, pose, quality.")
final class DetectCommand extends BaseCommand {
    @Mixin
    ImageArgument input;

    @Option(names = "--attributes", paramLabel = "SET", defaultValue = "DEFAULT",
        description = "DEFAULT (box, pose, quality, landmarks), ALL, or a comma-separated list such as "
            + "EMOTIONS,AGE_RANGE,SMILE (default: ${DEFAULT-VALUE}).")
    String attributes;

    @Option(names = "--annotate", paramLabel = "OUT.png",
        description = "Write a copy of the image with each face's box, landmarks and dominant emotion.")
    Path annotate;

    @Override
    int execute() {
        FaceAttributes attrs = parseAttributes(attributes);
        if (annotate != null && annotate.getParent() != null && !java.nio.file.Files.isDirectory(annotate.getParent())) {
            throw new InvalidArgumentException("--annotate", "--annotate " + annotate + ": directory "
                + annotate.getParent() + " does not exist");
        }
        ImageSource source = annotate != null ? localImage(input.image) : image(input.image);
        List<FaceDetails> faces = rekognition().detectFaces(source, attrs);
        if (annotate != null) {
            FaceAnnotator.standard().write((LocalImage) source, faces, annotate);
        }
        if (json()) {
            ObjectNode doc = Render.object().put("image", input.image).put("attributes", attrs.toString());
            ArrayNode arr = doc.putArray("faces");
            faces.forEach(f -> arr.add(Render.face(f)));
            if (annotate != null) {
                doc.put("annotated", annotate.toString());
            }
            printJson(doc);
            return RekofaceCli.OK;
        }
        out().println(faces.size() + (faces.size() == 1 ? " face" : " faces") + " in " + input.image);
        if (!faces.isEmpty()) {
            Render.Table t = new Render.Table("#", "box (WxH+X+Y)", "confidence", "age", "gender", "emotion", "smile",
                "glasses", "sunglasses");
            int i = 1;
            for (FaceDetails f : faces) {
                t.row(i++, Render.boxText(f), f.confidence().isPresent() ? Render.pct(f.confidence().getAsDouble()) : "-",
                    f.ageRange().map(a -> a.low() + "-" + a.high()).orElse("-"),
                    f.gender().map(g -> g.rawValue() + " " + Render.pct(g.confidence())).orElse("-"),
                    f.dominantEmotion().map(e -> e.rawType() + " " + Render.pct(e.confidence())).orElse("-"),
                    Render.yesNo(f.smile()), Render.yesNo(f.eyeglasses()), Render.yesNo(f.sunglasses()));
            }
            t.print(out());
        }
        if (annotate != null) {
            out().println("annotated copy: " + annotate);
        }
        return RekofaceCli.OK;
    }

    /**
     * Parses {@code --attributes}.
     *
     * @param text DEFAULT, ALL, or attribute names separated by commas
     * @return the attribute set
     */
    static FaceAttributes parseAttributes(String text) {
        String t = text.trim().toUpperCase(Locale.ROOT);
        if (t.equals("DEFAULT")) {
            return FaceAttributes.DEFAULT;
        }
        if (t.equals("ALL")) {
            return FaceAttributes.ALL;
        }
        EnumSet<FaceAttribute> set = EnumSet.noneOf(FaceAttribute.class);
        for (String part : t.split(",")) {
            String name = part.trim().replace('-', '_');
            try {
                set.add(FaceAttribute.valueOf(name));
            } catch (IllegalArgumentException e) {
                throw new InvalidArgumentException("--attributes", "--attributes: unknown attribute '" + part.trim()
                    + "'; use DEFAULT, ALL or some of " + EnumSet.allOf(FaceAttribute.class));
            }
        }
        if (set.isEmpty()) {
            throw new InvalidArgumentException("--attributes", "--attributes '" + text
                + "' names no attribute; use DEFAULT, ALL or some of " + EnumSet.allOf(FaceAttribute.class));
        }
        FaceAttribute first = set.iterator().next();
        set.remove(first);
        return FaceAttributes.of(first, set.toArray(new FaceAttribute[0]));
    }
}
