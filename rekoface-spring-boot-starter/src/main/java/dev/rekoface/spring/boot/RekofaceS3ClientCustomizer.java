package dev.rekoface.spring.boot;

import software.amazon.awssdk.services.s3.S3ClientBuilder;

/**
 * Customizes the SDK's {@link S3ClientBuilder} before the starter builds the S3 client of the {@code S3Images} bean.
 * Beans of this type run in order, after the {@code rekoface.s3.*} properties were applied.
 */
@FunctionalInterface
public interface RekofaceS3ClientCustomizer {

    /**
     * Customizes the builder.
     *
     * @param builder the builder, with region, credentials and endpoint already set
     */
    void customize(S3ClientBuilder builder);
}
