package dev.rekoface.spring.boot;

import software.amazon.awssdk.services.rekognition.RekognitionClientBuilder;

/**
 * Customizes the SDK's {@link RekognitionClientBuilder} before the starter builds the {@code RekognitionClient} that
 * the {@code RekofaceClient} bean wraps: an HTTP client, timeouts, a proxy, execution interceptors. Declare one or more
 * as beans; they run in {@link org.springframework.core.Ordered order}, after the {@code rekoface.*} properties were
 * applied, so they may override them.
 *
 * <pre>{@code
 * @Bean
 * RekognitionClientCustomizer timeouts() {
 *     return builder -> builder.overrideConfiguration(c -> c.apiCallTimeout(Duration.ofSeconds(20)));
 * }
 * }</pre>
 *
 * <p>The builder arrives with the SDK's retries off, because rekoface retries ({@code rekoface.retry.*}); a customizer
 * that turns them back on makes rekoface leave retrying to the SDK.
 */
@FunctionalInterface
public interface RekognitionClientCustomizer {

    /**
     * Customizes the builder.
     *
     * @param builder the builder, with region, credentials and endpoint already set
     */
    void customize(RekognitionClientBuilder builder);
}
