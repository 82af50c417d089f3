package dev.rekoface.cli;

import tools.jackson.databind.node.ObjectNode;
import dev.rekoface.InvalidArgumentException;
import dev.rekoface.model.FaceAttributes;
import dev.rekoface.model.Threshold;
import dev.rekoface.s3.S3Uri;
import dev.rekoface.s3.scan.BucketScan;
import dev.rekoface.s3.scan.ScanSummary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code rekoface scan s3://BUCKET/PREFIX --find IMAGE --output FILE.jsonl}: "where is this person?" over a bucket. */
@Command(name = "scan", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Scan every object under an S3 prefix and write one JSON line per object, in key order.",
        "Non-images are skipped by their bytes, duplicates by their ETag; --resume continues an interrupted scan."})
final class ScanCommand extends BaseCommand {
    @Parameters(index = "0", paramLabel = "S3_PREFIX", description = "s3://BUCKET or s3://BUCKET/PREFIX")
    String source;

    @Option(names = "--find", paramLabel = "IMAGE", description = "Find this person: the largest face of IMAGE.")
    String find;

    @Mixin
    ImageOptions imageOptions;

    @Option(names = "--collection", paramLabel = "C", description = "Instead: recognize the people of a collection.")
    String collection;

    @Option(names = "--detect", description = "Instead: detect the faces and their dominant emotion.")
    boolean detect;

    @Mixin
    ThresholdOption threshold;

    @Option(names = {"--output", "-o"}, required = true, paramLabel = "FILE.jsonl", description = "Where the lines go.")
    Path output;

    @Option(names = "--resume", description = "Continue the scan that wrote FILE.jsonl (else it must not exist).")
    boolean resume;

    @Option(names = "--concurrency", paramLabel = "N", defaultValue = "8",
        description = "Images in flight at once (default: ${DEFAULT-VALUE}); the client's rate limit still applies.")
    int concurrency;

    @Option(names = "--progress", negatable = true, defaultValue = "true", fallbackValue = "true",
        description = "Show a progress bar on a terminal (default: on).")
    boolean progress;

    @Override
    int execute() {
        S3Uri uri = S3Uri.parse(source);
        int modes = (find != null ? 1 : 0) + (collection != null ? 1 : 0) + (detect ? 1 : 0);
        if (modes != 1) {
            throw new InvalidArgumentException("--find", "scan: give exactly one of --find IMAGE, --collection C or --detect");
        }
        Threshold t = threshold.threshold();
        Path outputDir = output.toAbsolutePath().getParent();
        if (outputDir != null && !Files.isDirectory(outputDir)) {
            throw new InvalidArgumentException("--output", "--output " + output + ": no such directory " + outputDir);
        }
        if (!resume && Files.exists(output)) {
            throw new InvalidArgumentException("--output", "--output " + output + " exists; pass --resume to continue "
                + "that scan, or choose another file");
        }
        ImageArg reference = find != null ? imageArg(find) : null;
        BucketScan.Builder b = BucketScan.builder().images(env().s3()).client(rekognition()).source(uri).output(output)
            .resume(resume).concurrency(concurrency);
        if (find != null) {
            b.findFace(resolve(reference), t);
        } else if (collection != null) {
            b.recognize(rekognition().collection(collection), t);
        } else {
            b.detectFaces(FaceAttributes.ALL);
        }
        ScanSummary s;
        if (progress && System.console() != null && !json()) {
            long total = resume ? -1 : env().s3().list(uri).count();
            try (ProgressBar bar = new ProgressBarBuilder().setTaskName("scan").setInitialMax(total)
                .setStyle(ProgressBarStyle.ASCII).setConsumer(new ConsoleProgressBarConsumer(System.err))
                .setUnit(" objects", 1).build()) {
                s = b.onProgress(p -> bar.stepTo(p.written()).setExtraMessage(p.matched() + " matched")).build().run();
            }
        } else {
            s = b.build().run();
        }
        if (json()) {
            ObjectNode doc = Render.object().put("source", source).put("output", output.toString()).put("lines", s.lines());
            ObjectNode by = doc.putObject("byStatus");
            s.byStatus().forEach(by::put);
            if (s.resumedAfter() != null) {
                doc.put("resumedAfter", s.resumedAfter());
            }
            doc.put("seconds", Render.round(s.elapsed().toMillis() / 1000.0));
            printJson(doc);
        } else {
            StringBuilder sb = new StringBuilder();
            for (Map.Entry<String, Long> e : s.byStatus().entrySet()) {
                sb.append(sb.length() == 0 ? "" : ", ").append(e.getValue()).append(' ').append(e.getKey());
            }
            out().println("scanned " + source + (s.resumedAfter() != null ? " (resumed after " + s.resumedAfter() + ")" : "")
                + ": " + s.lines() + " object(s) in " + Render.round(s.elapsed().toMillis() / 1000.0) + " s: " + sb);
            out().println("results: " + output);
        }
        return RekofaceCli.OK;
    }
}
