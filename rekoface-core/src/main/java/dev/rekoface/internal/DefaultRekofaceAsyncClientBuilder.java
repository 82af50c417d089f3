package dev.rekoface.internal;

import dev.rekoface.RekofaceAsyncClient;
import java.util.Objects;
import software.amazon.awssdk.http.async.SdkAsyncHttpClient;
import software.amazon.awssdk.services.rekognition.RekognitionAsyncClient;
import software.amazon.awssdk.services.rekognition.RekognitionAsyncClientBuilder;

/** Builds {@link DefaultRekofaceAsyncClient}. */
public final class DefaultRekofaceAsyncClientBuilder
    extends BaseClientBuilder<RekofaceAsyncClient.Builder, RekognitionAsyncClient, SdkAsyncHttpClient>
    implements RekofaceAsyncClient.Builder {

    @Override
    protected RekofaceAsyncClient.Builder self() {
        return this;
    }

    @Override
    public RekofaceAsyncClient.Builder rekognitionClient(RekognitionAsyncClient client) {
        this.suppliedClient = Objects.requireNonNull(client, "client");
        return this;
    }

    @Override
    public RekofaceAsyncClient.Builder httpClient(SdkAsyncHttpClient httpClient) {
        this.httpClient = Objects.requireNonNull(httpClient, "httpClient");
        return this;
    }

    private PolicyInvoker invoker(Transport transport, java.util.OptionalInt suppliedRetries) {
        java.util.concurrent.ScheduledExecutorService scheduler = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "rekoface-retry-scheduler");
            t.setDaemon(true);
            return t;
        });
        return new PolicyInvoker(transport, Delayer.scheduled(scheduler), Permits.queued(maxConcurrency()),
            resilience(suppliedRetries), scheduler);
    }

    private static java.util.OptionalInt retriesOf(RekognitionAsyncClient client) {
        return client.serviceClientConfiguration().overrideConfiguration().retryStrategy()
            .map(r -> java.util.OptionalInt.of(r.maxAttempts())).orElse(java.util.OptionalInt.empty());
    }

    @Override
    public RekofaceAsyncClient build() {
        if (suppliedClient != null) {
            refuseSettingsWithSuppliedClient();
            return new DefaultRekofaceAsyncClient(invoker(Transport.async(suppliedClient, false), retriesOf(suppliedClient)));
        }
        RekognitionAsyncClientBuilder b = configure(RekognitionAsyncClient.builder());
        if (httpClient != null) {
            b.httpClient(httpClient);
        }
        return new DefaultRekofaceAsyncClient(invoker(Transport.async(b.build(), true), java.util.OptionalInt.empty()));
    }
}
