package dev.rekoface.internal;

import dev.rekoface.internal.operation.RekognitionOperation;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.services.rekognition.RekognitionAsyncClient;
import software.amazon.awssdk.services.rekognition.RekognitionClient;

/** Sends one request, sync or async behind one signature; failures are the SDK's, unmapped. */
interface Transport extends AutoCloseable {

    <Q, R> CompletableFuture<R> send(RekognitionOperation<?, Q, R, ?> op, Q request);

    @Override
    void close();

    static Transport sync(RekognitionClient client, boolean owned) {
        return new Transport() {
            @Override
            public <Q, R> CompletableFuture<R> send(RekognitionOperation<?, Q, R, ?> op, Q request) {
                try {
                    return CompletableFuture.completedFuture(op.serviceCall(client, request));
                } catch (RuntimeException e) {
                    return CompletableFuture.failedFuture(e);
                }
            }

            @Override
            public void close() {
                if (owned) {
                    client.close();
                }
            }
        };
    }

    static Transport async(RekognitionAsyncClient client, boolean owned) {
        return new Transport() {
            @Override
            public <Q, R> CompletableFuture<R> send(RekognitionOperation<?, Q, R, ?> op, Q request) {
                try {
                    return op.asyncServiceCall(client, request);
                } catch (RuntimeException e) {
                    return CompletableFuture.failedFuture(e);
                }
            }

            @Override
            public void close() {
                if (owned) {
                    client.close();
                }
            }
        };
    }
}
