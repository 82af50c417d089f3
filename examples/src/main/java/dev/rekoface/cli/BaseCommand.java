package dev.rekoface.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.rekoface.RekofaceClient;
import dev.rekoface.examples.Env;
import dev.rekoface.image.ImageSource;
import dev.rekoface.image.LocalImage;
import dev.rekoface.s3.S3Uri;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;

/** What every rekoface command shares: the environment, the output streams, image arguments and JSON output. */
abstract class BaseCommand implements Callable<Integer> {
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Returns the root command holding the global options. */
    RekofaceCli root() {
        return (RekofaceCli) spec.root().userObject();
    }

    /** Returns standard output. */
    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    /** Returns standard error. */
    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /** Returns the environment, starting it on first use. */
    Env env() {
        return root().env(err());
    }

    /** Returns the Rekognition client. */
    RekofaceClient rekognition() {
        return env().rekognition();
    }

    /** Returns whether to print JSON. */
    boolean json() {
        return root().json();
    }

    /** An IMAGE argument, checked as far as possible without a backend: a file read and validated, or an S3 URI parsed. */
    record ImageArg(String text, LocalImage local, S3Uri s3) {
        static ImageArg parse(String arg) {
            if (arg.startsWith("s3:")) {
                return new ImageArg(arg, null, S3Uri.parse(arg));
            }
            return new ImageArg(arg, ImageSource.fromFile(Path.of(arg)), null);
        }
    }

    /** Resolves a parsed IMAGE argument, checking an S3 object (starts the backend). */
    ImageSource resolve(ImageArg arg) {
        return arg.local() != null ? arg.local() : env().s3().check(arg.s3());
    }

    /**
     * Turns an IMAGE argument into an image: an {@code s3://} URI (checked to be a JPEG or PNG object) or a file
     * (read and validated now, before any call).
     */
    ImageSource image(String arg) {
        return resolve(ImageArg.parse(arg));
    }

    /** Like {@link #image(String)}, but always the pixels: an S3 image is downloaded. */
    LocalImage localImage(String arg) {
        if (arg.startsWith("s3:")) {
            S3Uri uri = S3Uri.parse(arg);
            return env().s3().download(uri);
        }
        return ImageSource.fromFile(Path.of(arg));
    }

    /** Prints a JSON document. */
    void printJson(JsonNode node) {
        try {
            out().println(JSON.writeValueAsString(node));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
        out().flush();
    }

    @Override
    public final Integer call() throws Exception {
        int code = execute();
        out().flush();
        return code;
    }

    /**
     * Runs the command.
     *
     * @return the exit code
     * @throws Exception on failure (mapped to an exit code by {@link RekofaceCli})
     */
    abstract int execute() throws Exception;
}
