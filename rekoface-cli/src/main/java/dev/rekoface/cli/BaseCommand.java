package dev.rekoface.cli;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import dev.rekoface.InvalidArgumentException;
import dev.rekoface.InvalidImageException;
import dev.rekoface.RekofaceClient;
import dev.rekoface.image.ImageOption;
import dev.rekoface.image.ImageSource;
import dev.rekoface.image.LocalImage;
import dev.rekoface.s3.S3Uri;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Stream;
import picocli.CommandLine;

/** What every rekoface command shares: the environment, the output streams, image arguments and JSON output. */
abstract class BaseCommand implements Callable<Integer> {
    /** The JSON writer, made on first use: {@code --help} and table output never load Jackson's databind. */
    private static final class Json {
        static final ObjectMapper MAPPER = tools.jackson.databind.json.JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    }

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
    }

    /** Parses an IMAGE argument: an {@code s3://BUCKET/KEY} object, or a file read and validated now. */
    ImageArg imageArg(String arg) {
        if (arg.startsWith("s3:")) {
            return new ImageArg(arg, null, objectUri(arg, ""));
        }
        return new ImageArg(arg, readFile(Path.of(arg)), null);
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
        return resolve(imageArg(arg));
    }

    /** Like {@link #image(String)}, but always the pixels: an S3 image is downloaded. */
    LocalImage localImage(String arg) {
        if (arg.startsWith("s3:")) {
            return env().s3().download(objectUri(arg, ""));
        }
        return readFile(Path.of(arg));
    }

    /**
     * Parses an S3 URI that must name an object. One rule for every command: {@code s3://BUCKET} names a bucket and
     * {@code s3://BUCKET/PREFIX/} a prefix, and neither is an object (only {@code scan} takes prefixes).
     *
     * @param text the argument
     * @param hint appended to the message when the URI names no object
     * @return the URI
     */
    static S3Uri objectUri(String text, String hint) {
        S3Uri uri = S3Uri.parse(text);
        if (uri.objectKey().isEmpty()) {
            throw new InvalidArgumentException("s3 uri", "'" + text + "' names " + (uri.key().isEmpty() ? "the bucket "
                + uri.bucket() : "the prefix " + uri.key() + " in bucket " + uri.bucket()) + ", not an object; give the "
                + "object's key: s3://" + uri.bucket() + "/" + uri.key() + "KEY" + hint);
        }
        return uri;
    }

    /** Returns whether this command has {@code --downscale} and it is on. */
    boolean downscale() {
        CommandLine.Model.OptionSpec o = spec.findOption("--downscale");
        return o != null && Boolean.TRUE.equals(o.getValue());
    }

    /** Reads and validates an image file, with {@code --downscale} if given, in the command line's own words. */
    LocalImage readFile(Path file) {
        try {
            return downscale() ? ImageSource.fromFile(file, ImageOption.DOWNSCALE_TO_FIT) : ImageSource.fromFile(file);
        } catch (InvalidImageException e) {
            throw inCliTerms(e, downscale());
        }
    }

    /**
     * Rephrases the advice of an image error for the command line: the library's message names its Java options
     * (for example {@code ImageOption.DOWNSCALE_TO_FIT}); the command line names its own.
     *
     * @param e the library's error
     * @param downscaled whether {@code --downscale} was given
     * @return an error with the same reason and cause, and the command line's advice
     */
    static InvalidImageException inCliTerms(InvalidImageException e, boolean downscaled) {
        String m = e.getMessage();
        String fact = m.contains("; ") ? m.substring(0, m.indexOf("; ")) : m;
        String advice = switch (e.reason()) {
            case TOO_LARGE -> downscaled ? "--downscale reads at most 64 MB; make the file smaller first"
                : "Rekognition takes at most 5 MB as bytes: add --downscale to send a smaller re-encoded copy, or upload it "
                    + "(rekoface upload FILE s3://BUCKET/KEY) and pass its s3:// URI, where 15 MB is allowed";
            case BASE64_TEXT -> "the command line reads image files: decode the base64 into a .jpg or .png file first "
                + "(for example: base64 -d FILE > image.jpg)";
            default -> null;
        };
        return advice == null ? e : new InvalidImageException(e.reason(), fact + "; " + advice, e);
    }

    /** Prints a JSON document. */
    void printJson(JsonNode node) {
        try {
            out().println(Json.MAPPER.writeValueAsString(node));
        } catch (tools.jackson.core.JacksonException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
        out().flush();
    }

    /**
     * Prints a list: with {@code --json}, {@code doc} with the items under {@code field}; else a title line and a table
     * of one row per item (nothing under the title when the list is empty).
     *
     * @param doc the JSON document, holding what describes the list
     * @param field the name of the items' array in it
     * @param items the items
     * @param json an item as JSON
     * @param title the line above the table
     * @param table the table, with its header
     * @param row an item's cells
     * @param <T> the item type
     */
    <T> void printList(ObjectNode doc, String field, List<T> items, Function<T, JsonNode> json, String title,
                       Render.Table table, Function<T, Object[]> row) {
        if (json()) {
            ArrayNode arr = doc.putArray(field);
            items.forEach(i -> arr.add(json.apply(i)));
            printJson(doc);
        } else {
            out().println(title);
            items.forEach(i -> table.row(row.apply(i)));
            table.print(out());
        }
    }

    /** Reads a listing to the end and closes it. */
    static <T> List<T> all(Stream<T> listing) {
        try (listing) {
            return listing.toList();
        }
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
