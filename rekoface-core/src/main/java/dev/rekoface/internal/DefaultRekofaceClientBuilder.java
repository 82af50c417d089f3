package dev.rekoface.internal;

import dev.rekoface.RekofaceClient;
import java.util.Objects;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.services.rekognition.RekognitionClient;
import software.amazon.awssdk.services.rekognition.RekognitionClientBuilder;

/** Builds {@link DefaultRekofaceClient}. */
public final class DefaultRekofaceClientBuilder
    extends BaseClientBuilder<RekofaceClient.Builder, RekognitionClient, SdkHttpClient> implements RekofaceClient.Builder {

    @Override
    protected RekofaceClient.Builder self() {
        return this;
    }

    @Override
    public RekofaceClient.Builder rekognitionClient(RekognitionClient client) {
        this.suppliedClient = Objects.requireNonNull(client, "client");
        return this;
    }

    @Override
    public RekofaceClient.Builder httpClient(SdkHttpClient httpClient) {
        this.httpClient = Objects.requireNonNull(httpClient, "httpClient");
        return this;
    }

    private PolicyInvoker invoker(Transport transport, java.util.OptionalInt suppliedRetries) {
        return new PolicyInvoker(transport, Delayer.SLEEP, Permits.blocking(maxConcurrency()), resilience(suppliedRetries), null);
    }

    private static java.util.OptionalInt retriesOf(RekognitionClient client) {
        return client.serviceClientConfiguration().overrideConfiguration().retryStrategy()
            .map(r -> java.util.OptionalInt.of(r.maxAttempts())).orElse(java.util.OptionalInt.empty());
    }

    @Override
    public RekofaceClient build() {
        if (suppliedClient != null) {
            refuseSettingsWithSuppliedClient();
            return new DefaultRekofaceClient(invoker(Transport.sync(suppliedClient, false), retriesOf(suppliedClient)));
        }
        RekognitionClientBuilder b = configure(RekognitionClient.builder());
        if (httpClient != null) {
            b.httpClient(httpClient);
        }
        return new DefaultRekofaceClient(invoker(Transport.sync(b.build(), true), java.util.OptionalInt.empty()));
    }
}
