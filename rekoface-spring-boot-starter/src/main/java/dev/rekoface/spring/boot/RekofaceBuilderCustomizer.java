package dev.rekoface.spring.boot;

import dev.rekoface.RekofaceBuilder;

/**
 * Customizes the builders of the {@code RekofaceClient} and {@code RekofaceAsyncClient} beans after the
 * {@code rekoface.*} properties were applied, for settings made in code, such as a {@link dev.rekoface.retry.RateLimit}
 * computed at start-up. Beans of this type run in order, for both builders. To receive metrics, declare a
 * {@link dev.rekoface.retry.MetricsListener} bean instead: the clients report to every such bean (the Micrometer meters
 * included), and a listener set here would replace them all.
 *
 * <pre>{@code
 * @Bean
 * RekofaceBuilderCustomizer quotas(QuotaService quotas) {
 *     return builder -> builder.rateLimit(RateLimit.perSecond(quotas.rekognitionTps()));
 * }
 * }</pre>
 */
@FunctionalInterface
public interface RekofaceBuilderCustomizer {

    /**
     * Customizes a builder.
     *
     * @param builder the builder of the sync or the async client; the SDK client is already set on it
     */
    void customize(RekofaceBuilder<?> builder);
}
