package dev.rekoface.testkit.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a {@link java.net.URI} test parameter that {@link LocalRekognition} fills with the emulator's endpoint, for
 * building your own clients: {@code void test(@LocalRekognitionEndpoint URI endpoint)}.
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface LocalRekognitionEndpoint {
}
