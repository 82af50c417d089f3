package dev.rekoface.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rekoface.Operation;
import dev.rekoface.model.Threshold;
import dev.rekoface.retry.Backoff;
import dev.rekoface.retry.CircuitBreakerPolicy;
import dev.rekoface.retry.RateLimit;
import dev.rekoface.retry.RetryPolicy;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;

/** Binding of every {@code rekoface.*} property, the refusal of bad values at start-up, and the generated metadata. */
@ExtendWith(OutputCaptureExtension.class)
class RekofacePropertiesTest {
    private final ApplicationContextRunner runner = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(RekofaceAutoConfiguration.class))
        .withPropertyValues("rekoface.endpoint=http://127.0.0.1:9", "rekoface.credentials.access-key=test",
            "rekoface.credentials.secret-key=test");

    @Test
    void defaults_areRekofacesOwn() {
        RekofaceProperties p = new RekofaceProperties();
        p.afterPropertiesSet();
        assertThat(p.getRetry().toPolicy()).isEqualTo(RetryPolicy.defaults());
        assertThat(p.getCircuitBreaker().toPolicy()).isEqualTo(CircuitBreakerPolicy.defaults());
        assertThat(p.getRateLimit().toRateLimit()).isEqualTo(RateLimit.perSecond(50));
        assertThat(p.getMaxConcurrency()).isEqualTo(64);
        assertThat(p.similarityThreshold()).isEqualTo(Threshold.DEFAULT_SIMILARITY);
        assertThat(p.getBilling().pricesPer1000Images()).isEmpty();
    }

    @Test
    void binding_everyResilienceProperty_reachesThePolicies() {
        runner.withPropertyValues("rekoface.retry.max-attempts=7", "rekoface.retry.backoff.base=100ms",
            "rekoface.retry.backoff.max=2s", "rekoface.retry.throttling=false",
            "rekoface.rate-limit.per-second=20", "rekoface.rate-limit.operations.CompareFaces=5",
            "rekoface.rate-limit.operations.search-faces-by-image=2.5",
            "rekoface.circuit-breaker.failure-rate=30", "rekoface.circuit-breaker.minimum-calls=5",
            "rekoface.circuit-breaker.window=10", "rekoface.circuit-breaker.open-for=5s",
            "rekoface.max-concurrency=8", "rekoface.similarity-threshold=99").run(context -> {
                RekofaceProperties p = context.getBean(RekofaceProperties.class);
                assertThat(p.getRetry().toPolicy()).isEqualTo(RetryPolicy.builder().maxAttempts(7).retryThrottling(false)
                    .backoff(Backoff.exponentialWithJitter(Duration.ofMillis(100), Duration.ofSeconds(2))).build());
                assertThat(p.getRateLimit().toRateLimit()).isEqualTo(RateLimit.perSecond(20)
                    .withOperation(Operation.COMPARE_FACES, 5).withOperation(Operation.SEARCH_FACES_BY_IMAGE, 2.5));
                assertThat(p.getCircuitBreaker().toPolicy()).isEqualTo(CircuitBreakerPolicy.of(30, 5, 10, Duration.ofSeconds(5)));
                assertThat(p.getMaxConcurrency()).isEqualTo(8);
                assertThat(p.similarityThreshold()).isEqualTo(Threshold.percent(99));
            });
    }

    @Test
    void binding_switchesOff_giveUnlimitedRateDisabledBreakerAndNoRetryWait() {
        runner.withPropertyValues("rekoface.rate-limit.enabled=false", "rekoface.circuit-breaker.enabled=false",
            "rekoface.retry.backoff.type=fixed", "rekoface.retry.backoff.base=0s").run(context -> {
                RekofaceProperties p = context.getBean(RekofaceProperties.class);
                assertThat(p.getRateLimit().toRateLimit()).isEqualTo(RateLimit.unlimited());
                assertThat(p.getCircuitBreaker().toPolicy()).isEqualTo(CircuitBreakerPolicy.disabled());
                assertThat(p.getRetry().toPolicy().backoff()).isEqualTo(Backoff.fixed(Duration.ZERO));
            });
    }

    @Test
    void binding_billingPrices_defaultForBilledOperationsAndPerOperation() {
        runner.withPropertyValues("rekoface.billing.price-per-1000-images=1.00",
            "rekoface.billing.operations.CompareFaces=2.5").run(context -> {
                Map<Operation, BigDecimal> prices = context.getBean(RekofaceProperties.class).getBilling().pricesPer1000Images();
                assertThat(prices).containsEntry(Operation.DETECT_FACES, new BigDecimal("1.00"))
                    .containsEntry(Operation.COMPARE_FACES, new BigDecimal("2.5"))
                    .doesNotContainKey(Operation.LIST_FACES).doesNotContainKey(Operation.CREATE_COLLECTION)
                    .hasSize(BilledOperations.PER_IMAGE.size());
            });
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "rekoface.rate-limit.per-second=0 | rekoface.rate-limit.per-second | 0 | rekoface.rate-limit.per-second 0 is out of range; use a rate above 0 and at most 10000",
        "rekoface.rate-limit.operations.CompareFaces=0 | rekoface.rate-limit.operations.CompareFaces | 0 | rekoface.rate-limit.operations.CompareFaces 0 is out of range",
        "rekoface.rate-limit.operations.CompareFace=5 | rekoface.rate-limit.operations.CompareFace | CompareFace | operation 'CompareFace' is not a Rekognition operation rekoface knows (did you mean CompareFaces?)",
        "rekoface.billing.operations.DetectFacez=1 | rekoface.billing.operations.DetectFacez | DetectFacez | (did you mean DetectFaces?)",
        "rekoface.similarity-threshold=0.7 | rekoface.similarity-threshold | 0.7 | rekoface.similarity-threshold 0.7 is on a 0-1 scale; Rekognition uses percentages 0-100 (did you mean 70?)",
        "rekoface.similarity-threshold=150 | rekoface.similarity-threshold | 150 | rekoface.similarity-threshold 150 is out of range",
        "rekoface.retry.max-attempts=0 | rekoface.retry.max-attempts | 0 | rekoface.retry.max-attempts 0 is out of range; use 1-20",
        "rekoface.retry.backoff.base=20s | rekoface.retry.backoff.base | PT20S | rekoface.retry.backoff.base PT20S must be more than 0 and at most rekoface.retry.backoff.max PT10S",
        "rekoface.circuit-breaker.failure-rate=0.5 | rekoface.circuit-breaker.failure-rate | 0.5 | rekoface.circuit-breaker.failure-rate 0.5 is out of range; use a percentage 1-100 (a percentage: did you mean 50?)",
        "rekoface.circuit-breaker.minimum-calls=100 | rekoface.circuit-breaker.minimum-calls | 100 | rekoface.circuit-breaker.minimum-calls 100 is out of range; use 1 to rekoface.circuit-breaker.window (50)",
        "rekoface.circuit-breaker.open-for=0s | rekoface.circuit-breaker.open-for | PT0S | rekoface.circuit-breaker.open-for PT0S must be more than 0",
        "rekoface.max-concurrency=0 | rekoface.max-concurrency | 0 | rekoface.max-concurrency 0 is out of range; use 1-10000",
        "rekoface.region=US_EAST_1 | rekoface.region | US_EAST_1 | rekoface.region 'US_EAST_1' is not an AWS region name such as eu-west-1 (did you mean us-east-1?)",
        "rekoface.endpoint=localhost:4566 | rekoface.endpoint | localhost:4566 | rekoface.endpoint 'localhost:4566' must be an absolute http or https URI",
        "rekoface.s3.endpoint=ftp://files | rekoface.s3.endpoint | ftp://files | rekoface.s3.endpoint 'ftp://files' must be an absolute http or https URI",
        "rekoface.billing.price-per-1000-images=-1 | rekoface.billing.price-per-1000-images | -1 | rekoface.billing.price-per-1000-images -1 is negative",
    })
    void badProperty_failsAtStartUpNamingThePropertyAndTheValue(String setting, String property, String value, String message) {
        runner.withPropertyValues(setting).run(context -> {
            assertThat(context).hasFailed();
            InvalidRekofacePropertyException e = invalid(context.getStartupFailure());
            assertThat(e.property()).isEqualTo(property);
            assertThat(e.value()).isEqualTo(value);
            assertThat(e.getMessage()).contains(message);
        });
    }

    @Test
    void badProperty_accessKeyWithoutSecret_namesTheMissingOneAndNeverShowsTheKey() {
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(RekofaceAutoConfiguration.class))
            .withPropertyValues("rekoface.region=eu-west-1", "rekoface.credentials.access-key=AKIAEXAMPLEKEY").run(context -> {
                InvalidRekofacePropertyException e = invalid(context.getStartupFailure());
                assertThat(e.property()).isEqualTo("rekoface.credentials.secret-key");
                assertThat(e.getMessage()).startsWith("rekoface.credentials.secret-key is missing").doesNotContain("AKIAEXAMPLEKEY");
            });
    }

    @Test
    void failureAnalyzer_badRate_reportsPropertyValueAndReason() {
        runner.withPropertyValues("rekoface.rate-limit.per-second=0").run(context -> {
            FailureAnalysis analysis = new RekofacePropertyFailureAnalyzer().analyze(context.getStartupFailure());
            assertThat(analysis.getDescription()).startsWith("Invalid rekoface configuration:")
                .contains("    Property: rekoface.rate-limit.per-second\n", "    Value: \"0\"\n",
                    "    Reason: rekoface.rate-limit.per-second 0 is out of range");
            assertThat(analysis.getAction()).startsWith("Update rekoface.rate-limit.per-second in the application's configuration");
        });
    }

    @Test
    void startUp_badThreshold_printsTheReportWithTheOriginOfTheValue(CapturedOutput output) {
        SpringApplication app = new SpringApplication(App.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        assertThatThrownBy(() -> app.run("--rekoface.endpoint=http://127.0.0.1:9", "--rekoface.similarity-threshold=0.7"))
            .satisfies(e -> assertThat(invalid(e).property()).isEqualTo("rekoface.similarity-threshold"));
        assertThat(output).contains("APPLICATION FAILED TO START", "Invalid rekoface configuration:",
            "Property: rekoface.similarity-threshold", "Value: \"0.7\"",
            "Origin: \"rekoface.similarity-threshold\" from property source \"commandLineArgs\"",
            "Reason: rekoface.similarity-threshold 0.7 is on a 0-1 scale; Rekognition uses percentages 0-100 (did you mean 70?)",
            "Update rekoface.similarity-threshold in the application's configuration");
    }

    @Test
    void metadata_isGeneratedForIdeCompletion() throws IOException {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("META-INF/spring-configuration-metadata.json")) {
            assertThat(in).isNotNull();
            String json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(json).contains("\"name\": \"rekoface.rate-limit.operations\"", "\"name\": \"rekoface.region\"",
                "\"name\": \"rekoface.billing.price-per-1000-images\"", "\"name\": \"rekoface.retry.backoff.base\"",
                "\"name\": \"rekoface.similarity-threshold\"", "\"defaultValue\": 50");
        }
    }

    private static InvalidRekofacePropertyException invalid(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof InvalidRekofacePropertyException e) {
                return e;
            }
        }
        throw new AssertionError("no InvalidRekofacePropertyException in " + failure, failure);
    }

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration(RekofaceAutoConfiguration.class)
    static class App {
    }
}
