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
import org.springframework.util.ClassUtils;

/**
 * Starts an emulator for one application context, registers it as the {@value #BEAN_NAME} bean (stopped when the
 * context closes) and puts the {@code rekoface.*} properties that point the beans at it first among the property
 * sources. A record, so that test classes with the same settings share a cached context.
 *
 * @param faceEngine whether unknown photos go to the face engine
 * @param forceEngine whether every photo goes to the face engine
 * @param s3 whether to start a local S3 server too
 * @param region the region
 * @param logRequests whether the emulator logs requests
 */
record LocalRekognitionContextCustomizer(boolean faceEngine, boolean forceEngine, boolean s3, String region,
                                         boolean logRequests)
    implements ContextCustomizer {

    /** The name of the emulator's bean. */
    static final String BEAN_NAME = "rekognitionEmulator";
    /** The name of the property source. */
    static final String PROPERTY_SOURCE = "rekofaceLocalRekognition";
    /** The dummy credentials the beans sign with (the emulator does not check signatures). */
    static final String DUMMY_KEY = "local-rekognition";

    /** The name of the local S3 server's bean, with {@code s3 = true}. */
    static final String S3_BEAN_NAME = "rekofaceLocalS3";

    @Override
    public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
        if (s3 && !ClassUtils.isPresent("org.gaul.s3proxy.S3Proxy", context.getClassLoader())) {
            throw new IllegalStateException("@AutoConfigureLocalRekognition(s3 = true) needs S3Proxy on the test classpath: "
                + "add the test dependency org.gaul:s3proxy");
        }
        ConfigurableListableBeanFactory beans = context.getBeanFactory();
        Map<String, Object> properties = new LinkedHashMap<>();
        RekognitionEmulator.Builder builder = RekognitionEmulator.builder().region(region).faceEngine(faceEngine)
            .forceEngine(forceEngine).logRequests(logRequests);
        AutoCloseable localS3 = null;
        if (s3) {
            LocalS3 server = LocalS3.start();
            localS3 = server;
            builder.s3Endpoint(server.endpoint());
            properties.put("rekoface.s3.endpoint", server.endpoint().toString());
        }
        RekognitionEmulator emulator;
        try {
            emulator = builder.start();
        } catch (RuntimeException e) {
            closeQuietly(localS3, e);
            throw e;
        }
        try {
            register(beans, BEAN_NAME, emulator);
            if (localS3 != null) {
                register(beans, S3_BEAN_NAME, localS3);
            }
            properties.put("rekoface.endpoint", emulator.endpoint().toString());
            properties.put("rekoface.region", region);
            properties.put("rekoface.credentials.access-key", DUMMY_KEY);
            properties.put("rekoface.credentials.secret-key", DUMMY_KEY);
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE, properties));
        } catch (RuntimeException e) {
            emulator.close();
            closeQuietly(localS3, e);
            throw e;
        }
    }

    /** Registers a ready object as a bean, closed when the context closes. */
    private static void register(ConfigurableListableBeanFactory beans, String name, AutoCloseable object) {
        beans.registerSingleton(name, object);
        if (beans instanceof DefaultSingletonBeanRegistry registry) {
            registry.registerDisposableBean(name, object::close);
        }
    }

    private static void closeQuietly(AutoCloseable closeable, Exception failure) {
        if (closeable != null) {
            try {
                closeable.close();
            } catch (Exception e) {
                failure.addSuppressed(e);
            }
        }
    }
}
