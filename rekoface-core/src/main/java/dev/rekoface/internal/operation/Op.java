package dev.rekoface.internal.operation;

import dev.rekoface.RekofaceException;
import dev.rekoface.internal.ErrorMapper;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import java.util.function.Function;
import software.amazon.awssdk.services.rekognition.RekognitionAsyncClient;
import software.amazon.awssdk.services.rekognition.RekognitionClient;

/**
 * An operation assembled from functions: the same request → call → map contract as a hand-written
 * {@link RekognitionOperation}, without a class per call.
 */
public final class Op<I, Q, R, O> implements RekognitionOperation<I, Q, R, O> {
    private final String name;
    private final Function<I, Q> request;
    private final BiFunction<RekognitionClient, Q, R> sync;
    private final BiFunction<RekognitionAsyncClient, Q, CompletableFuture<R>> async;
    private final BiFunction<R, I, O> response;
    private final Function<I, String> resource;
    private final BiFunction<Throwable, I, Optional<O>> answerError;
    private final BiFunction<Throwable, I, RekofaceException> mapError;
    private final boolean idempotent;
    private final BiFunction<I, dev.rekoface.internal.Invoker, CompletableFuture<Optional<O>>> resolver;

    private Op(Builder<I, Q, R, O> b) {
        this.name = b.name;
        this.request = Objects.requireNonNull(b.request, "request");
        this.sync = Objects.requireNonNull(b.sync, "sync");
        this.async = Objects.requireNonNull(b.async, "async");
        this.response = Objects.requireNonNull(b.response, "response");
        this.resource = b.resource;
        this.answerError = b.answerError;
        this.mapError = b.mapError;
        this.idempotent = b.idempotent;
        this.resolver = b.resolver;
    }

    /**
     * Starts an operation.
     *
     * @param name the Rekognition operation name
     * @return a builder
     */
    public static <I, Q, R, O> Builder<I, Q, R, O> named(String name) {
        return new Builder<>(name);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Q generateRequest(I input) {
        return request.apply(input);
    }

    @Override
    public R serviceCall(RekognitionClient client, Q q) {
        return sync.apply(client, q);
    }

    @Override
    public CompletableFuture<R> asyncServiceCall(RekognitionAsyncClient client, Q q) {
        return async.apply(client, q);
    }

    @Override
    public O transformResponse(R r, I input) {
        return response.apply(r, input);
    }

    @Override
    public Optional<O> transformError(Throwable failure, I input) {
        return answerError == null ? Optional.empty() : answerError.apply(failure, input);
    }

    @Override
    public RekofaceException mapError(Throwable failure, I input) {
        if (mapError != null) {
            RekofaceException mapped = mapError.apply(failure, input);
            if (mapped != null) {
                return mapped;
            }
        }
        return ErrorMapper.map(failure, name, resource(input));
    }

    @Override
    public String resource(I input) {
        return resource == null ? null : resource.apply(input);
    }

    @Override
    public boolean idempotent() {
        return idempotent;
    }

    @Override
    public CompletableFuture<Optional<O>> resolveAmbiguousFailure(I input, dev.rekoface.internal.Invoker reads) {
        return resolver == null ? CompletableFuture.completedFuture(Optional.empty()) : resolver.apply(input, reads);
    }

    /** Builds an {@link Op}. */
    public static final class Builder<I, Q, R, O> {
        private final String name;
        private Function<I, Q> request;
        private BiFunction<RekognitionClient, Q, R> sync;
        private BiFunction<RekognitionAsyncClient, Q, CompletableFuture<R>> async;
        private BiFunction<R, I, O> response;
        private Function<I, String> resource;
        private BiFunction<Throwable, I, Optional<O>> answerError;
        private BiFunction<Throwable, I, RekofaceException> mapError;
        private boolean idempotent = true;
        private BiFunction<I, dev.rekoface.internal.Invoker, CompletableFuture<Optional<O>>> resolver;

        private Builder(String name) {
            this.name = name;
        }

        /** Validates the input and builds the SDK request. */
        public Builder<I, Q, R, O> request(Function<I, Q> f) {
            this.request = f;
            return this;
        }

        /** The sync and async SDK calls. */
        public Builder<I, Q, R, O> call(BiFunction<RekognitionClient, Q, R> syncCall,
                                        BiFunction<RekognitionAsyncClient, Q, CompletableFuture<R>> asyncCall) {
            this.sync = syncCall;
            this.async = asyncCall;
            return this;
        }

        /** Maps the response. */
        public Builder<I, Q, R, O> response(BiFunction<R, I, O> f) {
            this.response = f;
            return this;
        }

        /** Describes the resource for not-found and already-exists errors. */
        public Builder<I, Q, R, O> resource(Function<I, String> f) {
            this.resource = f;
            return this;
        }

        /** Turns some errors into answers. */
        public Builder<I, Q, R, O> answerError(BiFunction<Throwable, I, Optional<O>> f) {
            this.answerError = f;
            return this;
        }

        /** Maps some errors differently from the default mapping (return null for the default). */
        public Builder<I, Q, R, O> mapError(BiFunction<Throwable, I, RekofaceException> f) {
            this.mapError = f;
            return this;
        }

        /** Marks the call as not safe to repeat after an ambiguous failure. */
        public Builder<I, Q, R, O> notIdempotent() {
            this.idempotent = false;
            return this;
        }

        /**
         * Marks the call as not safe to repeat, with a check run after an ambiguous failure: it answers the result the
         * lost response would have carried, or empty to call again.
         */
        public Builder<I, Q, R, O> notIdempotent(BiFunction<I, dev.rekoface.internal.Invoker, CompletableFuture<Optional<O>>> check) {
            this.idempotent = false;
            this.resolver = check;
            return this;
        }

        /** Builds the operation. */
        public Op<I, Q, R, O> build() {
            return new Op<>(this);
        }
    }
}
