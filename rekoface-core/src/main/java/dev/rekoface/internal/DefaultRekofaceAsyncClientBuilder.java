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

    @Override
    public RekofaceAsyncClient build() {
        if (suppliedClient != null) {
            refuseSettingsWithSuppliedClient();
            return new DefaultRekofaceAsyncClient(Invoker.async(suppliedClient, false));
        }
        RekognitionAsyncClientBuilder b = configure(RekognitionAsyncClient.builder());
        if (httpClient != null) {
            b.httpClient(httpClient);
        }
        return new DefaultRekofaceAsyncClient(Invoker.async(b.build(), true));
    }
}
