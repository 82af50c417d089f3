package dev.rekoface.cli;

import dev.rekoface.InvalidImageException;
import dev.rekoface.image.ImageHeader;
import dev.rekoface.image.ImageSource;
import dev.rekoface.image.S3ImageReference;
import dev.rekoface.s3.S3Uri;
import dev.rekoface.s3.Upload;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code rekoface upload FILE s3://BUCKET/KEY}: put an image into S3, checked first. */
@Command(name = "upload", mixinStandardHelpOptions = true,
    description = "Upload a JPEG or PNG image of at most 15 MB to S3 (checked before upload; multipart over 8 MB). A "
        + "destination ending in '/' gets the file's name; s3://BUCKET alone is refused, as it names no object.")
final class UploadCommand extends BaseCommand {
    @Parameters(index = "0", paramLabel = "FILE", description = "The image file.")
    Path file;

    @Parameters(index = "1", paramLabel = "S3_URI", description = "s3://BUCKET/KEY, or s3://BUCKET/ or s3://BUCKET/PREFIX/ "
        + "for the file's name there.")
    String destination;

    /**
     * Checks the file as far as S3 and Rekognition will take it, before any backend starts: a JPEG or PNG of at most
     * 15 MB, the largest S3 object Rekognition reads (the 5 MB limit is for bytes sent in a request, not for S3).
     */
    static void checkUploadable(Path file) throws IOException {
        try {
            ImageSource.fromFile(file);
            return;
        } catch (InvalidImageException e) {
            if (e.reason() != InvalidImageException.Reason.TOO_LARGE) {
                throw inCliTerms(e, false);
            }
        }
        long size = Files.size(file);
        if (size > S3ImageReference.MAX_OBJECT_BYTES) {
            throw new InvalidImageException(InvalidImageException.Reason.TOO_LARGE, "image file " + file + " is " + size
                + " bytes; Rekognition reads S3 objects of at most 15 MB (" + S3ImageReference.MAX_OBJECT_BYTES + " bytes)");
        }
        ImageHeader.read(Files.readAllBytes(file), "file " + file);
    }

    @Override
    int execute() throws IOException {
        checkUploadable(file);
        // As for every other command, s3://BUCKET names no object: the key is given, or asked for with a final '/'.
        S3Uri dest = objectUri(destination.endsWith("/") ? destination + file.getFileName() : destination,
            ", or end the URI with '/' to use the file's name: " + destination + "/");
        Upload u = env().s3().upload(file, dest, Map.of());
        if (json()) {
            printJson(Render.object().put("uri", u.uri().toString()).put("size", u.size())
                .put("format", u.format().name()).put("etag", u.etag()).put("parts", u.parts()));
        } else {
            out().println("uploaded " + file + " to " + u.uri() + " (" + u.size() + " bytes, " + u.format()
                + (u.parts() > 1 ? ", " + u.parts() + " parts" : "") + ")");
        }
        return RekofaceCli.OK;
    }
}
