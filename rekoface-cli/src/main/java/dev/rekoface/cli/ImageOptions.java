package dev.rekoface.cli;

import picocli.CommandLine.Option;

/** The options of the commands that read image files: {@code --downscale}. Mixed into each of them. */
final class ImageOptions {
    @Option(names = "--downscale",
        description = "Send an image file over Rekognition's 5 MB limit (up to 64 MB) as a smaller JPEG re-encoded to fit, "
            + "instead of refusing it; face boxes still refer to the original.")
    boolean downscale;
}
