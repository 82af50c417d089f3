package dev.rekoface.examples;

import dev.rekoface.RekofaceClient;
import dev.rekoface.model.Emotion;
import dev.rekoface.model.FaceAttributes;
import dev.rekoface.model.FaceDetails;
import java.io.PrintWriter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Seed 004, "Facial Analysis with Python and Amazon Rekognition": detect every face of a photo with all attributes and
 * print what Rekognition sees in each: age range, gender, smile, glasses, and the emotions table, strongest first.
 *
 * <p>Run it on a running emulator ({@code rekoface local}), or without arguments on AWS:
 * <pre>{@code
 * java -cp rekoface-cli/target/rekoface.jar dev.rekoface.examples.FacialAnalysis --endpoint http://localhost:4599
 * }</pre>
 */
public final class FacialAnalysis {
    private FacialAnalysis() {
    }

    /**
     * Runs the example on AWS (default credential and region chains), or on a running emulator with
     * {@code --endpoint URL}.
     *
     * @param args {@value Clients#USAGE} (see {@link Clients})
     */
    public static void main(String[] args) {
        Clients.run(args, c -> run(c.rekognition(), new PrintWriter(System.out, true), "family-1128316.jpg"));
    }

    /**
     * Analyses the faces of a sample photo.
     *
     * @param reko the Rekognition client
     * @param out where to print
     * @param sample the sample photo
     * @return the faces
     */
    public static List<FaceDetails> run(RekofaceClient reko, PrintWriter out, String sample) {
        List<FaceDetails> faces = reko.detectFaces(Samples.image(sample), FaceAttributes.ALL);
        out.println(sample + ": " + faces.size() + " face(s)");
        int n = 1;
        for (FaceDetails face : faces) {
            out.printf(Locale.ROOT, "face %d: age %s, %s, smiling: %s, eyeglasses: %s%n", n++,
                face.ageRange().map(Object::toString).orElse("?"),
                face.gender().map(g -> g.rawValue().toLowerCase(Locale.ROOT)).orElse("?"),
                face.smile().map(s -> s.value() ? "yes" : "no").orElse("?"),
                face.eyeglasses().map(s -> s.value() ? "yes" : "no").orElse("?"));
            out.println("    emotion     confidence");
            face.emotions().stream().sorted(Comparator.comparingDouble(Emotion::confidence).reversed())
                .forEach(e -> out.printf(Locale.ROOT, "    %-10s  %6.2f%%%n", e.rawType(), e.confidence()));
        }
        Samples.check(!faces.isEmpty(), "no face found in " + sample);
        Samples.check(faces.stream().allMatch(f -> !f.emotions().isEmpty()), "a face came back without emotions");
        return faces;
    }
}
