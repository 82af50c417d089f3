package dev.rekoface;

import dev.rekoface.retry.CircuitBreakerPolicy;
import dev.rekoface.retry.MetricsListener;
import dev.rekoface.retry.RateLimit;
import dev.rekoface.retry.RetryPolicy;
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
 * <p><b>Who retries.</b> Exactly one layer retries. When rekoface builds the SDK client, the SDK's own retries are
 * off and rekoface's {@link #retryPolicy(RetryPolicy)} applies (default {@link RetryPolicy#defaults()}). With a
 * caller-supplied SDK client, that client's retry configuration applies and rekoface does not retry, unless a
 * retry policy is set explicitly: then both layers retry and attempts multiply, so configure the supplied client
 * without retries (rekoface logs a warning when it sees one that retries).
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

    /**
     * Sets the retry policy (default {@link RetryPolicy#defaults()}: 5 attempts, jittered exponential backoff, for
     * throttling and server errors only).
     *
     * @param policy the policy; {@link RetryPolicy#none()} to report every failure at once
     * @return this builder
     */
    B retryPolicy(RetryPolicy policy);

    /**
     * Sets the request rate per operation (default 50 per second, a common account quota). Set it to your account's
     * quotas so that a busy program is paced instead of throttled.
     *
     * @param rateLimit the rate; {@link RateLimit#unlimited()} to send at once
     * @return this builder
     */
    B rateLimit(RateLimit rateLimit);

    /**
     * Sets the circuit breaker (default {@link CircuitBreakerPolicy#defaults()}).
     *
     * @param policy the policy; {@link CircuitBreakerPolicy#disabled()} to never open
     * @return this builder
     */
    B circuitBreaker(CircuitBreakerPolicy policy);

    /**
     * Sets how many calls may be in flight at once (default 64); further calls wait their turn (the sync client
     * blocks the calling thread, the async one queues without blocking).
     *
     * @param maxConcurrency 1-10,000
     * @return this builder
     */
    B maxConcurrency(int maxConcurrency);

    /**
     * Receives attempts, throttles, retries and latencies per operation.
     *
     * @param listener the listener, e.g. an {@link dev.rekoface.retry.OperationMetrics}
     * @return this builder
     */
    B metricsListener(MetricsListener listener);
}
