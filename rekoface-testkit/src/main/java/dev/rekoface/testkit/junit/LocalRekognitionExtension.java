package dev.rekoface.testkit.junit;

import dev.rekoface.testkit.emulator.RekognitionEmulator;
import dev.rekoface.testkit.faces.CatalogueFaceSource;
import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The JUnit 5 extension behind {@link LocalRekognition}: one emulator per test class, reset before each test if
 * asked, clients injected as parameters, everything closed through the class's extension store.
 */
public final class LocalRekognitionExtension implements BeforeAllCallback, BeforeEachCallback, ParameterResolver {
    private static final ClassResources RESOURCES = new ClassResources(LocalRekognitionExtension.class);

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
        return type == RekognitionEmulator.class || ClassResources.CLIENT_TYPES.contains(type)
            || type == URI.class && parameterContext.isAnnotated(LocalRekognitionEndpoint.class);
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext context) {
        Class<?> type = parameterContext.getParameter().getType();
        RekognitionEmulator emu = emulator(context);
        return type == RekognitionEmulator.class ? emu : type == URI.class ? emu.endpoint() : RESOURCES.client(context, type, emu.endpoint());
    }

    private static LocalRekognition settings(ExtensionContext context) {
        return AnnotationSupport.findAnnotation(context.getRequiredTestClass(), LocalRekognition.class)
            .orElseThrow(() -> new IllegalStateException("LocalRekognitionExtension needs @LocalRekognition on "
                + context.getRequiredTestClass().getName()));
    }

    static RekognitionEmulator emulator(ExtensionContext context) {
        LocalRekognition s = settings(context);
        return RESOURCES.get(context, RekognitionEmulator.class, () -> {
            RekognitionEmulator.Builder b = RekognitionEmulator.builder().simulatedFallback(s.simulatedFallback()).faceEngine(s.faceEngine()).forceEngine(s.forceEngine())
                .logRequests(s.logRequests());
            if (!s.catalogue().isEmpty()) {
                b.catalogue(CatalogueFaceSource.fromFile(Path.of(s.catalogue())));
            }
            return b.start();
        }, RekognitionEmulator::close);
    }
}
