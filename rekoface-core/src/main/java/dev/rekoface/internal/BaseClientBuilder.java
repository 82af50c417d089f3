package dev.rekoface.internal;

import dev.rekoface.InvalidArgumentException;
import dev.rekoface.RekofaceBuilder;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
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
    protected S suppliedClient;
    protected H httpClient;

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
