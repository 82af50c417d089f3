package dev.rekoface.cli;

import dev.rekoface.image.ImageSource;
import dev.rekoface.s3.S3Uri;
import dev.rekoface.s3.Upload;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code rekoface upload FILE s3://BUCKET/KEY}: put an image into S3, checked first. */
@Command(name = "upload", mixinStandardHelpOptions = true,
    description = "Upload a JPEG or PNG image to S3 (checked before upload; multipart over 8 MB). A destination "
        + "ending in '/' gets the file's name.")
final class UploadCommand extends BaseCommand {
    @Parameters(index = "0", paramLabel = "FILE", description = "The image file.")
    Path file;

    @Parameters(index = "1", paramLabel = "S3_URI", description = "s3://BUCKET/KEY or s3://BUCKET/PREFIX/")
    String destination;

    @Override
    int execute() {
        S3Uri dest = S3Uri.parse(destination);
        if (dest.key().isEmpty() || dest.key().endsWith("/")) {
            dest = S3Uri.parse("s3://" + dest.bucket() + "/" + dest.key() + file.getFileName());
        }
        ImageSource.fromFile(file); // validates the file before anything is sent
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
