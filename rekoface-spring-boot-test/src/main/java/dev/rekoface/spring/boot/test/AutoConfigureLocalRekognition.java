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
 * bean. With {@link #s3()}, an S3 server too. The emulator lives as long as the context: Spring's test context cache shares it between the test classes
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
     * Whether to start a local S3 server too (S3Proxy, in memory, on a free loopback port), point the
     * {@code S3Images} bean at it ({@code rekoface.s3.endpoint}) and let the emulator read {@code S3Object} images from
     * it. Needs {@code org.gaul:s3proxy} on the test classpath. Buckets start empty: create them through
     * {@code s3Images.s3Client()}.
     *
     * @return true to start a local S3 (default false)
     */
    boolean s3() default false;

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
