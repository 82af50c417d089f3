package dev.rekoface.examples;

import dev.rekoface.FaceCollection;
import dev.rekoface.RekofaceClient;
import dev.rekoface.model.Recognition;
import java.io.PrintWriter;
import java.util.Optional;

/**
 * Seed 003, "Using AWS Rekognition For Facial Recognition": {@code add2col} puts a named person's face into a
 * collection, {@code check_face} names the person in another photo. rekoface keeps the name as the person id (any
 * text; it is encoded for the service) and {@code recognize} answers with it.
 *
 * <p>Run it on a running emulator ({@code rekoface local}), or without arguments on AWS:
 * <pre>{@code
 * java -cp rekoface-cli/target/rekoface.jar dev.rekoface.examples.AddToCollection --endpoint http://localhost:4599
 * }</pre>
 */
public final class AddToCollection {
    /** The collection this example uses (and deletes at the end). */
    public static final String COLLECTION = "rekoface-example-003";

    private AddToCollection() {
    }

    /**
     * Runs the example on AWS (default credential and region chains), or on a running emulator with
     * {@code --endpoint URL}.
     *
     * @param args {@value Clients#USAGE} (see {@link Clients})
     */
    public static void main(String[] args) {
        Clients.run(args, c -> run(c.rekognition(), new PrintWriter(System.out, true)));
    }

    /**
     * Adds Werner to a collection from one photo, then checks two others.
     *
     * @param reko the Rekognition client
     * @param out where to print
     */
    public static void run(RekofaceClient reko, PrintWriter out) {
        FaceCollection faces = reko.collection(COLLECTION);
        faces.createIfAbsent();
        try {
            // add2col("Werner1.jpeg", "Werner Vogels")
            var added = faces.index(Samples.image("Werner2.jpeg"), "Werner Vogels");
            out.println("add2col: indexed " + added.indexed().size() + " face of Werner Vogels as "
                + added.indexed().get(0).faceId());

            // check_face("Werner3.jpeg") and check_face("Swami1.jpeg")
            Optional<Recognition> werner = faces.recognize(Samples.image("Werner3.jpeg"), 90);
            out.println("check_face Werner3.jpeg: " + werner.flatMap(Recognition::personId).orElse("unknown")
                + werner.map(r -> String.format(" (%.1f%% similar)", r.similarity())).orElse(""));
            Optional<Recognition> swami = faces.recognize(Samples.image("Swami2.jpeg"), 90);
            out.println("check_face Swami2.jpeg: " + swami.flatMap(Recognition::personId).orElse("unknown"));

            Samples.check(werner.flatMap(Recognition::personId).filter("Werner Vogels"::equals).isPresent(),
                "Werner3.jpeg was not recognised as Werner Vogels");
            Samples.check(swami.isEmpty(), "Swami2.jpeg was taken for " + swami.flatMap(Recognition::personId).orElse("?"));
        } finally {
            faces.deleteIfExists();
        }
    }
}
