package dev.rekoface.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rekoface.model.Label;
import dev.rekoface.model.Threshold;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code rekoface labels IMAGE}: the objects and scenes in an image. */
@Command(name = "labels", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Detect the objects, scenes and concepts in an image.")
final class LabelsCommand extends BaseCommand {
    @Parameters(index = "0", paramLabel = "IMAGE", description = "A JPEG or PNG file, or s3://BUCKET/KEY.")
    String image;

    @Mixin
    ImageOptions imageOptions;

    @Option(names = "--max", paramLabel = "N", defaultValue = "10", description = "At most N labels (default: ${DEFAULT-VALUE}).")
    int max;

    @Option(names = "--min-confidence", paramLabel = "PERCENT", defaultValue = "55",
        description = "Lowest confidence reported, 0-100 (default: ${DEFAULT-VALUE}).")
    double minConfidence;

    @Override
    int execute() {
        Threshold min = Threshold.of("--min-confidence", minConfidence);
        List<Label> labels = rekognition().detectLabels(image(image), max, min);
        if (json()) {
            ObjectNode doc = Render.object().put("image", image);
            ArrayNode arr = doc.putArray("labels");
            labels.forEach(l -> arr.add(Render.label(l)));
            printJson(doc);
            return RekofaceCli.OK;
        }
        out().println(labels.size() + " label(s) in " + image);
        Render.Table t = new Render.Table("label", "confidence", "parents", "instances");
        for (Label l : labels) {
            t.row(l.name(), Render.pct(l.confidence()), String.join(", ", l.parents()), l.instances().size());
        }
        t.print(out());
        return RekofaceCli.OK;
    }
}
