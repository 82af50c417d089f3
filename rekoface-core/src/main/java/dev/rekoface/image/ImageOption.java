package dev.rekoface.image;

/** Options for reading a local image. */
public enum ImageOption {
    /**
     * Re-encode an image over the 5 MB limit as a smaller JPEG that fits, instead of refusing it. The image is turned
     * upright (EXIF orientation applied) before scaling, and pixel geometry is still reported in the frame of the
     * original upright image. Inputs up to 64 MB are accepted with this option.
     */
    DOWNSCALE_TO_FIT
}
