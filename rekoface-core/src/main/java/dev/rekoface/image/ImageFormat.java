package dev.rekoface.image;

/** The image formats Rekognition accepts. */
public enum ImageFormat {
    /** JPEG (JFIF or EXIF). */
    JPEG("image/jpeg"),
    /** PNG. */
    PNG("image/png");

    private final String mediaType;

    ImageFormat(String mediaType) {
        this.mediaType = mediaType;
    }

    /** Returns the media type, e.g. {@code image/jpeg}. */
    public String mediaType() {
        return mediaType;
    }
}
