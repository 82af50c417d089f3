package dev.rekoface.spring.boot;

import static dev.rekoface.spring.boot.PropertyChecks.checkEndpoint;
import static dev.rekoface.spring.boot.PropertyChecks.checkPositive;
import static dev.rekoface.spring.boot.PropertyChecks.checkPrice;
import static dev.rekoface.spring.boot.PropertyChecks.checkRate;
import static dev.rekoface.spring.boot.PropertyChecks.checkRegion;
import static dev.rekoface.spring.boot.PropertyChecks.forEachOperation;
import static dev.rekoface.spring.boot.PropertyChecks.hasText;
import static dev.rekoface.spring.boot.PropertyChecks.operationMap;
import static dev.rekoface.spring.boot.PropertyChecks.text;

import dev.rekoface.InvalidArgumentException;
import dev.rekoface.Operation;
import dev.rekoface.model.Threshold;
import dev.rekoface.retry.Backoff;
import dev.rekoface.retry.CircuitBreakerPolicy;
import dev.rekoface.retry.RetryPolicy;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Name;

/**
 * The {@code rekoface.*} properties: connection (region, endpoint, credentials, S3), resilience (retries, rate limit,
 * circuit breaker, concurrency), metrics and billing.
 *
 * <p>Every value is checked when it is bound, and the combinations once all are bound, so that a bad one fails the
 * application at start-up with an {@link InvalidRekofacePropertyException} naming the property and the value (a rate
 * of 0, a threshold of 0.7, an operation name that is not a Rekognition operation), before any request is sent.
 * What is not set keeps rekoface's defaults, and region and credentials come from the AWS SDK's default chains.
 */
@ConfigurationProperties(RekofaceProperties.PREFIX)
public class RekofaceProperties implements InitializingBean {

    /** The prefix of every property. */
    public static final String PREFIX = "rekoface";

    /** Whether to create rekoface's beans at all. */
    private boolean enabled = true;

    /** AWS region of Rekognition, e.g. eu-west-1. Default: the SDK's region chain (AWS_REGION, profile, instance); us-east-1 with an endpoint and no region found. */
    private String region;

    /** Rekognition endpoint instead of AWS's, e.g. the rekoface emulator's http://localhost:4566 or a VPC endpoint. */
    private URI endpoint;

    /** How many calls may be in flight at once per client, 1-10000; further calls wait their turn. */
    private int maxConcurrency = 64;

    /** Similarity threshold in percent (0-100, never the 0-1 habit: 0.7 is refused) for applications to read through similarityThreshold(); the clients take their thresholds per call. */
    private double similarityThreshold = 80;

    private final Credentials credentials = new Credentials();
    private final S3 s3 = new S3();
    private final Retry retry = new Retry();
    private final RateLimit rateLimit = new RateLimit();
    private final CircuitBreaker circuitBreaker = new CircuitBreaker();
    private final Metrics metrics = new Metrics();
    private final Billing billing = new Billing();

    /** Checks the combinations of properties once all are bound (one failure, naming the property, at start-up). */
    @Override
    public void afterPropertiesSet() {
        credentials.check();
        retry.toPolicy();
        rateLimit.toRateLimit();
        circuitBreaker.toPolicy();
        similarityThreshold();
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public String getRegion() {
        return region;
    }

    public void setRegion(String region) {
        this.region = checkRegion(PREFIX + ".region", region);
    }

    public URI getEndpoint() {
        return endpoint;
    }

    public void setEndpoint(URI endpoint) {
        this.endpoint = checkEndpoint(PREFIX + ".endpoint", endpoint);
    }

    public int getMaxConcurrency() {
        return maxConcurrency;
    }

    public void setMaxConcurrency(int maxConcurrency) {
        if (maxConcurrency < 1 || maxConcurrency > 10_000) {
            throw new InvalidRekofacePropertyException(PREFIX + ".max-concurrency", maxConcurrency, PREFIX
                + ".max-concurrency " + maxConcurrency + " is out of range; use 1-10000 calls in flight");
        }
        this.maxConcurrency = maxConcurrency;
    }

    public double getSimilarityThreshold() {
        return similarityThreshold;
    }

    public void setSimilarityThreshold(double similarityThreshold) {
        this.similarityThreshold = similarityThreshold;
        similarityThreshold();
    }

    /**
     * Returns {@code rekoface.similarity-threshold} as a threshold.
     *
     * @return the threshold
     * @throws InvalidRekofacePropertyException for a value outside 0-100 or on a 0-1 scale
     */
    public Threshold similarityThreshold() {
        String name = PREFIX + ".similarity-threshold";
        try {
            return Threshold.of(name, similarityThreshold);
        } catch (InvalidArgumentException e) {
            throw new InvalidRekofacePropertyException(name, text(similarityThreshold), e.getMessage(), e);
        }
    }

    public Credentials getCredentials() {
        return credentials;
    }

    public S3 getS3() {
        return s3;
    }

    public Retry getRetry() {
        return retry;
    }

    public RateLimit getRateLimit() {
        return rateLimit;
    }

    public CircuitBreaker getCircuitBreaker() {
        return circuitBreaker;
    }

    public Metrics getMetrics() {
        return metrics;
    }

    public Billing getBilling() {
        return billing;
    }

    /** Static credentials; when neither key is set, the SDK's default credentials chain applies. */
    public static class Credentials {
        /** AWS access key id; set together with secret-key. */
        private String accessKey;
        /** AWS secret access key; set together with access-key. */
        private String secretKey;
        /** Session token of temporary credentials (optional, with both keys). */
        private String sessionToken;

        public String getAccessKey() {
            return accessKey;
        }

        public void setAccessKey(String accessKey) {
            this.accessKey = accessKey;
        }

        public String getSecretKey() {
            return secretKey;
        }

        public void setSecretKey(String secretKey) {
            this.secretKey = secretKey;
        }

        public String getSessionToken() {
            return sessionToken;
        }

        public void setSessionToken(String sessionToken) {
            this.sessionToken = sessionToken;
        }

        /** Returns true when static keys are configured. */
        public boolean isConfigured() {
            return hasText(accessKey) || hasText(secretKey);
        }

        void check() {
            String prefix = PREFIX + ".credentials.";
            if (hasText(accessKey) != hasText(secretKey)) {
                String missing = hasText(accessKey) ? "secret-key" : "access-key";
                // The value shown is never the key itself.
                throw new InvalidRekofacePropertyException(prefix + missing, null, prefix + missing + " is missing: set "
                    + prefix + "access-key and " + prefix + "secret-key together, or neither to use the AWS default credentials chain");
            }
            if (hasText(sessionToken) && !hasText(accessKey)) {
                throw new InvalidRekofacePropertyException(prefix + "session-token", "(set)", prefix
                    + "session-token needs " + prefix + "access-key and " + prefix + "secret-key");
            }
        }
    }

    /** The S3 client behind the S3Images bean; region and credentials default to Rekognition's. */
    public static class S3 {
        /** Whether to create the S3Images bean (when rekoface-s3 is on the classpath). */
        private boolean enabled = true;
        /** S3 endpoint instead of AWS's, e.g. an S3-compatible server; requests then use path-style addressing. */
        private URI endpoint;
        /** AWS region of the S3 client. Default: rekoface.region, else the SDK's region chain. */
        private String region;

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public URI getEndpoint() {
            return endpoint;
        }

        public void setEndpoint(URI endpoint) {
            this.endpoint = checkEndpoint(PREFIX + ".s3.endpoint", endpoint);
        }

        public String getRegion() {
            return region;
        }

        public void setRegion(String region) {
            this.region = checkRegion(PREFIX + ".s3.region", region);
        }
    }

    /** The kind of wait between attempts. */
    public enum BackoffType {
        /** The ceiling doubles from base up to max; the wait is drawn between 0 and it (full jitter). */
        EXPONENTIAL,
        /** The same wait, base, before every retry. */
        FIXED,
        /** Retries at once. */
        NONE
    }

    /** Retries of throttled and failed calls (rekoface retries; the SDK client the starter builds does not). */
    public static class Retry {
        /** The most attempts per call including the first, 1-20 (1: no retries). */
        private int maxAttempts = 5;
        /** Whether throttling errors are retried. */
        private boolean throttling = true;
        /** Whether server errors, connection resets and timeouts are retried. */
        private boolean serverErrors = true;
        private final BackoffProperties backoff = new BackoffProperties();

        public int getMaxAttempts() {
            return maxAttempts;
        }

        public void setMaxAttempts(int maxAttempts) {
            if (maxAttempts < 1 || maxAttempts > RetryPolicy.MAX_ATTEMPTS) {
                throw new InvalidRekofacePropertyException(PREFIX + ".retry.max-attempts", maxAttempts, PREFIX
                    + ".retry.max-attempts " + maxAttempts + " is out of range; use 1-" + RetryPolicy.MAX_ATTEMPTS
                    + " (1 means no retries)");
            }
            this.maxAttempts = maxAttempts;
        }

        public boolean isThrottling() {
            return throttling;
        }

        public void setThrottling(boolean throttling) {
            this.throttling = throttling;
        }

        public boolean isServerErrors() {
            return serverErrors;
        }

        public void setServerErrors(boolean serverErrors) {
            this.serverErrors = serverErrors;
        }

        public BackoffProperties getBackoff() {
            return backoff;
        }

        /**
         * Returns the retry policy these properties describe.
         *
         * @return the policy
         * @throws InvalidRekofacePropertyException if the backoff's base is more than its max
         */
        public RetryPolicy toPolicy() {
            return RetryPolicy.builder().maxAttempts(maxAttempts).retryThrottling(throttling)
                .retryServerErrors(serverErrors).backoff(backoff.toBackoff()).build();
        }
    }

    /** The wait between attempts. */
    public static class BackoffProperties {
        /** exponential (with full jitter), fixed or none. */
        private BackoffType type = BackoffType.EXPONENTIAL;
        /** The first ceiling of an exponential backoff, or the wait of a fixed one. */
        private Duration base = Duration.ofMillis(200);
        /** The largest ceiling of an exponential backoff. */
        private Duration max = Duration.ofSeconds(10);

        public BackoffType getType() {
            return type;
        }

        public void setType(BackoffType type) {
            this.type = type == null ? BackoffType.EXPONENTIAL : type;
        }

        public Duration getBase() {
            return base;
        }

        public void setBase(Duration base) {
            this.base = checkPositive(PREFIX + ".retry.backoff.base", base, false);
        }

        public Duration getMax() {
            return max;
        }

        public void setMax(Duration max) {
            this.max = checkPositive(PREFIX + ".retry.backoff.max", max, false);
        }

        Backoff toBackoff() {
            switch (type) {
                case NONE:
                    return Backoff.none();
                case FIXED:
                    return Backoff.fixed(base);
                default:
                    if (base.isZero() || base.compareTo(max) > 0) {
                        throw new InvalidRekofacePropertyException(PREFIX + ".retry.backoff.base", base, PREFIX
                            + ".retry.backoff.base " + base + " must be more than 0 and at most " + PREFIX
                            + ".retry.backoff.max " + max);
                    }
                    return Backoff.exponentialWithJitter(base, max);
            }
        }
    }

    /** The request rate rekoface allows itself per operation, to stay under the account's quotas. */
    public static class RateLimit {
        /** Whether calls are paced at all (false: every call goes at once). */
        private boolean enabled = true;
        /** Requests per second for each operation, above 0 and at most 10000. */
        private double perSecond = 50;
        /** Requests per second of single operations, keyed by wire name, e.g. CompareFaces: 25. */
        private Map<String, Double> operations = new LinkedHashMap<>();

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public double getPerSecond() {
            return perSecond;
        }

        public void setPerSecond(double perSecond) {
            this.perSecond = checkRate(PREFIX + ".rate-limit.per-second", perSecond);
        }

        public Map<String, Double> getOperations() {
            return operations;
        }

        public void setOperations(Map<String, Double> operations) {
            Map<String, Double> copy = new LinkedHashMap<>(operations);
            forEachOperation(PREFIX + ".rate-limit.operations", copy, (op, rate) -> checkRate(PREFIX
                + ".rate-limit.operations." + op.wireName(), rate == null ? Double.NaN : rate));
            this.operations = copy;
        }

        /**
         * Returns the rate limit these properties describe.
         *
         * @return the rate limit
         */
        public dev.rekoface.retry.RateLimit toRateLimit() {
            if (!enabled) {
                return dev.rekoface.retry.RateLimit.unlimited();
            }
            dev.rekoface.retry.RateLimit limit = dev.rekoface.retry.RateLimit.perSecond(perSecond);
            for (Map.Entry<Operation, Double> e : operationMap(PREFIX + ".rate-limit.operations", operations).entrySet()) {
                limit = limit.withOperation(e.getKey(), e.getValue());
            }
            return limit;
        }
    }

    /** When rekoface stops calling an operation that keeps failing (throttles, server errors), for openFor. */
    public static class CircuitBreaker {
        /** Whether the breaker may open. */
        private boolean enabled = true;
        /** Failure rate in percent, 1-100, that opens it. */
        private float failureRate = 50;
        /** Calls needed before the failure rate counts, 1 to window. */
        private int minimumCalls = 20;
        /** How many recent calls the rate is computed over, 1-10000. */
        private int window = 50;
        /** How long it stays open before trial calls. */
        private Duration openFor = Duration.ofSeconds(30);

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public float getFailureRate() {
            return failureRate;
        }

        public void setFailureRate(float failureRate) {
            if (!(failureRate >= 1 && failureRate <= 100)) {
                String hint = failureRate > 0 && failureRate < 1 ? " (a percentage: did you mean "
                    + new BigDecimal(Float.toString(failureRate)).movePointRight(2).stripTrailingZeros().toPlainString()
                    + "?)" : "";
                throw new InvalidRekofacePropertyException(PREFIX + ".circuit-breaker.failure-rate", text(failureRate),
                    PREFIX + ".circuit-breaker.failure-rate " + text(failureRate) + " is out of range; use a percentage 1-100" + hint);
            }
            this.failureRate = failureRate;
        }

        public int getMinimumCalls() {
            return minimumCalls;
        }

        public void setMinimumCalls(int minimumCalls) {
            this.minimumCalls = minimumCalls;
        }

        public int getWindow() {
            return window;
        }

        public void setWindow(int window) {
            if (window < 1 || window > 10_000) {
                throw new InvalidRekofacePropertyException(PREFIX + ".circuit-breaker.window", window, PREFIX
                    + ".circuit-breaker.window " + window + " is out of range; use 1-10000 calls");
            }
            this.window = window;
        }

        public Duration getOpenFor() {
            return openFor;
        }

        public void setOpenFor(Duration openFor) {
            this.openFor = checkPositive(PREFIX + ".circuit-breaker.open-for", openFor, true);
        }

        /**
         * Returns the circuit breaker policy these properties describe.
         *
         * @return the policy
         * @throws InvalidRekofacePropertyException if minimum-calls is not within 1 and window
         */
        public CircuitBreakerPolicy toPolicy() {
            if (minimumCalls < 1 || minimumCalls > window) {
                throw new InvalidRekofacePropertyException(PREFIX + ".circuit-breaker.minimum-calls", minimumCalls, PREFIX
                    + ".circuit-breaker.minimum-calls " + minimumCalls + " is out of range; use 1 to "
                    + PREFIX + ".circuit-breaker.window (" + window + ")");
            }
            return enabled ? CircuitBreakerPolicy.of(failureRate, minimumCalls, window, openFor) : CircuitBreakerPolicy.disabled();
        }
    }

    /** Micrometer meters, when a MeterRegistry bean is present. */
    public static class Metrics {
        /** Whether to meter calls, attempts, retries, throttles, images processed and faces stored. */
        private boolean enabled = true;

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }
    }

    /** Prices for the estimated-spend meter (rekoface.billing.estimated.cost); none by default. */
    public static class Billing {
        /** Price in USD per 1,000 images processed, for every billed operation without a price of its own. */
        @Name("price-per-1000-images")
        private BigDecimal pricePer1000Images;
        /** Price in USD per 1,000 images of single operations, keyed by wire name, e.g. DetectFaces: 1.00. */
        private Map<String, BigDecimal> operations = new LinkedHashMap<>();

        public BigDecimal getPricePer1000Images() {
            return pricePer1000Images;
        }

        public void setPricePer1000Images(BigDecimal price) {
            this.pricePer1000Images = checkPrice(PREFIX + ".billing.price-per-1000-images", price);
        }

        public Map<String, BigDecimal> getOperations() {
            return operations;
        }

        public void setOperations(Map<String, BigDecimal> operations) {
            Map<String, BigDecimal> copy = new LinkedHashMap<>(operations);
            forEachOperation(PREFIX + ".billing.operations", copy,
                (op, price) -> checkPrice(PREFIX + ".billing.operations." + op.wireName(), price));
            this.operations = copy;
        }

        /**
         * Returns the price per 1,000 images of each operation that has one.
         *
         * @return prices in USD by operation
         */
        public Map<Operation, BigDecimal> pricesPer1000Images() {
            Map<Operation, BigDecimal> prices = new EnumMap<>(Operation.class);
            if (pricePer1000Images != null) {
                for (Operation op : BilledOperations.PER_IMAGE) {
                    prices.put(op, pricePer1000Images);
                }
            }
            prices.putAll(operationMap(PREFIX + ".billing.operations", operations));
            return Collections.unmodifiableMap(prices);
        }
    }
}
