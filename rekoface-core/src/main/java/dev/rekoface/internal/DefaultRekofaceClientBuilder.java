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

    @Override
    public RekofaceClient build() {
        if (suppliedClient != null) {
            refuseSettingsWithSuppliedClient();
            return new DefaultRekofaceClient(Invoker.sync(suppliedClient, false));
        }
        RekognitionClientBuilder b = configure(RekognitionClient.builder());
        if (httpClient != null) {
            b.httpClient(httpClient);
        }
        return new DefaultRekofaceClient(Invoker.sync(b.build(), true));
    }
}
