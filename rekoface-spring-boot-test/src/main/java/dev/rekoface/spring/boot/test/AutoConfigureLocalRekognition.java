package dev.rekoface.spring.boot.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs a {@code @SpringBootTest} against a local Rekognition: starts the rekoface emulator
 * ({@link dev.rekoface.testkit.emulator.RekognitionEmulator}) on a free loopback port once per application context, and
 * points the starter's beans at it, so that an application's tests need no AWS account.
 *
 * <pre>{@code
 * @SpringBootTest
 * @AutoConfigureLocalRekognition
 * class CheckInTest {
 *     @Autowired RekofaceClient reko;
 *     @Autowired RekognitionEmulator emulator;          // faults, quotas, counters, reset
 *
 *     @Test
 *     void detect_portrait_findsOneFace() {
 *         assertThat(reko.detectFaces(ImageSource.fromBytes(Fixtures.image("obama.jpg").bytes()))).hasSize(1);
 *     }
 * }
 * }</pre>
 *
 * <p>It sets {@code rekoface.endpoint} to the emulator, {@code rekoface.region} to {@link #region()} and static dummy
 * credentials ({@code rekoface.credentials.*}), ahead of every other property source, and registers the emulator as a
 * bean. The emulator lives as long as the context: Spring's test context cache shares it between the test classes
 * that share a context, and closing the context stops it. State (collections, faces) is kept between tests of a
 * context; call {@code emulator.reset()} in a {@code @BeforeEach} for a clean slate.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface AutoConfigureLocalRekognition {

    /**
     * Whether photos the fixture catalogue does not know are analysed by the local face engine (real faces, boxes,
     * emotions and similarities for any photo; the models load once, in about a second). Off: such photos get one
     * simulated face derived from their bytes.
     *
     * @return true to use the face engine (default)
     */
    boolean faceEngine() default true;

    /**
     * Whether the face engine answers for every photo, the catalogue's included.
     *
     * @return true to force the engine (default false)
     */
    boolean forceEngine() default false;

    /**
     * The region the emulator reports and the beans use.
     *
     * @return a region name (default us-east-1)
     */
    String region() default "us-east-1";

    /**
     * Whether the emulator logs one line per request (operation, status, latency; never a payload).
     *
     * @return true to log (default)
     */
    boolean logRequests() default true;
}
