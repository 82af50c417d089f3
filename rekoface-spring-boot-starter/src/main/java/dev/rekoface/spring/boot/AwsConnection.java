package dev.rekoface.spring.boot;

import java.net.URI;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;

/** Region and credentials of the SDK clients the starter builds, from the properties or the SDK's default chains. */
final class AwsConnection {

    private AwsConnection() {
    }

    /**
     * Resolves a region: the property, else the SDK's region chain, else us-east-1 when an endpoint is set (a local
     * server does not care), else a start-up failure naming the property.
     */
    static Region region(String property, String configured, URI endpoint) {
        if (configured != null) {
            return Region.of(configured);
        }
        try {
            return DefaultAwsRegionProviderChain.builder().build().getRegion();
        } catch (RuntimeException e) {
            if (endpoint != null) {
                return Region.US_EAST_1;
            }
            throw new InvalidRekofacePropertyException(property, null, "no AWS region is configured for rekoface: set "
                + property + ", the AWS_REGION environment variable or a region in the AWS profile (" + e.getMessage() + ")", e);
        }
    }

    /**
     * Returns the credentials to set on a builder: the static keys of the properties, else a single
     * {@link AwsCredentialsProvider} bean (such as Spring Cloud AWS's), else empty for the SDK's default chain.
     */
    static Optional<AwsCredentialsProvider> credentials(RekofaceProperties.Credentials properties,
                                                        ObjectProvider<AwsCredentialsProvider> beans) {
        if (properties.isConfigured()) {
            String token = properties.getSessionToken();
            return Optional.of(StaticCredentialsProvider.create(token == null || token.isBlank()
                ? AwsBasicCredentials.create(properties.getAccessKey(), properties.getSecretKey())
                : AwsSessionCredentials.create(properties.getAccessKey(), properties.getSecretKey(), token)));
        }
        return Optional.ofNullable(beans.getIfUnique());
    }
}
