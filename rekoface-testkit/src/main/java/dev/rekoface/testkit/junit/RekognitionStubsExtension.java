package dev.rekoface.testkit.junit;

import dev.rekoface.testkit.stub.RekognitionStubs;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The JUnit 5 extension behind {@link StubbedRekognition}: one stub server per test class, cleared before each test,
 * {@link RekognitionStubs#verifyNoUnmatched()} after each, clients injected, everything closed by the extension store.
 */
public final class RekognitionStubsExtension implements BeforeEachCallback, AfterEachCallback, ParameterResolver {
    private static final ClassResources RESOURCES = new ClassResources(RekognitionStubsExtension.class);

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
        Class<?> type = parameterContext.getParameter().getType();
        return type == RekognitionStubs.class || ClassResources.CLIENT_TYPES.contains(type);
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext context) {
        Class<?> type = parameterContext.getParameter().getType();
        RekognitionStubs stubs = stubs(context);
        return type == RekognitionStubs.class ? stubs : RESOURCES.client(context, type, stubs.endpoint());
    }

    private static RekognitionStubs stubs(ExtensionContext context) {
        return RESOURCES.get(context, RekognitionStubs.class, RekognitionStubs::start, RekognitionStubs::close);
    }
}
