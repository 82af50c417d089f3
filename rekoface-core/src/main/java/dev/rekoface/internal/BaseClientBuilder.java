package dev.rekoface.internal;

import dev.rekoface.InvalidArgumentException;
import dev.rekoface.RekofaceBuilder;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import dev.rekoface.retry.CircuitBreakerPolicy;
import dev.rekoface.retry.MetricsListener;
import dev.rekoface.retry.RateLimit;
import dev.rekoface.retry.RetryPolicy;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;

/**
 * The settings both client builders share, and how they configure the SDK client rekoface builds.
 *
 * @param <B> the public builder interface
 * @param <S> the SDK client type (sync or async)
 * @param <H> the HTTP client type (sync or async)
 */
abstract class BaseClientBuilder<B extends RekofaceBuilder<B>, S, H> implements RekofaceBuilder<B> {
    private static final Logger LOG = LoggerFactory.getLogger(BaseClientBuilder.class);

    private Region region;
    private AwsCredentialsProvider credentialsProvider;
    private URI endpointOverride;
    private RetryPolicy retryPolicy;
    private RateLimit rateLimit = RateLimit.perSecond(DEFAULT_RATE);
    private CircuitBreakerPolicy circuitBreaker = CircuitBreakerPolicy.defaults();
    private int maxConcurrency = DEFAULT_CONCURRENCY;
    private MetricsListener metricsListener = new MetricsListener() {
    };
    protected S suppliedClient;
    protected H httpClient;

    /** The default request rate per operation. */
    static final double DEFAULT_RATE = 50;
    /** The default concurrency bound. */
    static final int DEFAULT_CONCURRENCY = 64;

    protected abstract B self();

    @Override
    public B region(Region region) {
        this.region = Objects.requireNonNull(region, "region");
        return self();
    }

    @Override
    public B credentialsProvider(AwsCredentialsProvider credentialsProvider) {
        this.credentialsProvider = Objects.requireNonNull(credentialsProvider, "credentialsProvider");
        return self();
    }

    @Override
    public B endpointOverride(URI endpoint) {
        this.endpointOverride = Objects.requireNonNull(endpoint, "endpoint");
        return self();
    }

    @Override
    public B retryPolicy(RetryPolicy policy) {
        this.retryPolicy = Objects.requireNonNull(policy, "policy");
        return self();
    }

    @Override
    public B rateLimit(RateLimit rateLimit) {
        this.rateLimit = Objects.requireNonNull(rateLimit, "rateLimit");
        return self();
    }

    @Override
    public B circuitBreaker(CircuitBreakerPolicy policy) {
        this.circuitBreaker = Objects.requireNonNull(policy, "policy");
        return self();
    }

    @Override
    public B maxConcurrency(int maxConcurrency) {
        if (maxConcurrency < 1 || maxConcurrency > 10_000) {
            throw new InvalidArgumentException("maxConcurrency", "maxConcurrency " + maxConcurrency + " is out of range 1-10000");
        }
        this.maxConcurrency = maxConcurrency;
        return self();
    }

    @Override
    public B metricsListener(MetricsListener listener) {
        this.metricsListener = Objects.requireNonNull(listener, "listener");
        return self();
    }

    /**
     * Returns the policies. With a supplied SDK client and no explicit retry policy, rekoface does not retry (the
     * supplied client's own retries apply); with an explicit one and a supplied client that retries too, warns.
     *
     * @param suppliedClientRetries how many attempts the supplied client makes, when known
     */
    protected Resilience resilience(java.util.OptionalInt suppliedClientRetries) {
        RetryPolicy policy = retryPolicy;
        if (policy == null) {
            policy = suppliedClient == null ? RetryPolicy.defaults() : RetryPolicy.none();
        } else if (suppliedClient != null && policy.maxAttempts() > 1
            && (suppliedClientRetries.isEmpty() || suppliedClientRetries.getAsInt() > 1)) {
            LOG.warn("Both rekoface ({} attempts) and the supplied SDK client ({}) retry: attempts multiply. Build the SDK "
                + "client without retries, or leave rekoface's retry policy unset.", policy.maxAttempts(),
                suppliedClientRetries.isEmpty() ? "its default retry strategy" : suppliedClientRetries.getAsInt() + " attempts");
        }
        return new Resilience(policy, rateLimit, circuitBreaker, metricsListener);
    }

    /** Returns the concurrency bound. */
    protected int maxConcurrency() {
        return maxConcurrency;
    }

    /** Refuses connection settings next to a caller-supplied SDK client, which must carry them itself. */
    protected void refuseSettingsWithSuppliedClient() {
        List<String> set = new ArrayList<>();
        if (region != null) {
            set.add("region");
        }
        if (credentialsProvider != null) {
            set.add("credentialsProvider");
        }
        if (endpointOverride != null) {
            set.add("endpointOverride");
        }
        if (httpClient != null) {
            set.add("httpClient");
        }
        if (!set.isEmpty()) {
            throw new InvalidArgumentException("rekognitionClient", "rekognitionClient was supplied together with " + set
                + "; configure those on the supplied SDK client instead (rekoface uses it as it is and never closes it)");
        }
    }

    /** Applies endpoint, region and credentials to an SDK client builder. */
    protected <T extends AwsClientBuilder<T, ?>> T configure(T builder) {
        if (endpointOverride != null) {
            if (endpointOverride.getScheme() == null || endpointOverride.getHost() == null) {
                throw new InvalidArgumentException("endpointOverride", "endpointOverride '" + endpointOverride
                    + "' must be an absolute URI such as http://localhost:4566");
            }
            builder.endpointOverride(endpointOverride);
        }
        builder.region(resolveRegion());
        if (credentialsProvider != null) {
            builder.credentialsProvider(credentialsProvider);
        }
        // Exactly one layer retries: rekoface's policy. The SDK client rekoface builds makes one attempt per call.
        builder.overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()));
        return builder;
    }

    private Region resolveRegion() {
        if (region != null) {
            return region;
        }
        try {
            return DefaultAwsRegionProviderChain.builder().build().getRegion();
        } catch (RuntimeException e) {
            if (endpointOverride != null) {
                LOG.debug("No AWS region configured; using us-east-1 for endpoint {}", endpointOverride);
                return Region.US_EAST_1;
            }
            throw new InvalidArgumentException("region", "no AWS region is configured: set one with builder().region(...), "
                + "the AWS_REGION environment variable or the AWS profile (" + e.getMessage() + ")");
        }
    }
}
