package dev.rekoface.testkit.junit;

import dev.rekoface.RekofaceAsyncClient;
import dev.rekoface.RekofaceClient;
import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.rekognition.RekognitionAsyncClient;
import software.amazon.awssdk.services.rekognition.RekognitionClient;

/** Builds clients aimed at a local endpoint: region us-east-1, credentials test/test. */
final class Clients {
    private Clients() {
    }

    static StaticCredentialsProvider credentials() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));
    }

    static RekofaceClient rekoface(URI endpoint) {
        return RekofaceClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1).credentialsProvider(credentials()).build();
    }

    static RekofaceAsyncClient rekofaceAsync(URI endpoint) {
        return RekofaceAsyncClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1).credentialsProvider(credentials()).build();
    }

    static RekognitionClient sdk(URI endpoint) {
        return RekognitionClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1).credentialsProvider(credentials()).build();
    }

    static RekognitionAsyncClient sdkAsync(URI endpoint) {
        return RekognitionAsyncClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1).credentialsProvider(credentials()).build();
    }
}
