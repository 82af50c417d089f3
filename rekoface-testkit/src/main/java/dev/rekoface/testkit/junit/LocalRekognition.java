package dev.rekoface.testkit.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the test class against a local Rekognition: starts a {@link dev.rekoface.testkit.emulator.RekognitionEmulator}
 * on a free port before the first test and stops it after the last.
 *
 * <pre>{@code
 * @LocalRekognition
 * class FaceSearchTest {
 *     @Test
 *     void compare_sameperson_matches(RekofaceClient reko) {
 *         FaceComparison cmp = reko.compareFaces(ImageSource.fromBytes(Fixtures.image("obama.jpg").bytes()),
 *                                                ImageSource.fromBytes(Fixtures.image("obama2.jpg").bytes()));
 *         assertThat(cmp.matches()).hasSize(1);
 *     }
 * }
 * }</pre>
 *
 * <p>Test methods (and lifecycle methods) may declare parameters of these types, which are injected ready to use:
 * {@link dev.rekoface.RekofaceClient}, {@link dev.rekoface.RekofaceAsyncClient}, the SDK's
 * {@code RekognitionClient} and {@code RekognitionAsyncClient} (region us-east-1, dummy credentials, endpoint set),
 * and the emulator handle {@link dev.rekoface.testkit.emulator.RekognitionEmulator} (faults, quotas, counters).
 * Everything is closed through JUnit's extension store.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(LocalRekognitionExtension.class)
public @interface LocalRekognition {

    /**
     * Whether every test starts with no collections, no faults and zeroed counters (default true). With false, the
     * tests of the class share state.
     */
    boolean resetBetweenTests() default true;

    /** A face catalogue file of your own (schema of the fixture pack's); empty for the fixture pack's. */
    String catalogue() default "";

    /** Whether images the catalogue does not know get a SIMULATED face (default true). */
    boolean simulatedFallback() default true;

    /**
     * Whether images the catalogue does not know go to the local face engine (real detection, descriptors and
     * emotions) instead of a simulated face (default false: faster and deterministic).
     */
    boolean faceEngine() default false;

    /** Whether every image, the catalogue's included, goes to the face engine (default false). */
    boolean forceEngine() default false;

    /** Whether the emulator logs one line per request (default false in tests). */
    boolean logRequests() default false;
}
