package dev.rekoface.spring.boot;

import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * The S3 client and presigner the starter built for the {@code S3Images} bean, which does not close clients it was
 * given: this bean owns them and closes them when the context closes, after {@code S3Images}.
 */
public final class RekofaceS3Clients implements AutoCloseable {
    private final S3Client s3;
    private final S3Presigner presigner;

    RekofaceS3Clients(S3Client s3, S3Presigner presigner) {
        this.s3 = s3;
        this.presigner = presigner;
    }

    /** Returns the S3 client. */
    public S3Client s3Client() {
        return s3;
    }

    /** Returns the presigner. */
    public S3Presigner presigner() {
        return presigner;
    }

    /** Closes the presigner and the client. */
    @Override
    public void close() {
        try {
            presigner.close();
        } finally {
            s3.close();
        }
    }
}
