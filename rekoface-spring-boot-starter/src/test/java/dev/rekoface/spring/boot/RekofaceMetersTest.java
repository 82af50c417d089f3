package dev.rekoface.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.rekoface.AsyncFaceCollection;
import dev.rekoface.FaceCollection;
import dev.rekoface.InvalidArgumentException;
import dev.rekoface.NotFoundException;
import dev.rekoface.Operation;
import dev.rekoface.RekofaceAsyncClient;
import dev.rekoface.RekofaceClient;
import dev.rekoface.ServiceFailureException;
import dev.rekoface.ThrottledException;
import dev.rekoface.image.ImageSource;
import dev.rekoface.testkit.emulator.FaultProfile;
import dev.rekoface.testkit.fixtures.Fixtures;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The Micrometer meters: present only with a registry, recorded by real calls to the emulator, and the billing sums. */
class RekofaceMetersTest extends EmulatorBackedTest {
    private static ImageSource obama2;

    @BeforeAll
    static void loadSecondPhoto() {
        obama2 = ImageSource.fromBytes(Fixtures.image("obama2.jpg").bytes());
    }

    @BeforeEach
    void forgetCollections() {
        emulator.reset();
    }

    private ApplicationContextRunner local() {
        return local("us-east-1");
    }

    private ApplicationContextRunner withRegistry() {
        return local().withBean(MeterRegistry.class, SimpleMeterRegistry::new);
    }

    @Test
    void meters_noRegistry_areNotInstalled() {
        local().run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(RekofaceMeters.class));
    }

    @Test
    void meters_micrometerAbsent_clientsStillWork() {
        local().withClassLoader(new FilteredClassLoader(MeterRegistry.class)).run(context -> {
            assertThat(context).hasNotFailed().doesNotHaveBean(RekofaceMeters.class);
            assertThat(context.getBean(RekofaceClient.class).detectFaces(obama)).hasSize(1);
        });
    }

    @Test
    void meters_disabledByProperty_areNotInstalled() {
        withRegistry().withPropertyValues("rekoface.metrics.enabled=false").run(context -> {
            assertThat(context).doesNotHaveBean(RekofaceMeters.class);
            context.getBean(RekofaceClient.class).detectFaces(obama);
            assertThat(context.getBean(MeterRegistry.class).find(RekofaceMeters.CALLS).timer()).isNull();
        });
    }

    @Test
    void meters_registryFromSpringBootsMetricsAutoConfiguration_areInstalled() {
        List<Class<?>> metrics = new ArrayList<>();
        for (String name : List.of("org.springframework.boot.micrometer.metrics.autoconfigure.",
            "org.springframework.boot.actuate.autoconfigure.metrics.")) {
            for (String type : List.of("MetricsAutoConfiguration", "export.simple.SimpleMetricsExportAutoConfiguration",
                "CompositeMeterRegistryAutoConfiguration")) {
                try {
                    metrics.add(Class.forName(name + type));
                } catch (ClassNotFoundException e) {
                    // the other Spring Boot generation
                }
            }
        }
        assertThat(metrics).as("Spring Boot's metrics auto-configuration on the test classpath").hasSize(3);
        // Listed first on purpose: the ordering must come from @AutoConfiguration(afterName = ...), not from this list.
        List<Class<?>> all = new ArrayList<>(List.of(RekofaceAutoConfiguration.class));
        all.addAll(metrics);
        local().withConfiguration(AutoConfigurations.of(all.toArray(new Class<?>[0]))).run(context -> {
            assertThat(context).hasSingleBean(RekofaceMeters.class);
            context.getBean(RekofaceClient.class).detectFaces(obama);
            assertThat(context.getBean(MeterRegistry.class).get(RekofaceMeters.CALLS).tag("operation", "DetectFaces")
                .timer().count()).isEqualTo(1);
        });
    }

    @Test
    void meters_realCallsOfBothClients_recordCallsAttemptsImagesFacesAndEstimatedCost() {
        withRegistry().withPropertyValues("rekoface.billing.price-per-1000-images=1.00",
            "rekoface.billing.operations.CompareFaces=2.50").run(context -> {
                MeterRegistry registry = context.getBean(MeterRegistry.class);
                RekofaceClient reko = context.getBean(RekofaceClient.class);
                RekofaceAsyncClient async = context.getBean(RekofaceAsyncClient.class);

                assertThat(reko.detectFaces(obama)).hasSize(1);
                assertThat(async.compareFaces(obama, obama2).join().matches()).hasSize(1);
                FaceCollection staff = reko.collection("staff");
                staff.create();
                staff.index(obama, "Barack Obama");
                assertThat(staff.recognize(obama2)).isPresent();
                assertThat(staff.forget("Barack Obama").deletedFaceIds()).hasSize(1);

                Timer detect = registry.get(RekofaceMeters.CALLS).tags("operation", "DetectFaces", "outcome", "SUCCESS",
                    "exception", "none").timer();
                assertThat(detect.count()).isEqualTo(1);
                assertThat(detect.totalTime(java.util.concurrent.TimeUnit.NANOSECONDS)).isPositive();
                assertThat(registry.get(RekofaceMeters.CALLS).tag("operation", "CompareFaces").timer().count()).isEqualTo(1);
                assertThat(counter(registry, RekofaceMeters.ATTEMPTS, "DetectFaces")).isEqualTo(1);
                assertThat(counter(registry, RekofaceMeters.ATTEMPTS, "CreateCollection")).isEqualTo(1);

                assertThat(counter(registry, RekofaceMeters.IMAGES_PROCESSED, "DetectFaces")).isEqualTo(1);
                assertThat(counter(registry, RekofaceMeters.IMAGES_PROCESSED, "CompareFaces")).isEqualTo(1);
                assertThat(counter(registry, RekofaceMeters.IMAGES_PROCESSED, "IndexFaces")).isEqualTo(1);
                assertThat(counter(registry, RekofaceMeters.IMAGES_PROCESSED, "SearchFacesByImage")).isEqualTo(1);
                assertThat(registry.find(RekofaceMeters.IMAGES_PROCESSED).tag("operation", "CreateCollection").counter())
                    .as("collection calls are not billed per image").isNull();
                assertThat(registry.find(RekofaceMeters.IMAGES_PROCESSED).tag("operation", "DeleteFaces").counter()).isNull();

                assertThat(registry.get(RekofaceMeters.FACES_INDEXED).counter().count()).isEqualTo(1);
                assertThat(registry.get(RekofaceMeters.FACES_DELETED).counter().count()).isEqualTo(1);

                assertThat(counter(registry, RekofaceMeters.ESTIMATED_COST, "DetectFaces")).isCloseTo(0.001, within(1e-12));
                assertThat(counter(registry, RekofaceMeters.ESTIMATED_COST, "CompareFaces")).isCloseTo(0.0025, within(1e-12));
                double total = registry.find(RekofaceMeters.ESTIMATED_COST).counters().stream().mapToDouble(Counter::count).sum();
                assertThat(total).as("3 images at 1.00 (DetectFaces, IndexFaces, SearchFacesByImage) and 1 at 2.50 per 1,000").isCloseTo(0.0055, within(1e-12));
                assertThat(registry.get(RekofaceMeters.ESTIMATED_COST).tag("operation", "DetectFaces").counter().getId()
                    .getBaseUnit()).isEqualTo("USD");
            });
    }

    @Test
    void meters_throttledThenRetried_countThrottlesRetriesAndAttempts() {
        emulator.setFaults(Operation.DETECT_FACES, FaultProfile.builder().tpsQuota(4).burst(1).build());
        withRegistry().withPropertyValues("rekoface.rate-limit.enabled=false", "rekoface.retry.backoff.type=fixed",
            "rekoface.retry.backoff.base=400ms").run(context -> {
                MeterRegistry registry = context.getBean(MeterRegistry.class);
                RekofaceClient reko = context.getBean(RekofaceClient.class);
                reko.detectFaces(obama);
                reko.detectFaces(obama);
                assertThat(emulator.counters().throttled(Operation.DETECT_FACES)).isEqualTo(1);
                assertThat(counter(registry, RekofaceMeters.THROTTLES, "DetectFaces")).isEqualTo(1);
                assertThat(counter(registry, RekofaceMeters.RETRIES, "DetectFaces")).isEqualTo(1);
                assertThat(counter(registry, RekofaceMeters.ATTEMPTS, "DetectFaces")).isEqualTo(3);
                assertThat(registry.get(RekofaceMeters.CALLS).tags("operation", "DetectFaces", "outcome", "SUCCESS").timer()
                    .count()).isEqualTo(2);
                assertThat(counter(registry, RekofaceMeters.IMAGES_PROCESSED, "DetectFaces")).isEqualTo(2);
            });
    }

    @Test
    void meters_failedCall_isTaggedWithItsOutcomeAndBillsNoImage() {
        withRegistry().withPropertyValues("rekoface.billing.price-per-1000-images=1").run(context -> {
            MeterRegistry registry = context.getBean(MeterRegistry.class);
            AsyncFaceCollection missing = context.getBean(RekofaceAsyncClient.class).collection("missing");
            assertThatThrownBy(() -> missing.recognize(obama).join()).hasCauseInstanceOf(NotFoundException.class);
            assertThat(registry.get(RekofaceMeters.CALLS).tags("operation", "SearchFacesByImage", "outcome", "CLIENT_ERROR",
                "exception", "NotFoundException").timer().count()).isEqualTo(1);
            assertThat(registry.find(RekofaceMeters.IMAGES_PROCESSED).tag("operation", "SearchFacesByImage").counter()
                .count()).isZero();
            assertThat(registry.find(RekofaceMeters.ESTIMATED_COST).tag("operation", "SearchFacesByImage").counter().count())
                .isZero();
        });
    }

    @Test
    void billing_perOperationPrices_sumPricePer1000TimesImages() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        RekofaceMeters meters = new RekofaceMeters(registry, Map.of(Operation.DETECT_FACES, new BigDecimal("1.00"),
            Operation.COMPARE_FACES, new BigDecimal("2.50"), Operation.INDEX_FACES, BigDecimal.ZERO));
        for (int i = 0; i < 1000; i++) {
            meters.completed(Operation.DETECT_FACES, Duration.ofMillis(3), 1, null);
        }
        for (int i = 0; i < 3; i++) {
            meters.completed(Operation.COMPARE_FACES, Duration.ofMillis(3), 1, null);
        }
        meters.completed(Operation.COMPARE_FACES, Duration.ofMillis(3), 5, new ThrottledException("slow down", null, null, null));
        meters.completed(Operation.INDEX_FACES, Duration.ofMillis(3), 1, null);
        meters.completed(Operation.SEARCH_USERS, Duration.ofMillis(3), 1, null);

        assertThat(counter(registry, RekofaceMeters.ESTIMATED_COST, "DetectFaces")).isCloseTo(1.0, within(1e-9));
        assertThat(counter(registry, RekofaceMeters.ESTIMATED_COST, "CompareFaces")).as("the throttled call is not billed")
            .isCloseTo(0.0075, within(1e-12));
        assertThat(counter(registry, RekofaceMeters.ESTIMATED_COST, "IndexFaces")).isZero();
        assertThat(registry.find(RekofaceMeters.ESTIMATED_COST).tag("operation", "SearchUsers").counter())
            .as("no price for SearchUsers: processed, but no cost").isNull();
        assertThat(counter(registry, RekofaceMeters.IMAGES_PROCESSED, "SearchUsers")).isEqualTo(1);
        assertThat(counter(registry, RekofaceMeters.IMAGES_PROCESSED, "CompareFaces")).isEqualTo(3);
        assertThat(registry.get(RekofaceMeters.CALLS).tags("operation", "CompareFaces", "outcome", "THROTTLED",
            "exception", "ThrottledException").timer().count()).isEqualTo(1);
    }

    @Test
    void outcome_eachFailureKind_hasItsTag() {
        assertThat(RekofaceMeters.outcome(null)).isEqualTo("SUCCESS");
        assertThat(RekofaceMeters.outcome(new ThrottledException("t", null, null, null))).isEqualTo("THROTTLED");
        assertThat(RekofaceMeters.outcome(new InvalidArgumentException("image", "bad"))).isEqualTo("CLIENT_ERROR");
        assertThat(RekofaceMeters.outcome(new ServiceFailureException("down", null, null, null, true))).isEqualTo("SERVER_ERROR");
        assertThat(RekofaceMeters.outcome(new dev.rekoface.RekofaceException("other"))).isEqualTo("UNKNOWN");
    }

    @Test
    void storedFaces_indexAndDelete_countSeparately() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        RekofaceMeters meters = new RekofaceMeters(registry, Map.of());
        meters.storedFacesChanged(Operation.INDEX_FACES, 3);
        meters.storedFacesChanged(Operation.DELETE_FACES, -2);
        assertThat(registry.get(RekofaceMeters.FACES_INDEXED).counter().count()).isEqualTo(3);
        assertThat(registry.get(RekofaceMeters.FACES_DELETED).counter().count()).isEqualTo(2);
    }

    private static double counter(MeterRegistry registry, String name, String operation) {
        return registry.get(name).tag("operation", operation).counter().count();
    }
}
