package dev.rekoface.spring.boot;

import software.amazon.awssdk.services.rekognition.RekognitionAsyncClientBuilder;

/**
 * Customizes the SDK's {@link RekognitionAsyncClientBuilder} before the starter builds the
 * {@code RekognitionAsyncClient} that the {@code RekofaceAsyncClient} bean wraps (the async counterpart of
 * {@link RekognitionClientCustomizer}, e.g. for Netty's connection settings). Beans of this type run in order, after the
 * {@code rekoface.*} properties were applied.
 */
@FunctionalInterface
public interface RekognitionAsyncClientCustomizer {

    /**
     * Customizes the builder.
     *
     * @param builder the builder, with region, credentials and endpoint already set and the SDK's retries off
     */
    void customize(RekognitionAsyncClientBuilder builder);
}
