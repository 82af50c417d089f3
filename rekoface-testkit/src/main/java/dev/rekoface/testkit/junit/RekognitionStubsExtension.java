package dev.rekoface.testkit.junit;

import dev.rekoface.RekofaceAsyncClient;
import dev.rekoface.RekofaceClient;
import dev.rekoface.testkit.stub.RekognitionStubs;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import software.amazon.awssdk.services.rekognition.RekognitionAsyncClient;
import software.amazon.awssdk.services.rekognition.RekognitionClient;

/**
 * The JUnit 5 extension behind {@link StubbedRekognition}: one stub server per test class, cleared before each test,
 * {@link RekognitionStubs#verifyNoUnmatched()} after each, clients injected, everything closed by the extension store.
 */
public final class RekognitionStubsExtension implements BeforeEachCallback, AfterEachCallback, ParameterResolver {
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(RekognitionStubsExtension.class);
    private static final Set<Class<?>> SUPPORTED = Set.of(RekognitionStubs.class, RekofaceClient.class, RekofaceAsyncClient.class,
        RekognitionClient.class, RekognitionAsyncClient.class);

    /** Creates the extension (JUnit does, through {@link StubbedRekognition}). */
    public RekognitionStubsExtension() {
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        stubs(context).reset();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (context.getExecutionException().isEmpty()) {
            stubs(context).verifyNoUnmatched();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return SUPPORTED.contains(parameterContext.getParameter().getType());
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext context) {
        Class<?> type = parameterContext.getParameter().getType();
        RekognitionStubs stubs = stubs(context);
        if (type == RekognitionStubs.class) {
            return stubs;
        }
        if (type == RekofaceClient.class) {
            return resource(context, type, () -> Clients.rekoface(stubs.endpoint()), RekofaceClient::close);
        }
        if (type == RekofaceAsyncClient.class) {
            return resource(context, type, () -> Clients.rekofaceAsync(stubs.endpoint()), RekofaceAsyncClient::close);
        }
        if (type == RekognitionClient.class) {
            return resource(context, type, () -> Clients.sdk(stubs.endpoint()), RekognitionClient::close);
        }
        return resource(context, type, () -> Clients.sdkAsync(stubs.endpoint()), RekognitionAsyncClient::close);
    }

    private static RekognitionStubs stubs(ExtensionContext context) {
        return resource(context, RekognitionStubs.class, RekognitionStubs::start, RekognitionStubs::close);
    }

    @SuppressWarnings({"unchecked", "deprecation"})
    private static <T> T resource(ExtensionContext context, Class<?> key, Supplier<T> create, Consumer<T> close) {
        ExtensionContext c = context;
        while (c.getTestMethod().isPresent() && c.getParent().isPresent()) {
            c = c.getParent().get();
        }
        Holder<T> h = (Holder<T>) c.getStore(NS).getOrComputeIfAbsent(key, k -> new Holder<>(create.get(), close), Holder.class);
        return h.value;
    }

    @SuppressWarnings("deprecation")
    private static final class Holder<T> implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        final T value;
        final Consumer<T> close;

        Holder(T value, Consumer<T> close) {
            this.value = value;
            this.close = close;
        }

        private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();

        @Override
        public void close() {
            if (closed.compareAndSet(false, true)) {
                close.accept(value);
            }
        }
    }
}
