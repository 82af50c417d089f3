package dev.rekoface.internal.operation;

import dev.rekoface.Operation;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import java.util.function.Function;
import software.amazon.awssdk.services.rekognition.RekognitionAsyncClient;
import software.amazon.awssdk.services.rekognition.RekognitionClient;

/**
 * The part every operation shares: which {@link Operation} it is, the SDK method it calls on the sync and the async
 * client, and which resource a not-found or already-exists error names. A subclass holds only its request rules
 * ({@link #generateRequest}) and its mapping call ({@link #transformResponse}), plus any special error handling.
 *
 * @param <I> rekoface's input
 * @param <Q> the SDK request
 * @param <R> the SDK response
 * @param <O> rekoface's result
 */
public abstract class SdkOperation<I, Q, R, O> implements RekognitionOperation<I, Q, R, O> {
    private final Operation operation;
    private final BiFunction<RekognitionClient, Q, R> call;
    private final BiFunction<RekognitionAsyncClient, Q, CompletableFuture<R>> asyncCall;
    private final Function<? super I, String> resource;

    /**
     * Creates an operation whose errors name no resource.
     *
     * @param operation the operation
     * @param call the sync client's method, e.g. {@code RekognitionClient::detectFaces}
     * @param asyncCall the async client's method, e.g. {@code RekognitionAsyncClient::detectFaces}
     */
    protected SdkOperation(Operation operation, BiFunction<RekognitionClient, Q, R> call,
                           BiFunction<RekognitionAsyncClient, Q, CompletableFuture<R>> asyncCall) {
        this(operation, call, asyncCall, input -> null);
    }

    /**
     * Creates an operation.
     *
     * @param operation the operation
     * @param call the sync client's method, e.g. {@code RekognitionClient::listFaces}
     * @param asyncCall the async client's method, e.g. {@code RekognitionAsyncClient::listFaces}
     * @param resource describes the resource an input refers to, for {@link #resource} (see {@link Resources})
     */
    protected SdkOperation(Operation operation, BiFunction<RekognitionClient, Q, R> call,
                           BiFunction<RekognitionAsyncClient, Q, CompletableFuture<R>> asyncCall,
                           Function<? super I, String> resource) {
        this.operation = operation;
        this.call = call;
        this.asyncCall = asyncCall;
        this.resource = resource;
    }

    @Override
    public final Operation operation() {
        return operation;
    }

    @Override
    public final R serviceCall(RekognitionClient client, Q request) {
        return call.apply(client, request);
    }

    @Override
    public final CompletableFuture<R> asyncServiceCall(RekognitionAsyncClient client, Q request) {
        return asyncCall.apply(client, request);
    }

    @Override
    public String resource(I input) {
        return resource.apply(input);
    }
}
