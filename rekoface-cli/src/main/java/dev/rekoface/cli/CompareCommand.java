package dev.rekoface.cli;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import dev.rekoface.model.FaceComparison;
import dev.rekoface.model.FaceDetails;
import dev.rekoface.model.Match;
import dev.rekoface.model.QualityFilter;
import dev.rekoface.model.Threshold;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code rekoface compare SOURCE TARGET}: is the largest face of SOURCE among the faces of TARGET? */
@Command(name = "compare", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Compare the largest face of SOURCE with every face in TARGET.")
final class CompareCommand extends BaseCommand {
    @Parameters(index = "0", paramLabel = "SOURCE", description = "The face to look for: a file or s3://BUCKET/KEY.")
    String source;

    @Parameters(index = "1", paramLabel = "TARGET", description = "Where to look: a file or s3://BUCKET/KEY.")
    String target;

    @Mixin
    ImageOptions imageOptions;

    @Mixin
    ThresholdOption threshold;

    @Option(names = "--quality-filter", paramLabel = "FILTER", defaultValue = "NONE",
        description = "Drop low-quality faces first: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    QualityFilter qualityFilter;

    @Override
    int execute() {
        Threshold t = threshold.threshold();
        ImageArg src = imageArg(source);
        ImageArg tgt = imageArg(target);
        FaceComparison cmp = rekognition().compareFaces(resolve(src), resolve(tgt), t, qualityFilter);
        if (json()) {
            ObjectNode doc = Render.object().put("source", source).put("target", target).put("threshold", t.percent());
            cmp.sourceFace().ifPresent(f -> doc.set("sourceFace", Render.face(f)));
            ArrayNode matches = doc.putArray("matches");
            for (Match m : cmp.matches()) {
                matches.addObject().put("similarity", Render.round(m.similarity())).set("face", Render.face(m.face()));
            }
            ArrayNode un = doc.putArray("unmatched");
            cmp.unmatchedFaces().forEach(f -> un.add(Render.face(f)));
            printJson(doc);
            return RekofaceCli.OK;
        }
        out().println(cmp.matches().size() + (cmp.matches().size() == 1 ? " match" : " matches") + " and "
            + cmp.unmatchedFaces().size() + " other face(s) in " + target + " at threshold " + t);
        Render.Table table = new Render.Table("face in target", "similarity", "result");
        for (Match m : cmp.matches()) {
            table.row(Render.boxText(m.face()), Render.pct(m.similarity()), "match");
        }
        for (FaceDetails f : cmp.unmatchedFaces()) {
            table.row(Render.boxText(f), "-", "no match");
        }
        table.print(out());
        return RekofaceCli.OK;
    }
}
