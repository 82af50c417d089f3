package dev.rekoface.internal.mapper;

import dev.rekoface.image.ImageSource;
import dev.rekoface.image.LocalImage;
import dev.rekoface.image.S3ImageReference;
import java.util.Objects;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.rekognition.model.Image;
import software.amazon.awssdk.services.rekognition.model.S3Object;

/** Turns image sources into the SDK's {@link Image}. */
public final class SdkImages {
    private SdkImages() {
    }

    /**
     * Converts an image source.
     *
     * @param source the source, already validated
     * @param parameter the parameter's name for a null check
     * @return the SDK image
     */
    public static Image toSdk(ImageSource source, String parameter) {
        Objects.requireNonNull(source, parameter);
        if (source instanceof LocalImage local) {
            return Image.builder().bytes(SdkBytes.fromInputStream(local.openStream())).build();
        }
        S3ImageReference s3 = (S3ImageReference) source;
        S3Object.Builder object = S3Object.builder().bucket(s3.bucket()).name(s3.key());
        s3.version().ifPresent(object::version);
        return Image.builder().s3Object(object.build()).build();
    }
}
