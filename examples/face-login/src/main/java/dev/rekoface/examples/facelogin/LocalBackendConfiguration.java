package dev.rekoface.examples.facelogin;

import dev.rekoface.s3.S3Images;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.rekognition.RekognitionClient;

/**
 * The embedded local default: starts {@link LocalBackend} and declares the SDK's {@link RekognitionClient} and the
 * {@link S3Images} bean pointing at it, so the starter's own (AWS) ones back off and its {@code RekofaceClient} wraps
 * this client. Active unless {@code rekoface.local=false} ({@code --aws}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = LocalBackendConfiguration.LOCAL_PROPERTY, havingValue = "true", matchIfMissing = true)
public class LocalBackendConfiguration {
    /** The property that selects the embedded backend (true, the default) or AWS (false). */
    static final String LOCAL_PROPERTY = "rekoface.local";

    private static final StaticCredentialsProvider CREDENTIALS =
        StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));

    /**
     * The local Rekognition and S3 servers, stopped with the context.
     *
     * @return the running servers
     */
    @Bean(destroyMethod = "close")
    LocalBackend localBackend() {
        return LocalBackend.start();
    }

    /**
     * The SDK client on the local emulator; it does not retry (rekoface does, as with the starter's clients).
     *
     * @param local the servers
     * @return the client, closed with the context
     */
    @Bean(destroyMethod = "close")
    RekognitionClient rekognitionClient(LocalBackend local) {
        return RekognitionClient.builder().endpointOverride(local.rekognitionEndpoint()).region(Region.US_EAST_1)
            .credentialsProvider(CREDENTIALS)
            .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry())).build();
    }

    /**
     * Snapshots on the local S3 server.
     *
     * @param local the servers
     * @return the S3 images, closed with the context
     */
    @Bean(destroyMethod = "close")
    S3Images s3Images(LocalBackend local) {
        return S3Images.builder().endpointOverride(local.s3Endpoint()).region(Region.US_EAST_1)
            .credentialsProvider(CREDENTIALS).build();
    }
}
