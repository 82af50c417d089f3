package dev.rekoface;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * Settings shared by the {@link RekofaceClient} and {@link RekofaceAsyncClient} builders.
 *
 * <p>When no SDK client is supplied, rekoface builds one from these settings (and the AWS default chains for what is
 * not set) and closes it on {@code close()}. When the caller supplies an SDK client, these connection settings must
 * not be set: the caller's client is used as it is and never closed by rekoface.
 *
 * @param <B> the concrete builder type
 */
public interface RekofaceBuilder<B extends RekofaceBuilder<B>> {

    /**
     * Sets the AWS region. Default: the SDK's default region chain ({@code AWS_REGION}, profile, ...); with an
     * {@linkplain #endpointOverride endpoint override} and no region found, {@code us-east-1}.
     *
     * @param region the region
     * @return this builder
     */
    B region(Region region);

    /**
     * Sets the credentials. Default: the SDK's default credentials chain.
     *
     * @param credentialsProvider the provider
     * @return this builder
     */
    B credentialsProvider(AwsCredentialsProvider credentialsProvider);

    /**
     * Sends requests to another endpoint, such as the rekoface-testkit emulator or a VPC endpoint.
     *
     * @param endpoint e.g. {@code http://localhost:4566}
     * @return this builder
     */
    B endpointOverride(URI endpoint);
}
