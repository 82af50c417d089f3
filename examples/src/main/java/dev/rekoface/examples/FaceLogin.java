package dev.rekoface.examples;

import dev.rekoface.FaceCollection;
import dev.rekoface.RekofaceClient;
import dev.rekoface.image.ImageSource;
import dev.rekoface.model.ForgetResult;
import dev.rekoface.model.Recognition;
import java.io.PrintWriter;
import java.util.Base64;
import java.util.Optional;

/**
 * Seed 000, "Play with Amazon Rekognition API": a face-login web app. A user registers with a webcam snapshot, later
 * logs in with another one (the browser posts it as a base64 data URL), a stranger is turned away, and under GDPR
 * the user can ask to be forgotten, after which their face no longer logs anyone in.
 *
 * <p>Run it on a running emulator ({@code rekoface local}), or without arguments on AWS:
 * <pre>{@code
 * java -cp rekoface-cli/target/rekoface.jar dev.rekoface.examples.FaceLogin --endpoint http://localhost:4599
 * }</pre>
 */
public final class FaceLogin {
    /** The collection this example uses (and deletes at the end). */
    public static final String COLLECTION = "rekoface-example-000-login";
    /** Similarity a login needs: high, as for any authentication. */
    public static final double LOGIN_THRESHOLD = 95;

    private final FaceCollection users;

    /**
     * Creates the login service over a collection.
     *
     * @param users the collection of registered faces
     */
    public FaceLogin(FaceCollection users) {
        this.users = users;
    }

    /**
     * Registers a user from a webcam snapshot.
     *
     * @param username the user
     * @param snapshotDataUrl the snapshot as the browser posts it ({@code data:image/jpeg;base64,...})
     * @return the indexed face id
     */
    public String register(String username, String snapshotDataUrl) {
        return users.index(ImageSource.fromDataUrl(snapshotDataUrl), username).indexed().get(0).faceId();
    }

    /**
     * Logs in with a webcam snapshot.
     *
     * @param snapshotDataUrl the snapshot
     * @return the user, when the face matches a registered one at {@link #LOGIN_THRESHOLD}
     */
    public Optional<Recognition> login(String snapshotDataUrl) {
        return users.recognize(ImageSource.fromDataUrl(snapshotDataUrl), LOGIN_THRESHOLD);
    }

    /**
     * Erases a user's faces (GDPR right to erasure).
     *
     * @param username the user
     * @return what was deleted
     */
    public ForgetResult forget(String username) {
        return users.forget(username);
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
     * Registers, logs in, turns away a stranger, forgets.
     *
     * @param reko the Rekognition client
     * @param out where to print
     */
    public static void run(RekofaceClient reko, PrintWriter out) {
        FaceCollection collection = reko.collection(COLLECTION);
        collection.createIfAbsent();
        try {
            FaceLogin app = new FaceLogin(collection);
            String faceId = app.register("barack@example.com", snapshot("obama.jpg"));
            out.println("register barack@example.com: face " + faceId);

            Optional<Recognition> login = app.login(snapshot("obama2.jpg"));
            out.println("login with a new snapshot: " + login.map(r -> "welcome " + r.personId().orElse("?")
                + String.format(" (%.1f%% similar)", r.similarity())).orElse("rejected"));
            Samples.check(login.flatMap(Recognition::personId).filter("barack@example.com"::equals).isPresent(),
                "the registered user could not log in");

            Optional<Recognition> stranger = app.login(snapshot("biden.jpg"));
            out.println("login by a stranger: " + stranger.map(r -> "accepted as " + r.personId().orElse("?"))
                .orElse("rejected"));
            Samples.check(stranger.isEmpty(), "a stranger logged in");

            ForgetResult forgotten = app.forget("barack@example.com");
            out.println("forget barack@example.com (GDPR): deleted " + forgotten.deletedFaceIds().size() + " face(s)");
            Optional<Recognition> after = app.login(snapshot("obama2.jpg"));
            out.println("login after forgetting: " + after.map(r -> "accepted").orElse("rejected"));
            Samples.check(after.isEmpty(), "a forgotten user could still log in");
        } finally {
            collection.deleteIfExists();
        }
    }

    /** What the browser's webcam script posts: the snapshot as a data URL. */
    private static String snapshot(String sample) {
        return "data:image/jpeg;base64," + Base64.getEncoder().encodeToString(Samples.bytes(sample));
    }
}
