package dev.rekoface.spring.boot;

import dev.rekoface.RekofaceBuilder;

/**
 * Customizes the builders of the {@code RekofaceClient} and {@code RekofaceAsyncClient} beans after the
 * {@code rekoface.*} properties were applied, for settings made in code: a {@link dev.rekoface.retry.RateLimit} computed
 * at start-up, a {@link dev.rekoface.retry.MetricsListener} of your own (a {@code MetricsListener} bean is picked up
 * without one). Beans of this type run in order, for both builders.
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
