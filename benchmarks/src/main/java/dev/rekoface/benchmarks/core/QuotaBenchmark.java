package dev.rekoface.benchmarks.core;

import static dev.rekoface.benchmarks.Args.intArg;
import static dev.rekoface.benchmarks.Args.strArg;

import dev.rekoface.Operation;
import dev.rekoface.RekofaceAsyncClient;
import dev.rekoface.ThrottledException;
import dev.rekoface.batch.Batch;
import dev.rekoface.batch.BatchOutcome;
import dev.rekoface.batch.BatchRun;
import dev.rekoface.batch.BatchSummary;
import dev.rekoface.image.ImageSource;
import dev.rekoface.image.LocalImage;
import dev.rekoface.model.FaceComparison;
import dev.rekoface.retry.RateLimit;
import dev.rekoface.testkit.emulator.FaultProfile;
import dev.rekoface.testkit.emulator.RekognitionEmulator;
import dev.rekoface.testkit.fixtures.Fixtures;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.rekognition.RekognitionAsyncClient;
import software.amazon.awssdk.services.rekognition.RekognitionClient;
import software.amazon.awssdk.services.rekognition.model.CompareFacesRequest;
import software.amazon.awssdk.services.rekognition.model.Image;

/**
 * The quota benchmark: N CompareFaces (one reference against N images) against the emulator set to a quota of Q TPS
 * and 200 ms latency, three ways: rekoface's batch paced to the quota, the seeds' sequential loop (raw SDK, one call
 * after another) and the raw SDK with unbounded parallelism (every call at once, the SDK's default retries).
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.rekoface.benchmarks.core.QuotaBenchmark [--n 1000] [--q 50]
 *     [--latency-ms 200] [--modes batch,sequential,unbounded] [--sequential-n 1000]
 * </pre>
 *
 * Prints, per way: wall time (first call to last answer; closing the client, e.g. Netty's 2 s quiet period, is
 * not work and is left out) against the ideal N / Q, requests the server saw (attempts), failed items, and throttles
 * (seen by the server, and seen by the caller as the final outcome of an item). The JVM is warmed up first on an
 * emulator without quota, and the images are the smaller samples, so the numbers measure the pacing, not the JIT or
 * this machine's base64 speed.
 */
public final class QuotaBenchmark {
    private QuotaBenchmark() {
    }

    record Result(String way, int n, double seconds, long attempts, long serverThrottles, long failed, long callerThrottles) {
    }

    /**
     * Runs the benchmark.
     *
     * @param args see the class documentation
     * @throws Exception on failure
     */
    public static void main(String[] args) throws Exception {
        int n = intArg(args, "--n", 1000);
        int q = intArg(args, "--q", 50);
        int latency = intArg(args, "--latency-ms", 200);
        int sequentialN = intArg(args, "--sequential-n", n);
        String modes = strArg(args, "--modes", "batch,sequential,unbounded");
        FaultProfile quota = FaultProfile.builder().tpsQuota(q).latency(Duration.ofMillis(latency)).build();
        List<Result> results = new ArrayList<>();
        try (RekognitionEmulator emu = RekognitionEmulator.builder().logRequests(false).faults(Operation.COMPARE_FACES, quota).start()) {
            List<LocalImage> targets = targets(n);
            LocalImage reference = ImageSource.fromBytes(Fixtures.image("Werner2.jpeg").bytes());
            warmUp(reference, targets);
            for (String mode : modes.split(",")) {
                emu.resetCounters();
                Thread.sleep(1100); // let the token bucket refill between runs
                emu.resetCounters();
                Result r = switch (mode.trim()) {
                    case "batch" -> batch(emu, reference, targets, q, latency);
                    case "sequential" -> sequential(emu, reference, targets.subList(0, Math.min(sequentialN, n)));
                    case "unbounded" -> unbounded(emu, reference, targets);
                    default -> throw new IllegalArgumentException("unknown mode " + mode);
                };
                results.add(r);
                print(r, q);
            }
        }
        System.out.println();
        System.out.println("| way | N | wall time | x ideal (N/Q) | attempts | attempts / N | failed items | throttles (server) | throttles seen by caller |");
        System.out.println("|---|---|---|---|---|---|---|---|---|");
        for (Result r : results) {
            double ideal = (double) r.n() / q;
            System.out.printf(Locale.ROOT, "| %s | %d | %.1f s | %.2f | %d | %.3f | %d | %d | %d |%n", r.way(), r.n(), r.seconds(),
                r.seconds() / ideal, r.attempts(), (double) r.attempts() / r.n(), r.failed(), r.serverThrottles(), r.callerThrottles());
        }
    }

    /** Runs every way's code path a few hundred times on an emulator without quota, so that the JIT has compiled it. */
    private static void warmUp(LocalImage reference, List<LocalImage> targets) throws Exception {
        List<LocalImage> some = targets.subList(0, Math.min(300, targets.size()));
        try (RekognitionEmulator warm = RekognitionEmulator.builder().logRequests(false).start()) {
            batch(warm, reference, some, 1000, 1);
            unbounded(warm, reference, some.subList(0, Math.min(100, some.size())));
            sequential(warm, reference, some.subList(0, Math.min(100, some.size())));
        }
    }

    private static void print(Result r, int q) {
        System.out.printf(Locale.ROOT, "%-10s N=%d: %.1f s (ideal %.1f s), %d attempts, %d failed, %d throttled at the server, %d seen by the caller%n",
            r.way(), r.n(), r.seconds(), (double) r.n() / q, r.attempts(), r.failed(), r.serverThrottles(), r.callerThrottles());
    }

    /** N target images, cycling through the catalogue images with faces. */
    static List<LocalImage> targets(int n) {
        // The smaller sample images (49-184 KB): the benchmark measures pacing against the quota, not how fast this
        // machine base64-encodes megabytes (a real Rekognition call is bound by the network, not the client's CPU).
        String[] names = {"obama2.jpg", "astronaut-exif-rotated.jpg", "camera.png", "Werner2.jpeg", "Werner3.jpeg",
            "werner-and-swami.jpeg"};
        List<LocalImage> pool = new ArrayList<>();
        for (String s : names) {
            pool.add(ImageSource.fromBytes(Fixtures.image(s).bytes()));
        }
        List<LocalImage> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(pool.get(i % pool.size()));
        }
        return out;
    }

    static StaticCredentialsProvider credentials() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));
    }

    private static Result batch(RekognitionEmulator emu, LocalImage reference, List<LocalImage> targets, int q, int latency)
        throws Exception {
        // In flight: enough to keep Q/s going when a call takes well over the injected latency; the rate limit caps the rate.
        int concurrency = Math.max(8, (int) Math.ceil(q * latency / 1000.0 * 3));
        long callerThrottles = 0;
        BatchSummary summary;
        double seconds;
        long t0 = System.nanoTime();
        try (RekofaceAsyncClient reko = RekofaceAsyncClient.builder().endpointOverride(emu.endpoint()).region(Region.US_EAST_1)
                 .credentialsProvider(credentials()).rateLimit(RateLimit.perSecond(q)).maxConcurrency(256).build();
             BatchRun<LocalImage, FaceComparison> run = Batch.of(targets).concurrency(concurrency)
                 .runAsync(t -> reko.compareFaces(reference, t))) {
            for (BatchOutcome<LocalImage, FaceComparison> o : run) {
                if (o.error().filter(e -> e instanceof ThrottledException).isPresent()) {
                    callerThrottles++;
                }
            }
            summary = run.completion().join();
            seconds = (System.nanoTime() - t0) / 1e9; // work done; the client's shutdown (Netty's 2 s quiet period) is not
        }
        return new Result("rekoface batch (concurrency " + concurrency + ")", targets.size(), seconds,
            emu.counters().requests(Operation.COMPARE_FACES), emu.counters().throttled(Operation.COMPARE_FACES),
            summary.failed(), callerThrottles);
    }

    private static Image sdkImage(LocalImage img) {
        return Image.builder().bytes(SdkBytes.fromByteArray(img.bytes())).build();
    }

    private static Result sequential(RekognitionEmulator emu, LocalImage reference, List<LocalImage> targets) {
        long failed = 0;
        long throttled = 0;
        double seconds;
        long t0 = System.nanoTime();
        try (RekognitionClient raw = RekognitionClient.builder().endpointOverride(emu.endpoint()).region(Region.US_EAST_1)
            .credentialsProvider(credentials()).build()) {
            Image ref = sdkImage(reference);
            for (LocalImage t : targets) {
                try {
                    raw.compareFaces(b -> b.sourceImage(ref).targetImage(sdkImage(t)).similarityThreshold(80f));
                } catch (AwsServiceException e) {
                    failed++;
                    if (e.isThrottlingException()) {
                        throttled++;
                    }
                }
            }
            seconds = (System.nanoTime() - t0) / 1e9;
        }
        return new Result("sequential loop (raw SDK)", targets.size(), seconds, emu.counters().requests(Operation.COMPARE_FACES),
            emu.counters().throttled(Operation.COMPARE_FACES), failed, throttled);
    }

    private static Result unbounded(RekognitionEmulator emu, LocalImage reference, List<LocalImage> targets) {
        AtomicLong failed = new AtomicLong();
        AtomicLong throttled = new AtomicLong();
        double seconds;
        long t0 = System.nanoTime();
        try (RekognitionAsyncClient raw = RekognitionAsyncClient.builder().endpointOverride(emu.endpoint()).region(Region.US_EAST_1)
            .credentialsProvider(credentials())
            .httpClientBuilder(NettyNioAsyncHttpClient.builder().maxConcurrency(targets.size()).maxPendingConnectionAcquires(100_000))
            .build()) {
            Image ref = sdkImage(reference);
            List<CompletableFuture<?>> all = new ArrayList<>();
            for (LocalImage t : targets) {
                CompareFacesRequest req = CompareFacesRequest.builder().sourceImage(ref).targetImage(sdkImage(t)).similarityThreshold(80f).build();
                all.add(raw.compareFaces(req).whenComplete((r, e) -> {
                    if (e != null) {
                        failed.incrementAndGet();
                        Throwable c = e.getCause() == null ? e : e.getCause();
                        if (c instanceof AwsServiceException ase && ase.isThrottlingException()) {
                            throttled.incrementAndGet();
                        }
                    }
                }).exceptionally(e -> null));
            }
            CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
            seconds = (System.nanoTime() - t0) / 1e9; // as for the batch: up to the last answer, not the client's shutdown
        }
        return new Result("unbounded parallel (raw SDK, default retries)", targets.size(), seconds,
            emu.counters().requests(Operation.COMPARE_FACES), emu.counters().throttled(Operation.COMPARE_FACES), failed.get(), throttled.get());
    }


}
