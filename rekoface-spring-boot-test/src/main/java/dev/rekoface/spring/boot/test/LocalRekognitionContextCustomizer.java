package dev.rekoface.spring.boot.test;

import dev.rekoface.testkit.emulator.RekognitionEmulator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Starts an emulator for one application context, registers it as the {@value #BEAN_NAME} bean (stopped when the
 * context closes) and puts the {@code rekoface.*} properties that point the beans at it first among the property
 * sources. A record, so that test classes with the same settings share a cached context.
 *
 * @param faceEngine whether unknown photos go to the face engine
 * @param forceEngine whether every photo goes to the face engine
 * @param region the region
 * @param logRequests whether the emulator logs requests
 */
record LocalRekognitionContextCustomizer(boolean faceEngine, boolean forceEngine, String region, boolean logRequests)
    implements ContextCustomizer {

    /** The name of the emulator's bean. */
    static final String BEAN_NAME = "rekognitionEmulator";
    /** The name of the property source. */
    static final String PROPERTY_SOURCE = "rekofaceLocalRekognition";
    /** The dummy credentials the beans sign with (the emulator does not check signatures). */
    static final String DUMMY_KEY = "local-rekognition";

    @Override
    public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
        RekognitionEmulator emulator = RekognitionEmulator.builder().region(region).faceEngine(faceEngine)
            .forceEngine(forceEngine).logRequests(logRequests).start();
        try {
            ConfigurableListableBeanFactory beans = context.getBeanFactory();
            beans.registerSingleton(BEAN_NAME, emulator);
            if (beans instanceof DefaultSingletonBeanRegistry registry) {
                registry.registerDisposableBean(BEAN_NAME, emulator::close);
            }
            Map<String, Object> properties = new LinkedHashMap<>();
            properties.put("rekoface.endpoint", emulator.endpoint().toString());
            properties.put("rekoface.region", region);
            properties.put("rekoface.credentials.access-key", DUMMY_KEY);
            properties.put("rekoface.credentials.secret-key", DUMMY_KEY);
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE, properties));
        } catch (RuntimeException e) {
            emulator.close();
            throw e;
        }
    }
}
