package dev.rekoface.examples;

import dev.rekoface.RekofaceClient;
import dev.rekoface.model.FaceAttributes;
import dev.rekoface.model.FaceComparison;
import dev.rekoface.model.FaceDetails;
import dev.rekoface.model.Label;
import dev.rekoface.model.Threshold;
import dev.rekoface.s3.S3Images;
import dev.rekoface.s3.S3Uri;
import dev.rekoface.s3.scan.BucketScan;
import dev.rekoface.s3.scan.ScanSummary;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Seed 001, "Hands on with the Amazon Rekognition API": detect faces, detect labels and compare faces on images in an
 * S3 bucket, then the challenge "Where's Ric?": find every picture of one person in a whole bucket, where not every
 * object is an image.
 *
 * <p>Run it on a running {@code rekoface local} (Rekognition and S3), or on AWS with {@code --bucket} alone:
 * <pre>{@code
 * java -cp rekoface-cli/target/rekoface.jar dev.rekoface.examples.HandsOnLab --endpoint http://localhost:4599 \
 *     --s3-endpoint http://127.0.0.1:4598 --bucket rekoface-samples
 * }</pre>
 */
public final class HandsOnLab {
    private HandsOnLab() {
    }

    /**
     * Runs the example on AWS (default credential and region chains), or on a running emulator with
     * {@code --endpoint URL --s3-endpoint URL}; {@code --bucket B} names the bucket holding the sample photos.
     *
     * @param args {@value Clients#USAGE} (see {@link Clients})
     */
    public static void main(String[] args) {
        Clients.run(args, c ->
            run(c.rekognition(), c.s3(), c.bucket().orElse(null), new PrintWriter(System.out, true)));
    }

    /**
     * Runs the lab on the samples bucket.
     *
     * @param reko the Rekognition client
     * @param s3 the S3 access
     * @param bucket the bucket holding the sample photos
     * @param out where to print
     * @return the scan's summary
     * @throws dev.rekoface.InvalidArgumentException when the bucket is null
     */
    public static ScanSummary run(RekofaceClient reko, S3Images s3, String bucket, PrintWriter out) {
        // aws rekognition detect-faces --image "S3Object={Bucket=...,Name=obama.jpg}" --attributes ALL
        S3Uri portrait = Samples.inBucket(bucket, "obama.jpg");
        List<FaceDetails> faces = reko.detectFaces(s3.check(portrait), FaceAttributes.ALL);
        out.println("detect-faces " + portrait + ": " + faces.size() + " face(s), age "
            + faces.get(0).ageRange().map(Object::toString).orElse("?") + ", "
            + faces.get(0).dominantEmotion().map(e -> e.rawType()).orElse("?"));

        // aws rekognition detect-labels --image "S3Object={Bucket=...,Name=obama.jpg}"
        List<Label> labels = reko.detectLabels(s3.check(portrait), 10, Threshold.percent(70));
        out.println("detect-labels " + portrait + ": " + labels.stream()
            .map(l -> String.format(Locale.ROOT, "%s %.0f%%", l.name(), l.confidence())).toList());

        // aws rekognition compare-faces --source-image obama.jpg --target-image two_people.jpg
        S3Uri crowd = Samples.inBucket(bucket, "two_people.jpg");
        FaceComparison cmp = reko.compareFaces(s3.check(portrait), s3.check(crowd), 90);
        out.println("compare-faces obama.jpg two_people.jpg: " + cmp.matches().size() + " match(es)"
            + cmp.bestMatch().map(m -> String.format(Locale.ROOT, " at %.1f%%", m.similarity())).orElse("")
            + ", " + cmp.unmatchedFaces().size() + " other face(s)");

        // The challenge: where's Barack? Every object of the bucket, non-images skipped by their bytes.
        Path results;
        try {
            results = Files.createTempFile("rekoface-where-is", ".jsonl");
            Files.delete(results);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ScanSummary scan = BucketScan.builder().images(s3).client(reko)
            .source(S3Uri.parse("s3://" + portrait.bucket() + "/"))
            .findFace(Samples.image("obama2.jpg"), Threshold.percent(90))
            .output(results).build().run();
        out.println("where's Barack? " + scan.count("match") + " of " + scan.lines() + " objects show him"
            + " (" + scan.count("no_match") + " without him, " + scan.count("no_face") + " without faces, "
            + scan.count("skipped") + " skipped); lines in " + results);
        try {
            Files.readAllLines(results).stream().filter(l -> l.contains("\"status\":\"match\""))
                .map(l -> "    " + l.replaceAll("^\\{\"key\":\"([^\"]*)\".*\"similarity\":([0-9.]+).*$", "$1 ($2%)"))
                .forEach(out::println);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Samples.check(labels.stream().anyMatch(l -> l.name().equals("Person")), "no Person label for a portrait");
        Samples.check(faces.size() == 1, "obama.jpg should show one face, got " + faces.size());
        Samples.check(cmp.matches().size() == 1, "obama.jpg should match one face of two_people.jpg");
        Samples.check(scan.count("match") >= 2, "the scan should find Barack in several pictures");
        return scan;
    }
}
