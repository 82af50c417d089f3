package dev.rekoface.benchmarks.core;

import dev.rekoface.FaceCollection;
import dev.rekoface.Operation;
import dev.rekoface.RekofaceAsyncClient;
import dev.rekoface.RekofaceClient;
import dev.rekoface.batch.Batch;
import dev.rekoface.batch.BatchOutcome;
import dev.rekoface.batch.BatchRun;
import dev.rekoface.image.ImageSource;
import dev.rekoface.image.LocalImage;
import dev.rekoface.model.IndexResult;
import dev.rekoface.model.IndexedFace;
import dev.rekoface.retry.OperationMetrics;
import dev.rekoface.retry.RateLimit;
import dev.rekoface.testkit.emulator.FaultProfile;
import dev.rekoface.testkit.emulator.RekognitionEmulator;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;
import software.amazon.awssdk.regions.Region;

/**
 * The fault benchmark: N IndexFaces (N distinct images, one person each) through rekoface's batch, against the
 * emulator injecting 10 % HTTP 500s, connection resets, and a throttle burst (the quota drops from 50 to 10 TPS for a
 * few seconds mid-run). Then every person's faces are counted: no item may be lost, and no face stored twice (IndexFaces
 * is not idempotent: a blind retry after a lost answer stores the face again).
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.rekoface.benchmarks.core.FaultBenchmark [--n 1000] [--error-rate 0.10]
 *     [--reset-rate 0.02] [--lost-rate 0.0]
 * </pre>
 */
public final class FaultBenchmark {
    private FaultBenchmark() {
    }

    /**
     * Runs the benchmark.
     *
     * @param args see the class documentation
     * @throws Exception on failure
     */
    public static void main(String[] args) throws Exception {
        int n = dev.rekoface.benchmarks.Args.intArg(args, "--n", 1000);
        double errorRate = Double.parseDouble(dev.rekoface.benchmarks.Args.strArg(args, "--error-rate", "0.10"));
        double resetRate = Double.parseDouble(dev.rekoface.benchmarks.Args.strArg(args, "--reset-rate", "0.02"));
        double lostRate = Double.parseDouble(dev.rekoface.benchmarks.Args.strArg(args, "--lost-rate", "0.0"));
        List<LocalImage> images = IntStream.range(0, n).mapToObj(FaultBenchmark::image).toList();
        FaultProfile normal = FaultProfile.builder().tpsQuota(50).internalErrorRate(errorRate).connectionResetRate(resetRate)
            .lostResponseRate(lostRate).build();
        FaultProfile burst = normal.toBuilder().tpsQuota(10).burst(10).build();
        OperationMetrics metrics = new OperationMetrics();
        try (RekognitionEmulator emu = RekognitionEmulator.builder().logRequests(false).seed(7).start();
             RekofaceAsyncClient reko = RekofaceAsyncClient.builder().endpointOverride(emu.endpoint()).region(Region.US_EAST_1)
                 .credentialsProvider(QuotaBenchmark.credentials()).rateLimit(RateLimit.perSecond(50)).metricsListener(metrics)
                 .build();
             RekofaceClient check = RekofaceClient.builder().endpointOverride(emu.endpoint()).region(Region.US_EAST_1)
                 .credentialsProvider(QuotaBenchmark.credentials()).rateLimit(RateLimit.unlimited()).build()) {
            reko.collection("faults").create().join();
            emu.setFaults(Operation.INDEX_FACES, normal);
            long t0 = System.nanoTime();
            Thread burster = new Thread(() -> {
                try {
                    Thread.sleep(5000);
                    emu.setFaults(Operation.INDEX_FACES, burst);
                    Thread.sleep(4000);
                    emu.setFaults(Operation.INDEX_FACES, normal);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            burster.setDaemon(true);
            burster.start();
            long failed = 0;
            long outcomes = 0;
            try (BatchRun<Integer, IndexResult> run = Batch.of(IntStream.range(0, n).boxed().toList()).concurrency(16)
                .runAsync(i -> reko.collection("faults").index(images.get(i), "person " + i))) {
                for (BatchOutcome<Integer, IndexResult> o : run) {
                    outcomes++;
                    if (!o.succeeded()) {
                        failed++;
                        System.out.println("failed: person " + o.item() + ": " + o.error().get().getMessage());
                    }
                }
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            emu.clearFaults();
            Map<String, Integer> facesPerPerson = new HashMap<>();
            check.collection("faults").faces().forEach((IndexedFace f) ->
                facesPerPerson.merge(f.personId().orElse("?"), 1, Integer::sum));
            long lost = IntStream.range(0, n).filter(i -> !facesPerPerson.containsKey("person " + i)).count();
            long duplicated = facesPerPerson.values().stream().filter(c -> c > 1).count();
            long attempts = emu.counters().requests(Operation.INDEX_FACES);
            OperationMetrics.Counts c = metrics.counts(Operation.INDEX_FACES);
            System.out.printf(Locale.ROOT, "%d IndexFaces with %.0f %% 500s, %.0f %% resets, %.0f %% lost answers and a throttle burst:%n",
                n, errorRate * 100, resetRate * 100, lostRate * 100);
            System.out.printf(Locale.ROOT, "  %d outcomes, %d failed items, %d lost, %d duplicated, %d IndexFaces attempts (%.3f N), "
                    + "%d duplicate checks (SearchFacesByImage), %d throttled and %d faulted at the server, %d retries, %.1f s%n",
                outcomes, failed, lost, duplicated, attempts, (double) attempts / n,
                emu.counters().requests(Operation.SEARCH_FACES_BY_IMAGE), emu.counters().throttled(Operation.INDEX_FACES),
                emu.counters().faulted(Operation.INDEX_FACES), c.retries(), seconds);
        }
    }

    /** A distinct image per person: the emulator gives each one simulated face of its own. */
    static LocalImage image(int i) {
        Random r = new Random(i);
        BufferedImage img = new BufferedImage(160, 160, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(r.nextInt(0xFFFFFF)));
        g.fillRect(0, 0, 160, 160);
        g.setColor(new Color(r.nextInt(0xFFFFFF)));
        g.fillOval(40, 30, 80, 100);
        g.dispose();
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(img, "png", out);
            return ImageSource.fromBytes(out.toByteArray());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

}
