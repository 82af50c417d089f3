package dev.rekoface.cli;

import dev.rekoface.image.ImageFormat;
import dev.rekoface.s3.PresignedUrl;
import dev.rekoface.s3.S3Uri;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code rekoface presign s3://BUCKET/KEY --expires 1h}: a link that works without credentials, for a while. */
@Command(name = "presign", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Make a presigned URL for an S3 object: anyone with the link can read it (or upload, with --put) "
        + "until it expires.")
final class PresignCommand extends BaseCommand {
    @Parameters(index = "0", paramLabel = "S3_URI", description = "s3://BUCKET/KEY")
    String uri;

    @Option(names = "--expires", paramLabel = "DURATION", defaultValue = "1h",
        description = "How long the link works: 90s, 15m, 1h, 7d; at most 7d (default: ${DEFAULT-VALUE}).")
    String expires;

    @Option(names = "--put", paramLabel = "FORMAT",
        description = "A link to upload an image of this format (JPEG or PNG) instead of reading.")
    ImageFormat put;

    @Override
    int execute() {
        S3Uri s3 = objectUri(uri, "");
        Duration d = dev.rekoface.s3.S3Images.checkPresignExpiry(Durations.parse(expires));
        PresignedUrl p = put != null ? env().s3().presignPut(s3, d, put) : env().s3().presignGet(s3, d);
        if (json()) {
            printJson(Render.object().put("uri", uri).put("url", p.url().toString()).put("method", p.method())
                .put("expiresAt", p.expiresAt().toString()));
        } else {
            out().println(p.url());
            err().println("rekoface: " + p.method() + " link to " + uri + ", valid for " + Durations.format(d)
                + " (until " + p.expiresAt() + ")");
            if (!root().aws && root().endpoint == null && root().noDaemon) {
                err().println("rekoface: note: with --no-daemon the local S3 server stops when this command ends; "
                    + "without it, links keep working while the background local stack runs");
            } else if (!root().aws && root().endpoint == null) {
                DaemonState state = DaemonState.read(root().dataDir.toAbsolutePath());
                if (state != null && state.idleTimeout().compareTo(d) < 0) {
                    err().println("rekoface: note: the link works while the background local stack runs; it stops "
                        + "after " + Durations.format(state.idleTimeout()) + " without requests, before the link "
                        + "expires (--idle-timeout when it starts; `rekoface local status`)");
                }
            }
            err().flush();
        }
        return RekofaceCli.OK;
    }
}
