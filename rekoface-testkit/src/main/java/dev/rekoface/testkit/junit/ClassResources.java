package dev.rekoface.testkit.junit;

import dev.rekoface.RekofaceAsyncClient;
import dev.rekoface.RekofaceClient;
import java.net.URI;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import software.amazon.awssdk.services.rekognition.RekognitionAsyncClient;
import software.amazon.awssdk.services.rekognition.RekognitionClient;

/**
 * What an extension starts once per test class (a server, the clients it injects), kept in the class's extension store
 * so that JUnit closes each exactly once when the class is done. One per extension, under the extension's namespace.
 */
final class ClassResources {
    /** The clients an extension injects, each aimed at its server. */
    static final Set<Class<?>> CLIENT_TYPES = Set.of(RekofaceClient.class, RekofaceAsyncClient.class, RekognitionClient.class,
        RekognitionAsyncClient.class);

    private final ExtensionContext.Namespace namespace;

    ClassResources(Class<?> extension) {
        this.namespace = ExtensionContext.Namespace.create(extension);
    }

    /**
     * Returns the class's resource of a key, creating it the first time.
     *
     * @param context any context of the class or of one of its tests
     * @param key the resource's key, e.g. its type
     * @param create starts the resource
     * @param close stops it, once, when JUnit closes the class's store
     * @param <T> its type
     * @return the resource
     */
    @SuppressWarnings({"unchecked", "deprecation"})
    <T> T get(ExtensionContext context, Class<?> key, Supplier<T> create, Consumer<T> close) {
        ExtensionContext c = context;
        while (c.getTestMethod().isPresent() && c.getParent().isPresent()) {
            c = c.getParent().get();
        }
        Holder<T> holder = (Holder<T>) c.getStore(namespace).getOrComputeIfAbsent(key, k -> new Holder<>(create.get(), close),
            Holder.class);
        return holder.value;
    }

    /**
     * Returns the class's client of a type, aimed at an endpoint, creating it the first time.
     *
     * @param context any context of the class or of one of its tests
     * @param type one of {@link #CLIENT_TYPES}
     * @param endpoint the server the client talks to
     * @return the client
     * @throws ParameterResolutionException if the type is not a client type
     */
    Object client(ExtensionContext context, Class<?> type, URI endpoint) {
        if (type == RekofaceClient.class) {
            return get(context, type, () -> Clients.rekoface(endpoint), RekofaceClient::close);
        }
        if (type == RekofaceAsyncClient.class) {
            return get(context, type, () -> Clients.rekofaceAsync(endpoint), RekofaceAsyncClient::close);
        }
        if (type == RekognitionClient.class) {
            return get(context, type, () -> Clients.sdk(endpoint), RekognitionClient::close);
        }
        if (type == RekognitionAsyncClient.class) {
            return get(context, type, () -> Clients.sdkAsync(endpoint), RekognitionAsyncClient::close);
        }
        throw new ParameterResolutionException("cannot inject " + type.getName() + "; the clients are " + CLIENT_TYPES);
    }

    /** Holds a started resource and closes it when JUnit closes the store. */
    @SuppressWarnings("deprecation")
    private static final class Holder<T> implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        private final T value;
        private final Consumer<T> close;
        private final AtomicBoolean closed = new AtomicBoolean();

        Holder(T value, Consumer<T> close) {
            this.value = value;
            this.close = close;
        }

        @Override
        public void close() {
            if (closed.compareAndSet(false, true)) {
                close.accept(value);
            }
        }
    }
}
