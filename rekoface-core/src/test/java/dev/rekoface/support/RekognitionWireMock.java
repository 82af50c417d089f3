package dev.rekoface.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.rekoface.Operation;
import dev.rekoface.RekofaceAsyncClient;
import dev.rekoface.RekofaceClient;
import dev.rekoface.testkit.fixtures.Fixtures;
import java.net.URI;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.rekognition.RekognitionAsyncClient;
import software.amazon.awssdk.services.rekognition.RekognitionClient;

/**
 * Serves recorded Rekognition responses from WireMock to the real SDK clients: a WireMock server on a free port,
 * registered once per test class ({@code @RegisterExtension static RekognitionWireMock reko = RekognitionWireMock.create()})
 * and reset before each test.
 */
public final class RekognitionWireMock extends WireMockExtension {

    private RekognitionWireMock() {
        super(WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()));
    }

    /** Returns a server on a free port, for a static {@code @RegisterExtension} field. */
    public static RekognitionWireMock create() {
        return new RekognitionWireMock();
    }

    public URI endpoint() {
        return URI.create(baseUrl());
    }

    /** A rekoface client built by rekoface (the SDK's default retries apply). */
    public RekofaceClient client() {
        return RekofaceClient.builder().endpointOverride(endpoint()).region(Region.US_EAST_1)
            .credentialsProvider(credentials()).build();
    }

    /** An async rekoface client built by rekoface. */
    public RekofaceAsyncClient asyncClient() {
        return RekofaceAsyncClient.builder().endpointOverride(endpoint()).region(Region.US_EAST_1)
            .credentialsProvider(credentials()).build();
    }

    /** A raw SDK client without retries, so that one call is one request. */
    public RekognitionClient rawClient() {
        return RekognitionClient.builder().endpointOverride(endpoint()).region(Region.US_EAST_1)
            .credentialsProvider(credentials())
            .overrideConfiguration(c -> c.retryStrategy(b -> b.maxAttempts(1)))
            .build();
    }

    /** A raw async SDK client without retries. */
    public RekognitionAsyncClient rawAsyncClient() {
        return RekognitionAsyncClient.builder().endpointOverride(endpoint()).region(Region.US_EAST_1)
            .credentialsProvider(credentials())
            .overrideConfiguration(c -> c.retryStrategy(b -> b.maxAttempts(1)))
            .build();
    }

    public static StaticCredentialsProvider credentials() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTESTTESTTEST", "secret"));
    }

    /** Answers an operation with a recorded response of the fixture pack. */
    public void answer(Operation operation, String fixture) {
        answerJson(operation, Fixtures.response(fixture));
    }

    /** Answers an operation with a JSON body. */
    public void answerJson(Operation operation, String json) {
        stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(operation.target()))
            .willReturn(json(200, json)));
    }

    /** Answers an operation with a service error. */
    public void fail(Operation operation, int status, String errorType, String message) {
        stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(operation.target()))
            .willReturn(json(status, "{\"__type\":\"" + errorType + "\",\"Message\":\"" + message + "\"}")
                .withHeader("x-amzn-RequestId", "req-1234")));
    }

    private static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/x-amz-json-1.1")
            .withHeader("x-amzn-RequestId", "req-1234").withBody(body);
    }

    /** Returns how many requests reached the server. */
    public int requestCount() {
        return getAllServeEvents().size();
    }

    /** Returns the requests made to an operation. */
    public List<LoggedRequest> requests(Operation operation) {
        return findAll(postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(operation.target())));
    }
}
