package dev.rekoface.spring.boot;

import dev.rekoface.RekofaceAsyncClient;
import dev.rekoface.RekofaceBuilder;
import dev.rekoface.RekofaceClient;
import dev.rekoface.retry.MetricsListener;
import dev.rekoface.s3.S3Images;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.util.function.BiConsumer;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkServiceClientConfiguration;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.rekognition.RekognitionAsyncClient;
import software.amazon.awssdk.services.rekognition.RekognitionClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * Auto-configuration of rekoface: the SDK's {@link RekognitionClient} and {@link RekognitionAsyncClient}, the
 * {@link RekofaceClient} and {@link RekofaceAsyncClient} facades over them, {@link S3Images} (with rekoface-s3), and
 * Micrometer meters when a {@code MeterRegistry} bean is present. Configured by {@link RekofaceProperties}
 * ({@code rekoface.*}); turned off by {@code rekoface.enabled=false}.
 *
 * <p>Each bean backs off when the application declares its own of the same type. The SDK clients are built from the
 * properties (region and credentials from the SDK's default chains unless set), then the
 * {@link RekognitionClientCustomizer}/{@link RekognitionAsyncClientCustomizer} beans; the facades from the resilience
 * properties, then the {@link RekofaceBuilderCustomizer} beans. Exactly one layer retries: the SDK clients the starter
 * builds do not, and rekoface applies {@code rekoface.retry.*}; an SDK client bean of the application's that retries by
 * itself keeps its retries and rekoface adds none. Every client is closed when the context closes (the facade first,
 * then the SDK client it wraps).
 */
@AutoConfiguration(afterName = {
    "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
    "org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration",
    "org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration",
    "org.springframework.boot.actuate.autoconfigure.metrics.export.simple.SimpleMetricsExportAutoConfiguration"})
@ConditionalOnClass({RekofaceClient.class, RekognitionClient.class})
@ConditionalOnProperty(prefix = RekofaceProperties.PREFIX, name = "enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties(RekofaceProperties.class)
public class RekofaceAutoConfiguration {
    private static final Logger LOG = LoggerFactory.getLogger(RekofaceAutoConfiguration.class);

    /**
     * The SDK's sync client: region, credentials and endpoint from {@code rekoface.*}, the SDK's retries off, then the
     * customizers.
     *
     * @param properties the properties
     * @param credentials a single credentials provider bean, if any
     * @param customizers the customizers
     * @return the client, closed with the context
     */
    @Bean
    @ConditionalOnMissingBean
    public RekognitionClient rekognitionClient(RekofaceProperties properties, ObjectProvider<AwsCredentialsProvider> credentials,
                                               ObjectProvider<RekognitionClientCustomizer> customizers) {
        return connect(RekognitionClient.builder(), properties, credentials, customizers,
            RekognitionClientCustomizer::customize);
    }

    /**
     * The SDK's async client, configured as {@link #rekognitionClient}. Lazy, like the async facade: its event loop
     * threads start, and its shutdown costs its quiet period, only in applications that use it.
     *
     * @param properties the properties
     * @param credentials a single credentials provider bean, if any
     * @param customizers the customizers
     * @return the client, closed with the context
     */
    @Bean
    @Lazy
    @ConditionalOnMissingBean
    public RekognitionAsyncClient rekognitionAsyncClient(RekofaceProperties properties,
                                                         ObjectProvider<AwsCredentialsProvider> credentials,
                                                         ObjectProvider<RekognitionAsyncClientCustomizer> customizers) {
        return connect(RekognitionAsyncClient.builder(), properties, credentials, customizers,
            RekognitionAsyncClientCustomizer::customize);
    }

    /**
     * The blocking facade over the {@link RekognitionClient} bean.
     *
     * @param rekognition the SDK client (not closed by the facade; the context closes it)
     * @param properties the properties
     * @param listeners the metrics listener beans
     * @param customizers the builder customizers
     * @return the client
     */
    @Bean
    @ConditionalOnMissingBean
    public RekofaceClient rekofaceClient(RekognitionClient rekognition, RekofaceProperties properties,
                                         ObjectProvider<MetricsListener> listeners,
                                         ObjectProvider<RekofaceBuilderCustomizer> customizers) {
        RekofaceClient.Builder builder = RekofaceClient.builder().rekognitionClient(rekognition);
        return configure(builder, properties, listeners, customizers, rekognition.serviceClientConfiguration()).build();
    }

    /**
     * The async facade over the {@link RekognitionAsyncClient} bean; created when first injected or looked up.
     *
     * @param rekognition the SDK client (not closed by the facade; the context closes it)
     * @param properties the properties
     * @param listeners the metrics listener beans
     * @param customizers the builder customizers
     * @return the client
     */
    @Bean
    @Lazy
    @ConditionalOnMissingBean
    public RekofaceAsyncClient rekofaceAsyncClient(RekognitionAsyncClient rekognition, RekofaceProperties properties,
                                                   ObjectProvider<MetricsListener> listeners,
                                                   ObjectProvider<RekofaceBuilderCustomizer> customizers) {
        RekofaceAsyncClient.Builder builder = RekofaceAsyncClient.builder().rekognitionClient(rekognition);
        return configure(builder, properties, listeners, customizers, rekognition.serviceClientConfiguration()).build();
    }

    /** Builds an SDK client: {@link #connect(AwsClientBuilder, RekofaceProperties, ObjectProvider)}, then the customizers. */
    private static <B extends AwsClientBuilder<B, C>, C, Z> C connect(B builder, RekofaceProperties properties,
                                                                    ObjectProvider<AwsCredentialsProvider> credentials,
                                                                    ObjectProvider<Z> customizers,
                                                                    BiConsumer<Z, B> customize) {
        connect(builder, properties, credentials);
        customizers.orderedStream().forEach(c -> customize.accept(c, builder));
        return builder.build();
    }

    private static <B extends AwsClientBuilder<B, ?>> B connect(B builder, RekofaceProperties properties,
                                                               ObjectProvider<AwsCredentialsProvider> credentials) {
        URI endpoint = properties.getEndpoint();
        if (endpoint != null) {
            builder.endpointOverride(endpoint);
        }
        builder.region(AwsConnection.region(RekofaceProperties.PREFIX + ".region", properties.getRegion(), endpoint));
        AwsConnection.credentials(properties.getCredentials(), credentials).ifPresent(builder::credentialsProvider);
        // Exactly one layer retries: rekoface, with rekoface.retry.*.
        builder.overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()));
        return builder;
    }

    /** Whether an SDK client retries by itself: unless it was built with at most one attempt. */
    private static boolean retries(SdkServiceClientConfiguration configuration) {
        return configuration.overrideConfiguration().retryStrategy().map(r -> r.maxAttempts() > 1).orElse(true);
    }

    private static <B extends RekofaceBuilder<B>> B configure(B builder, RekofaceProperties properties,
                                                              ObjectProvider<MetricsListener> listeners,
                                                              ObjectProvider<RekofaceBuilderCustomizer> customizers,
                                                              SdkServiceClientConfiguration sdk) {
        if (retries(sdk)) {
            LOG.info("The Rekognition SDK client bean retries by itself; rekoface adds no retries of its own "
                + "(rekoface.retry.* applies only to the SDK clients the starter builds)");
        } else {
            builder.retryPolicy(properties.getRetry().toPolicy());
        }
        builder.rateLimit(properties.getRateLimit().toRateLimit())
            .circuitBreaker(properties.getCircuitBreaker().toPolicy())
            .maxConcurrency(properties.getMaxConcurrency());
        MetricsListener listener = CompositeMetricsListener.of(listeners.orderedStream().toList());
        if (listener != null) {
            builder.metricsListener(listener);
        }
        customizers.orderedStream().forEach(c -> c.customize(builder));
        return builder;
    }

    /** {@link S3Images} from {@code rekoface.s3.*}, when rekoface-s3 is on the classpath. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass({S3Images.class, S3Client.class})
    @ConditionalOnProperty(prefix = RekofaceProperties.PREFIX + ".s3", name = "enabled", havingValue = "true",
        matchIfMissing = true)
    public static class S3ImagesConfiguration {

        /**
         * The S3 client and presigner of the {@link S3Images} bean: endpoint (path-style) and region from
         * {@code rekoface.s3.*}, else Rekognition's region; Rekognition's credentials; then the customizers.
         *
         * @param properties the properties
         * @param credentials a single credentials provider bean, if any
         * @param customizers the customizers
         * @return the clients, closed with the context
         */
        @Bean
        @ConditionalOnMissingBean(S3Images.class)
        public RekofaceS3Clients rekofaceS3Clients(RekofaceProperties properties,
                                                   ObjectProvider<AwsCredentialsProvider> credentials,
                                                   ObjectProvider<RekofaceS3ClientCustomizer> customizers) {
            RekofaceProperties.S3 s3 = properties.getS3();
            URI endpoint = s3.getEndpoint();
            String configured = s3.getRegion() != null ? s3.getRegion() : properties.getRegion();
            Region region = AwsConnection.region(RekofaceProperties.PREFIX + ".s3.region", configured,
                endpoint != null ? endpoint : properties.getEndpoint());
            Optional<AwsCredentialsProvider> provider = AwsConnection.credentials(properties.getCredentials(), credentials);
            S3ClientBuilder builder = S3Client.builder().region(region);
            S3Presigner.Builder presigner = S3Presigner.builder().region(region);
            provider.ifPresent(p -> {
                builder.credentialsProvider(p);
                presigner.credentialsProvider(p);
            });
            if (endpoint != null) {
                builder.endpointOverride(endpoint).forcePathStyle(true);
                presigner.endpointOverride(endpoint)
                    .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build());
            }
            customizers.orderedStream().forEach(c -> c.customize(builder));
            S3Client client = builder.build();
            try {
                return new RekofaceS3Clients(client, presigner.build());
            } catch (RuntimeException e) {
                client.close();
                throw e;
            }
        }

        /**
         * Images in S3 for Rekognition. On AWS (no endpoint set) it refuses buckets outside Rekognition's region.
         *
         * @param clients the S3 client and presigner (owned by their own bean)
         * @param properties the properties
         * @return the S3 images
         */
        @Bean
        @ConditionalOnMissingBean
        public S3Images s3Images(RekofaceS3Clients clients, RekofaceProperties properties) {
            S3Images.Builder builder = S3Images.builder().s3Client(clients.s3Client()).presigner(clients.presigner());
            if (properties.getEndpoint() == null && properties.getS3().getEndpoint() == null) {
                builder.rekognitionRegion(AwsConnection.region(RekofaceProperties.PREFIX + ".region", properties.getRegion(), null));
            }
            return builder.build();
        }
    }

    /** Micrometer meters for every call, when Micrometer is on the classpath and a registry bean is present. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(MeterRegistry.class)
    @ConditionalOnBean(MeterRegistry.class)
    @ConditionalOnProperty(prefix = RekofaceProperties.PREFIX + ".metrics", name = "enabled", havingValue = "true",
        matchIfMissing = true)
    public static class MetricsConfiguration {

        /**
         * The meters, with the prices of {@code rekoface.billing.*} for the estimated spend.
         *
         * @param registry the registry
         * @param properties the properties
         * @return the listener the clients report to
         */
        @Bean
        @ConditionalOnMissingBean
        public RekofaceMeters rekofaceMeters(MeterRegistry registry, RekofaceProperties properties) {
            return new RekofaceMeters(registry, properties.getBilling().pricesPer1000Images());
        }
    }
}
