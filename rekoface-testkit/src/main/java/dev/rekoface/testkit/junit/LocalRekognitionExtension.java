package dev.rekoface.testkit.junit;

import dev.rekoface.RekofaceAsyncClient;
import dev.rekoface.RekofaceClient;
import dev.rekoface.testkit.emulator.RekognitionEmulator;
import dev.rekoface.testkit.faces.CatalogueFaceSource;
import java.net.URI;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;
import software.amazon.awssdk.services.rekognition.RekognitionAsyncClient;
import software.amazon.awssdk.services.rekognition.RekognitionClient;

/**
 * The JUnit 5 extension behind {@link LocalRekognition}: one emulator per test class, reset before each test if
 * asked, clients injected as parameters, everything closed through the class's extension store.
 */
public final class LocalRekognitionExtension implements BeforeAllCallback, BeforeEachCallback, ParameterResolver {
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(LocalRekognitionExtension.class);
    private static final Set<Class<?>> SUPPORTED = Set.of(RekognitionEmulator.class, RekofaceClient.class,
        RekofaceAsyncClient.class, RekognitionClient.class, RekognitionAsyncClient.class, URI.class);

    /** Creates the extension (JUnit does, through {@link LocalRekognition}). */
    public LocalRekognitionExtension() {
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        emulator(context);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (settings(context).resetBetweenTests()) {
            RekognitionEmulator emu = emulator(context);
            emu.reset();
            emu.clearFaults();
            emu.resetCounters();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Class<?> type = parameterContext.getParameter().getType();
        return SUPPORTED.contains(type) && (type != URI.class || parameterContext.isAnnotated(LocalRekognitionEndpoint.class));
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext context) {
        Class<?> type = parameterContext.getParameter().getType();
        RekognitionEmulator emu = emulator(context);
        if (type == RekognitionEmulator.class) {
            return emu;
        }
        if (type == URI.class) {
            return emu.endpoint();
        }
        if (type == RekofaceClient.class) {
            return resource(context, type, () -> Clients.rekoface(emu.endpoint()), RekofaceClient::close);
        }
        if (type == RekofaceAsyncClient.class) {
            return resource(context, type, () -> Clients.rekofaceAsync(emu.endpoint()), RekofaceAsyncClient::close);
        }
        if (type == RekognitionClient.class) {
            return resource(context, type, () -> Clients.sdk(emu.endpoint()), RekognitionClient::close);
        }
        if (type == RekognitionAsyncClient.class) {
            return resource(context, type, () -> Clients.sdkAsync(emu.endpoint()), RekognitionAsyncClient::close);
        }
        throw new ParameterResolutionException("@LocalRekognition cannot inject " + type.getName());
    }

    private static LocalRekognition settings(ExtensionContext context) {
        return AnnotationSupport.findAnnotation(context.getRequiredTestClass(), LocalRekognition.class)
            .orElseThrow(() -> new IllegalStateException("LocalRekognitionExtension needs @LocalRekognition on "
                + context.getRequiredTestClass().getName()));
    }

    /** The store of the test class, so that everything lives as long as the class. */
    private static ExtensionContext.Store classStore(ExtensionContext context) {
        ExtensionContext c = context;
        while (c.getTestMethod().isPresent() && c.getParent().isPresent()) {
            c = c.getParent().get();
        }
        return c.getStore(NS);
    }

    static RekognitionEmulator emulator(ExtensionContext context) {
        LocalRekognition s = settings(context);
        return resource(context, RekognitionEmulator.class, () -> {
            RekognitionEmulator.Builder b = RekognitionEmulator.builder().simulatedFallback(s.simulatedFallback()).faceEngine(s.faceEngine()).forceEngine(s.forceEngine())
                .logRequests(s.logRequests());
            if (!s.catalogue().isEmpty()) {
                b.catalogue(CatalogueFaceSource.fromFile(Path.of(s.catalogue())));
            }
            return b.start();
        }, RekognitionEmulator::close);
    }

    @SuppressWarnings({"unchecked", "deprecation"})
    private static <T> T resource(ExtensionContext context, Class<?> key, java.util.function.Supplier<T> create,
                                  java.util.function.Consumer<T> close) {
        Closing<T> holder = (Closing<T>) classStore(context).getOrComputeIfAbsent(key,
            k -> new Closing<>(create.get(), close), Closing.class);
        return holder.value;
    }

    /** Holds a started resource and closes it when JUnit closes the store. */
    @SuppressWarnings("deprecation")
    private static final class Closing<T> implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        final T value;
        final java.util.function.Consumer<T> close;

        Closing(T value, java.util.function.Consumer<T> close) {
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
