package dev.rekoface.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rekoface.model.Recognition;
import dev.rekoface.model.Threshold;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code rekoface recognize IMAGE --collection C}: who is this? */
@Command(name = "recognize", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Find the person whose indexed face best matches the largest face of an image.")
final class RecognizeCommand extends BaseCommand {
    @Parameters(index = "0", paramLabel = "IMAGE", description = "A JPEG or PNG file, or s3://BUCKET/KEY.")
    String image;

    @Mixin
    ImageOptions imageOptions;

    @Option(names = {"--collection", "-c"}, required = true, paramLabel = "C", description = "The collection.")
    String collection;

    @Option(names = "--threshold", paramLabel = "PERCENT", defaultValue = "80",
        description = "Lowest similarity that counts, 0-100 (default: ${DEFAULT-VALUE}).")
    double threshold;

    @Override
    int execute() {
        Threshold t = Threshold.of("--threshold", threshold);
        var source = image(image);
        Optional<Recognition> r = rekognition().collection(collection).recognize(source, t);
        if (json()) {
            ObjectNode doc = Render.object().put("image", image).put("collection", collection)
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
            out().println("nobody in " + collection + " matches at threshold " + t);
        }
        return RekofaceCli.OK;
    }
}
