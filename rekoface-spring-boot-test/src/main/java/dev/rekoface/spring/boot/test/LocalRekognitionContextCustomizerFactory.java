package dev.rekoface.spring.boot.test;

import java.util.List;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.TestContextAnnotationUtils;

/**
 * Finds {@link AutoConfigureLocalRekognition} on a test class (or an enclosing class of a {@code @Nested} one) and
 * returns the customizer that starts the emulator for its context. Registered in {@code META-INF/spring.factories};
 * returns null for other test classes, which are left alone.
 */
public class LocalRekognitionContextCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass,
                                                     List<ContextConfigurationAttributes> configAttributes) {
        AutoConfigureLocalRekognition settings =
            TestContextAnnotationUtils.findMergedAnnotation(testClass, AutoConfigureLocalRekognition.class);
        return settings == null ? null : new LocalRekognitionContextCustomizer(settings.faceEngine(),
            settings.forceEngine(), settings.s3(), settings.region(), settings.logRequests());
    }
}
