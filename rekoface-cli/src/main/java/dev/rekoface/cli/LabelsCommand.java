package dev.rekoface.cli;

import dev.rekoface.model.Label;
import dev.rekoface.model.Threshold;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code rekoface labels IMAGE}: the objects and scenes in an image. */
@Command(name = "labels", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Detect the objects, scenes and concepts in an image.")
final class LabelsCommand extends BaseCommand {
    @Mixin
    ImageArgument input;

    @Option(names = "--max", paramLabel = "N", defaultValue = "10", description = "At most N labels (default: ${DEFAULT-VALUE}).")
    int max;

    @Option(names = "--min-confidence", paramLabel = "PERCENT", defaultValue = "55",
        description = "Lowest confidence reported, 0-100 (default: ${DEFAULT-VALUE}).")
    double minConfidence;

    @Override
    int execute() {
        Threshold min = Threshold.of("--min-confidence", minConfidence);
        List<Label> labels = rekognition().detectLabels(image(input.image), max, min);
        printList(Render.object().put("image", input.image), "labels", labels, Render::label,
            labels.size() + " label(s) in " + input.image, new Render.Table("label", "confidence", "parents", "instances"),
            l -> new Object[] {l.name(), Render.pct(l.confidence()), String.join(", ", l.parents()), l.instances().size()});
        return RekofaceCli.OK;
    }
}
