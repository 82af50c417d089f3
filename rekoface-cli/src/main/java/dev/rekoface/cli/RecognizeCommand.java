package dev.rekoface.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rekoface.model.Recognition;
import dev.rekoface.model.Threshold;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code rekoface recognize IMAGE --collection C}: who is this? */
@Command(name = "recognize", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Find the person whose indexed face best matches the largest face of an image.")
final class RecognizeCommand extends BaseCommand {
    @Mixin
    ImageArgument input;

    @Mixin
    CollectionOption collection;

    @Mixin
    ThresholdOption threshold;

    @Override
    int execute() {
        Threshold t = threshold.threshold();
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
}
