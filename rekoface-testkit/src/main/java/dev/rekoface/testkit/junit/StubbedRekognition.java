package dev.rekoface.testkit.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the test class against scripted stubs ({@link dev.rekoface.testkit.stub.RekognitionStubs} on WireMock): stubs
 * are cleared before each test, and a test fails after it ran if any request matched no stub.
 *
 * <pre>{@code
 * @StubbedRekognition
 * class RetryTest {
 *     @Test
 *     void detect_throttled_surfacesThrottledException(RekognitionStubs stubs, RekofaceClient reko) {
 *         stubs.on(Operation.DETECT_FACES).respondWithError("ThrottlingException", 400, "Slow down");
 *         assertThatThrownBy(() -> reko.detectFaces(photo)).isInstanceOf(ThrottledException.class);
 *     }
 * }
 * }</pre>
 *
 * <p>Injectable parameters: {@link dev.rekoface.testkit.stub.RekognitionStubs}, {@link dev.rekoface.RekofaceClient},
 * {@link dev.rekoface.RekofaceAsyncClient} and the SDK's {@code RekognitionClient}/{@code RekognitionAsyncClient},
 * all aimed at the stubs.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(RekognitionStubsExtension.class)
public @interface StubbedRekognition {
}
