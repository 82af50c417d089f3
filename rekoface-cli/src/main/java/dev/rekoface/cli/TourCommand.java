package dev.rekoface.cli;

import dev.rekoface.examples.AddToCollection;
import dev.rekoface.examples.EmotionPipeline;
import dev.rekoface.examples.FaceLogin;
import dev.rekoface.examples.FacialAnalysis;
import dev.rekoface.examples.HandsOnLab;
import dev.rekoface.examples.Samples;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import picocli.CommandLine.Command;

/**
 * {@code rekoface tour}: every seed story end to end, printing what each step did. Each step is a story program of
 * rekoface-examples, run with the clients of the chosen backend.
 */
@Command(name = "tour", mixinStandardHelpOptions = true,
    description = {"Run every use case end to end: facial analysis, the hands-on lab with the find-a-person scan, the "
        + "emotion pipeline, add-to-collection, and the face-login app.",
        "On the local default it uses a fresh temporary data directory with its own background local stack (inside the "
            + "command with --no-daemon), both removed afterwards. Exits 1 if a step fails."})
final class TourCommand extends BaseCommand {
    private record Step(String seed, String title, BiConsumer<Env, PrintWriter> body) {
    }

    /** The idle time of the tour's own background stack, should the tour be killed before it stops it. */
    private static final java.time.Duration TOUR_IDLE = java.time.Duration.ofMinutes(2);

    private static final List<Step> STEPS = List.of(
        new Step("004", "Facial analysis: ages, genders and an emotions table",
            (env, out) -> FacialAnalysis.run(env.rekognition(), out, "family-1128316.jpg")),
        new Step("001", "Hands-on lab: detect, labels and compare on S3 objects; where's Barack?", (env, out) -> {
            String bucket = samplesBucket(env);
            HandsOnLab.run(env.rekognition(), env.s3(), bucket, out);
        }),
        new Step("002", "Emotion pipeline: upload, S3-event handler, annotated copy, presigned link", (env, out) -> {
            String bucket = samplesBucket(env);
            EmotionPipeline.run(env.rekognition(), env.s3(), bucket, out);
        }),
        new Step("003", "Add to collection and check a face", (env, out) -> AddToCollection.run(env.rekognition(), out)),
        new Step("000", "Face login: register, log in, stranger, forget (GDPR)",
            (env, out) -> FaceLogin.run(env.rekognition(), out)));

    /** The bucket holding the sample photos, checked before S3 so that a missing bucket is the error reported. */
    private static String samplesBucket(Env env) {
        return Samples.requireBucket(env.samplesBucket().orElse(null));
    }

    @Override
    int execute() throws IOException {
        RekofaceCli root = root();
        boolean local = !root.aws && root.endpoint == null;
        Path temp = local ? Files.createTempDirectory("rekoface-tour") : null;
        Env env;
        try {
            env = !local ? env() : root.noDaemon ? Env.local(temp) : Env.daemon(temp, TOUR_IDLE);
        } catch (RuntimeException e) {
            if (local) {
                try {
                    deleteTree(temp);
                } catch (IOException suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            throw e;
        }
        if (local) {
            err().println("rekoface: using " + env.description());
            err().flush();
        }
        PrintWriter out = out();
        int failed = 0;
        long start = System.nanoTime();
        try {
            for (Step step : STEPS) {
                out.println();
                out.println("== seed " + step.seed() + ": " + step.title());
                out.flush();
                long t0 = System.nanoTime();
                try {
                    step.body().accept(env, out);
                    out.printf("-- ok (%.1f s)%n", (System.nanoTime() - t0) / 1e9);
                } catch (RuntimeException e) {
                    failed++;
                    out.println("-- FAILED: " + RekofaceCli.oneLine(e));
                    if (root.verbose()) {
                        e.printStackTrace(err());
                    }
                }
                out.flush();
            }
        } finally {
            if (local) {
                try {
                    env.close();
                    if (!root.noDaemon) {
                        Daemon.stop(temp);
                    }
                } finally {
                    deleteTree(temp);
                }
            }
        }
        out.println();
        out.printf("tour: %d of %d steps passed in %.1f s%n", STEPS.size() - failed, STEPS.size(),
            (System.nanoTime() - start) / 1e9);
        return failed == 0 ? RekofaceCli.OK : RekofaceCli.FAILED;
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
