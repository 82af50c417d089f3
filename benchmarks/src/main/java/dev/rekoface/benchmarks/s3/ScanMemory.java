package dev.rekoface.benchmarks.s3;

import dev.rekoface.RekofaceClient;
import dev.rekoface.image.ImageSource;
import dev.rekoface.model.Threshold;
import dev.rekoface.retry.RateLimit;
import dev.rekoface.s3.S3Images;
import dev.rekoface.s3.S3Uri;
import dev.rekoface.s3.scan.BucketScan;
import dev.rekoface.s3.scan.ScanSummary;
import dev.rekoface.testkit.emulator.RekognitionEmulator;
import dev.rekoface.testkit.fixtures.Fixtures;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.gaul.s3proxy.BlobStores;
import org.gaul.s3proxy.S3Proxy;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Heap of a bucket scan over many keys: this process starts S3Proxy and the emulator and fills a bucket with N keys
 * (one in 500 a photo, the rest small non-image objects), then runs the scan in a child JVM capped at {@code -Xmx64m}
 * and reports the child's peak heap after collections. A scan whose memory grew with the number of keys would fail
 * with OutOfMemoryError.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.rekoface.benchmarks.s3.ScanMemory [--n 100000] [--xmx 64m]
 * </pre>
 */
public final class ScanMemory {
    private static final StaticCredentialsProvider CREDS = StaticCredentialsProvider.create(AwsBasicCredentials.create("a", "b"));

    private ScanMemory() {
    }

    /**
     * Runs the parent (or, with {@code --child}, the scan).
     *
     * @param args see the class documentation
     * @throws Exception on failure
     */
    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("--child")) {
            child(URI.create(args[1]), URI.create(args[2]), Path.of(args[3]));
            return;
        }
        int n = dev.rekoface.benchmarks.Args.intArg(args, "--n", 100_000);
        String xmx = dev.rekoface.benchmarks.Args.strArg(args, "--xmx", "64m");
        S3Proxy proxy = S3Proxy.builder().blobStore(BlobStores.create("transient", new Properties()))
            .endpoint(URI.create("http://127.0.0.1:0")).jettyMaxThreads(64).build();
        proxy.start();
        while (!"STARTED".equals(proxy.getState())) {
            Thread.sleep(10);
        }
        URI s3 = URI.create("http://127.0.0.1:" + proxy.getPort());
        try (RekognitionEmulator emu = RekognitionEmulator.builder().logRequests(false).s3Endpoint(s3).start();
             S3Client client = S3Client.builder().endpointOverride(s3).forcePathStyle(true).region(Region.US_EAST_1)
                 .credentialsProvider(CREDS).build()) {
            client.createBucket(b -> b.bucket("many"));
            byte[] photo = Fixtures.image("obama2.jpg").bytes();
            long t0 = System.nanoTime();
            ExecutorService pool = Executors.newFixedThreadPool(16);
            List<Future<?>> puts = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int k = i;
                puts.add(pool.submit(() -> client.putObject(b -> b.bucket("many").key(String.format("keys/%07d", k)),
                    k % 500 == 0 ? RequestBody.fromBytes(distinct(photo, k)) : RequestBody.fromString("object " + k))));
            }
            for (Future<?> f : puts) {
                f.get();
            }
            pool.shutdown();
            System.out.printf("filled %d keys in %.0f s%n", n, (System.nanoTime() - t0) / 1e9);
            Path out = Files.createTempFile("scan-memory", ".jsonl");
            Files.delete(out);
            String cp = System.getProperty("java.class.path");
            Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx" + xmx,
                "-cp", cp, ScanMemory.class.getName(), "--child", s3.toString(), emu.endpoint().toString(), out.toString())
                .inheritIO().start();
            int code = p.waitFor();
            System.out.printf("child scan with -Xmx%s exited %d; %d lines written%n", xmx, code,
                Files.exists(out) ? Files.lines(out).count() : 0);
            Files.deleteIfExists(out);
        } finally {
            proxy.stop();
        }
    }

    /** The photo with a few bytes after its end-of-image marker: still a valid JPEG, but a different ETag. */
    private static byte[] distinct(byte[] photo, int k) {
        byte[] tail = (" copy " + k).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] out = java.util.Arrays.copyOf(photo, photo.length + tail.length);
        System.arraycopy(tail, 0, out, photo.length, tail.length);
        return out;
    }

    private static void child(URI s3, URI rekognition, Path out) {
        long t0 = System.nanoTime();
        try (S3Images images = S3Images.builder().endpointOverride(s3).region(Region.US_EAST_1).credentialsProvider(CREDS).build();
             RekofaceClient reko = RekofaceClient.builder().endpointOverride(rekognition).region(Region.US_EAST_1)
                 .credentialsProvider(CREDS).rateLimit(RateLimit.unlimited()).build()) {
            ScanSummary s = BucketScan.builder().images(images).client(reko).source(S3Uri.parse("s3://many/keys/"))
                .findFace(ImageSource.fromBytes(Fixtures.image("obama.jpg").bytes()), Threshold.percent(80))
                .output(out).concurrency(16).build().run();
            System.gc();
            long peak = 0;
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP && pool.getCollectionUsage() != null) {
                    peak += pool.getCollectionUsage().getUsed();
                }
            }
            long peakUsage = 0;
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP) {
                    peakUsage += pool.getPeakUsage().getUsed();
                }
            }
            System.out.printf("scanned %d keys (%s) in %.0f s; heap max %d MB; peak heap used %.1f MB; live after last GC %.1f MB%n",
                s.lines(), s.byStatus(), (System.nanoTime() - t0) / 1e9, Runtime.getRuntime().maxMemory() >> 20,
                peakUsage / 1048576.0, peak / 1048576.0);
        }
    }
}
