package dev.rekoface.benchmarks.emulator;

import dev.rekoface.testkit.Operation;
import dev.rekoface.testkit.emulator.RekognitionEmulator;
import dev.rekoface.testkit.fixtures.Fixtures;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How many DetectFaces requests a second the emulator answers on loopback: an in-process emulator, a minimal keep-alive
 * HTTP/1.1 client (one socket per thread, so the client costs little of the 2 cores) with a few threads, one small catalogue image sent again and again (validated once, then found in
 * the emulator's SHA-256 cache).
 *
 * <pre>
 * mvn -B -pl benchmarks -am package -DskipTests
 * java -cp benchmarks/target/benchmarks.jar dev.rekoface.benchmarks.emulator.DetectFacesThroughput [seconds] [threads] [image]
 * </pre>
 *
 * <p>Defaults: 10 s measured after 3 s of warm-up, 4 client threads, {@code Werner2.jpeg} (56 kB, one face). Prints
 * requests/s and latency percentiles; every answer is checked to be HTTP 200.
 */
public final class DetectFacesThroughput {
    private DetectFacesThroughput() {
    }

    /**
     * Runs the benchmark.
     *
     * @param args optional: seconds, client threads, fixture image name
     * @throws Exception on failure
     */
    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        String imageName = args.length > 2 ? args[2] : "Werner2.jpeg";
        byte[] image = Fixtures.image(imageName).bytes();
        byte[] body = ("{\"Image\":{\"Bytes\":\"" + Base64.getEncoder().encodeToString(image) + "\"}}").getBytes(StandardCharsets.UTF_8);

        try (RekognitionEmulator emu = RekognitionEmulator.builder().logRequests(false).start()) {
            URI endpoint = emu.endpoint();
            byte[] head = ("POST / HTTP/1.1\r\nHost: localhost:" + endpoint.getPort() + "\r\nContent-Type: application/x-amz-json-1.1\r\n"
                + "X-Amz-Target: " + Operation.DETECT_FACES.target() + "\r\nContent-Length: " + body.length + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
            byte[] request = new byte[head.length + body.length];
            System.arraycopy(head, 0, request, 0, head.length);
            System.arraycopy(body, 0, request, head.length, body.length);

            System.out.printf("emulator %s, image %s (%d bytes), %d client threads, %d cores%n", endpoint, imageName, image.length,
                threads, Runtime.getRuntime().availableProcessors());
            run(endpoint, request, threads, 3, null);
            long[] latencies = new long[4_000_000];
            AtomicLong count = new AtomicLong();
            long t0 = System.nanoTime();
            run(endpoint, request, threads, seconds, new Recorder(latencies, count));
            double elapsed = (System.nanoTime() - t0) / 1e9;
            int n = (int) Math.min(count.get(), latencies.length);
            long[] l = Arrays.copyOf(latencies, n);
            Arrays.sort(l);
            System.out.printf("DetectFaces: %d requests in %.1f s = %.0f requests/s; latency p50 %.2f ms, p99 %.2f ms, max %.2f ms%n",
                count.get(), elapsed, count.get() / elapsed, l[n / 2] / 1e6, l[(int) (n * 0.99)] / 1e6, l[n - 1] / 1e6);
            System.out.printf("server counters: %d DetectFaces requests, %d succeeded%n",
                emu.counters().requests(Operation.DETECT_FACES), emu.counters().succeeded(Operation.DETECT_FACES));
        }
        System.exit(0);
    }

    /** Collects latencies. */
    private record Recorder(long[] latencies, AtomicLong count) {
        void add(long nanos) {
            long i = count.getAndIncrement();
            if (i < latencies.length) {
                latencies[(int) i] = nanos;
            }
        }
    }

    private static void run(URI endpoint, byte[] request, int threads, int seconds, Recorder recorder) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong failures = new AtomicLong();
        for (int t = 0; t < threads; t++) {
            pool.submit(() -> {
                try (Socket socket = new Socket(endpoint.getHost(), endpoint.getPort())) {
                    socket.setTcpNoDelay(true);
                    OutputStream out = socket.getOutputStream();
                    InputStream in = new BufferedInputStream(socket.getInputStream(), 65536);
                    while (!stop.get()) {
                        long s = System.nanoTime();
                        out.write(request);
                        out.flush();
                        if (readResponse(in) != 200) {
                            failures.incrementAndGet();
                        }
                        if (recorder != null) {
                            recorder.add(System.nanoTime() - s);
                        }
                    }
                } catch (IOException e) {
                    failures.incrementAndGet();
                }
            });
        }
        Thread.sleep(seconds * 1000L);
        stop.set(true);
        pool.shutdown();
        pool.awaitTermination(10, TimeUnit.SECONDS);
        if (failures.get() > 0) {
            throw new IllegalStateException(failures.get() + " requests failed");
        }
    }

    /** Reads one HTTP/1.1 response with a Content-Length (as the emulator sends) and returns its status. */
    private static int readResponse(InputStream in) throws IOException {
        StringBuilder headers = new StringBuilder();
        int c;
        while ((c = in.read()) != -1) {
            headers.append((char) c);
            int n = headers.length();
            if (n >= 4 && headers.charAt(n - 1) == '\n' && headers.charAt(n - 2) == '\r' && headers.charAt(n - 3) == '\n') {
                break;
            }
        }
        if (c == -1) {
            throw new IOException("connection closed");
        }
        String h = headers.toString();
        int status = Integer.parseInt(h.substring(9, 12));
        int length = 0;
        for (String line : h.split("\r\n")) {
            if (line.regionMatches(true, 0, "Content-Length:", 0, 15)) {
                length = Integer.parseInt(line.substring(15).trim());
            }
        }
        long skipped = 0;
        while (skipped < length) {
            long k = in.skip(length - skipped);
            if (k <= 0) {
                if (in.read() == -1) {
                    throw new IOException("connection closed in the body");
                }
                k = 1;
            }
            skipped += k;
        }
        return status;
    }
}
