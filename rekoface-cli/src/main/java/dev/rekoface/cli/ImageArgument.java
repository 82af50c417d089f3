package dev.rekoface.cli;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** The IMAGE argument of the commands that read one image, with its {@code --downscale}. Mixed into each of them. */
final class ImageArgument {
    @Parameters(index = "0", paramLabel = "IMAGE", description = "A JPEG or PNG file, or s3://BUCKET/KEY.")
    String image;

    @Mixin
    ImageOptions imageOptions;
}
