package dev.rekoface.spring.boot;

import dev.rekoface.AccessDeniedException;
import dev.rekoface.AlreadyExistsException;
import dev.rekoface.InvalidArgumentException;
import dev.rekoface.InvalidImageException;
import dev.rekoface.NotFoundException;
import dev.rekoface.Operation;
import dev.rekoface.RekofaceException;
import dev.rekoface.ServiceFailureException;
import dev.rekoface.ThrottledException;
import dev.rekoface.retry.MetricsListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Meters every rekoface call in Micrometer, and what AWS bills for it: a {@link MetricsListener} that the starter
 * installs on its clients when a {@code MeterRegistry} bean is present.
 *
 * <table>
 * <caption>Meters</caption>
 * <tr><th>name</th><th>type</th><th>tags</th><th>counts</th></tr>
 * <tr><td>{@value #CALLS}</td><td>timer</td><td>operation, outcome, exception</td><td>calls and their latency,
 *     retries and waits included; outcome is SUCCESS, CLIENT_ERROR, THROTTLED, SERVER_ERROR or UNKNOWN</td></tr>
 * <tr><td>{@value #ATTEMPTS}</td><td>counter</td><td>operation</td><td>requests sent</td></tr>
 * <tr><td>{@value #RETRIES}</td><td>counter</td><td>operation</td><td>failed attempts retried</td></tr>
 * <tr><td>{@value #THROTTLES}</td><td>counter</td><td>operation</td><td>throttling answers</td></tr>
 * <tr><td>{@value #IMAGES_PROCESSED}</td><td>counter</td><td>operation</td><td>images AWS bills: one per successful
 *     call of an operation billed per image (CompareFaces, DetectFaces, DetectLabels,
 *     IndexFaces, SearchFaces, SearchFacesByImage, SearchUsers, SearchUsersByImage, AssociateFaces, DisassociateFaces)</td></tr>
 * <tr><td>{@value #FACES_INDEXED}, {@value #FACES_DELETED}</td><td>counter</td><td></td><td>faces stored by
 *     IndexFaces and deleted by DeleteFaces (storage is billed per face and month)</td></tr>
 * <tr><td>{@value #ESTIMATED_COST}</td><td>counter, USD</td><td>operation</td><td>images processed times the
 *     configured price per 1,000 images; only for operations with a price</td></tr>
 * </table>
 *
 * <p>The estimate counts successful calls on this application's clients only; the AWS bill is the reference. Meters are
 * registered at their first use. Thread-safe.
 */
public final class RekofaceMeters implements MetricsListener {
    /** Timer of calls by operation and outcome. */
    public static final String CALLS = "rekoface.calls";
    /** Counter of requests sent. */
    public static final String ATTEMPTS = "rekoface.attempts";
    /** Counter of attempts retried. */
    public static final String RETRIES = "rekoface.retries";
    /** Counter of throttling answers. */
    public static final String THROTTLES = "rekoface.throttles";
    /** Counter of images processed that AWS bills. */
    public static final String IMAGES_PROCESSED = "rekoface.images.processed";
    /** Counter of faces stored by IndexFaces. */
    public static final String FACES_INDEXED = "rekoface.faces.indexed";
    /** Counter of faces deleted by DeleteFaces. */
    public static final String FACES_DELETED = "rekoface.faces.deleted";
    /** Counter of the estimated spend in USD. */
    public static final String ESTIMATED_COST = "rekoface.billing.estimated.cost";

    private final MeterRegistry registry;
    private final Map<Operation, Double> costPerImage = new EnumMap<>(Operation.class);
    private final Map<Operation, OperationMeters> meters = new ConcurrentHashMap<>();
    private final Counter facesIndexed;
    private final Counter facesDeleted;

    /**
     * Creates the listener.
     *
     * @param registry where the meters go
     * @param pricesPer1000Images the price in USD per 1,000 images of each operation with a price; empty for no
     *     estimate
     */
    public RekofaceMeters(MeterRegistry registry, Map<Operation, BigDecimal> pricesPer1000Images) {
        this.registry = Objects.requireNonNull(registry, "registry");
        pricesPer1000Images.forEach((op, price) -> costPerImage.put(op, price.doubleValue() / 1000.0));
        this.facesIndexed = Counter.builder(FACES_INDEXED).description("Faces stored by IndexFaces").baseUnit("faces")
            .register(registry);
        this.facesDeleted = Counter.builder(FACES_DELETED).description("Faces deleted by DeleteFaces").baseUnit("faces")
            .register(registry);
    }

    /** The counters of one operation, registered at its first call. */
    private final class OperationMeters {
        final Counter attempts;
        final Counter retries;
        final Counter throttles;
        final Counter images;
        final Counter cost;
        final double costPerImage;

        OperationMeters(Operation op) {
            String name = op.wireName();
            attempts = Counter.builder(ATTEMPTS).description("Requests sent to Rekognition").tag("operation", name)
                .register(registry);
            retries = Counter.builder(RETRIES).description("Failed attempts retried").tag("operation", name).register(registry);
            throttles = Counter.builder(THROTTLES).description("Throttling answers from Rekognition").tag("operation", name)
                .register(registry);
            boolean billed = BilledOperations.PER_IMAGE.contains(op);
            images = billed ? Counter.builder(IMAGES_PROCESSED).description("Images processed, as AWS bills them")
                .baseUnit("images").tag("operation", name).register(registry) : null;
            Double perImage = RekofaceMeters.this.costPerImage.get(op);
            costPerImage = perImage == null ? 0 : perImage;
            cost = perImage == null ? null : Counter.builder(ESTIMATED_COST)
                .description("Estimated Rekognition spend from images processed and the configured prices").baseUnit("USD")
                .tag("operation", name).register(registry);
        }
    }

    private OperationMeters of(Operation op) {
        return meters.computeIfAbsent(op, OperationMeters::new);
    }

    @Override
    public void attempt(Operation operation, int attempt) {
        of(operation).attempts.increment();
    }

    @Override
    public void throttled(Operation operation) {
        of(operation).throttles.increment();
    }

    @Override
    public void retry(Operation operation, int attempt, Duration delay, RekofaceException failure) {
        of(operation).retries.increment();
    }

    @Override
    public void completed(Operation operation, Duration latency, int attempts, RekofaceException failure) {
        Timer.builder(CALLS).description("Rekognition calls through rekoface, retries included")
            .tag("operation", operation.wireName()).tag("outcome", outcome(failure))
            .tag("exception", failure == null ? "none" : failure.getClass().getSimpleName())
            .register(registry).record(latency);
        if (failure == null) {
            OperationMeters m = of(operation);
            if (m.images != null) {
                m.images.increment();
                if (m.cost != null) {
                    m.cost.increment(m.costPerImage);
                }
            }
        }
    }

    @Override
    public void storedFacesChanged(Operation operation, int change) {
        if (change > 0) {
            facesIndexed.increment(change);
        } else {
            facesDeleted.increment(-change);
        }
    }

    /**
     * Classifies a call's outcome for the {@code outcome} tag.
     *
     * @param failure the failure, or null for a success
     * @return SUCCESS, CLIENT_ERROR, THROTTLED, SERVER_ERROR or UNKNOWN
     */
    static String outcome(RekofaceException failure) {
        if (failure == null) {
            return "SUCCESS";
        }
        if (failure instanceof ThrottledException) {
            return "THROTTLED";
        }
        if (failure instanceof ServiceFailureException) {
            return "SERVER_ERROR";
        }
        if (failure instanceof InvalidArgumentException || failure instanceof InvalidImageException
            || failure instanceof NotFoundException || failure instanceof AlreadyExistsException
            || failure instanceof AccessDeniedException) {
            return "CLIENT_ERROR";
        }
        return "UNKNOWN";
    }
}
