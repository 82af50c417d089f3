package dev.rekoface.benchmarks.emulator;

import dev.rekoface.Operation;
import dev.rekoface.testkit.emulator.RekognitionEmulator;
import dev.rekoface.testkit.fixtures.Fixtures;
import dev.rekoface.image.ImageSource;
import dev.rekoface.image.LocalImage;
import dev.rekoface.testkit.engine.EngineFaceSource;
import dev.rekoface.testkit.faces.EmulatorImage;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.CRC32;

/**
 * How many DetectFaces requests a second the emulator answers on loopback: an in-process emulator, a minimal keep-alive
 * HTTP/1.1 client (one socket per thread, so the client costs little of the 2 cores) with a few threads.
 *
 * <pre>
 * mvn -B -o -q package -DskipTests -pl benchmarks -am
 * java -cp benchmarks/target/benchmarks.jar dev.rekoface.benchmarks.emulator.DetectFacesThroughput [seconds] [threads] [image]
 *     [--force-engine] [--distinct N] [--warmup seconds]
 * </pre>
 *
 * <p>Defaults: 10 s measured after 3 s of warm-up, 4 client threads, {@code Werner2.jpeg} (56 kB, one face), faces from
 * the fixture catalogue. Prints requests/s and latency percentiles; every answer is checked to be HTTP 200, and one
 * probe request before the runs prints how many faces the emulator found.
 *
 * <p>What is measured depends on caching. The emulator caches per image SHA-256: the validated image (last 64), the
 * faces found (last 256 images) and, in the engine source, the engine's results (last 32). Sending <em>one</em> image
 * again and again therefore measures the cache (HTTP, JSON, base64 and rendering the cached faces), whichever source
 * found the faces, and is the default.
 *
 * <ul>
 *   <li>{@code --force-engine}: the emulator is built with {@code forceEngine(true)}, so the pure-Java face engine
 *       answers for every image (the catalogue is not consulted); warm-up defaults to 15 s (model load and JIT).
 *       Use a photo of about one megapixel such as {@code family-1128316.jpg} (1349x984, three faces) or
 *       {@code obama.jpg} (910x1137, one face).</li>
 *   <li>{@code --distinct N}: sends N byte-distinct copies of the image in turn: the same JPEG (or PNG) with a
 *       numbered comment segment (PNG: a {@code tEXt} chunk) inserted, so the pixels and therefore the work are the
 *       same but every copy has its own SHA-256. With N larger than the emulator's 256-image face cache the cyclic
 *       order misses every cache, so each request pays for base64 decoding, hashing, validation, JPEG decoding and
 *       (with {@code --force-engine}) a full engine run: detection plus a descriptor and expressions per face.
 *       Without {@code --force-engine} the catalogue does not know the copies' hashes, so the simulated source
 *       answers them.</li>
 * </ul>
 *
 * <p>With {@code --force-engine} it also reports, after the HTTP runs, the in-process engine time per image on one
 * thread ({@link EngineFaceSource#detect} without a cache key on the decoded image, i.e. no HTTP, base64 or JPEG
 * decoding).
 */
public final class DetectFacesThroughput {
    /** The emulator's face cache size (RekognitionService): more distinct images than this defeat it. */
    private static final int EMULATOR_FACE_CACHE = 256;

    private DetectFacesThroughput() {
    }

    /**
     * Runs the benchmark.
     *
     * @param args optional: seconds, client threads, fixture image name, then the flags in the class documentation
     * @throws Exception on failure
     */
    public static void main(String[] args) throws Exception {
        List<String> positional = new ArrayList<>();
        boolean forceEngine = false;
        int distinct = 1;
        int warmup = -1;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--force-engine" -> forceEngine = true;
                case "--distinct" -> distinct = Integer.parseInt(args[++i]);
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                default -> {
                    if (args[i].startsWith("--")) {
                        throw new IllegalArgumentException("unknown flag " + args[i]);
                    }
                    positional.add(args[i]);
                }
            }
        }
        int seconds = positional.size() > 0 ? Integer.parseInt(positional.get(0)) : 10;
        int threads = positional.size() > 1 ? Integer.parseInt(positional.get(1)) : 4;
        String imageName = positional.size() > 2 ? positional.get(2) : "Werner2.jpeg";
        if (warmup < 0) {
            warmup = forceEngine ? 15 : 3;
        }
        byte[] image = Fixtures.image(imageName).bytes();
        List<byte[]> bodies = new ArrayList<>();
        Set<String> hashes = new HashSet<>();
        for (int k = 0; k < distinct; k++) {
            byte[] copy = distinct == 1 ? image : tagged(image, k);
            hashes.add(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(copy)));
            bodies.add(("{\"Image\":{\"Bytes\":\"" + Base64.getEncoder().encodeToString(copy) + "\"}}").getBytes(StandardCharsets.UTF_8));
        }
        if (hashes.size() != distinct) {
            throw new IllegalStateException("copies are not distinct");
        }

        RekognitionEmulator.Builder builder = RekognitionEmulator.builder().logRequests(false).forceEngine(forceEngine);
        try (RekognitionEmulator emu = builder.start()) {
            URI endpoint = emu.endpoint();
            byte[][] requests = new byte[bodies.size()][];
            for (int k = 0; k < requests.length; k++) {
                requests[k] = request(endpoint, bodies.get(k));
            }
            bodies.clear();

            System.out.printf(Locale.ROOT, "emulator %s, faces from %s, image %s (%d bytes), %s, %d client threads, %d cores%n", endpoint,
                forceEngine ? "the face engine (forceEngine)" : "the catalogue", imageName, image.length,
                distinct == 1 ? "one image repeated (served from the emulator's SHA-256 caches after the first request)"
                    : distinct + " byte-distinct copies in turn (" + (distinct > EMULATOR_FACE_CACHE ? "more than the emulator's "
                        + EMULATOR_FACE_CACHE + "-image face cache: every request misses every cache"
                        : "NOT more than the emulator's " + EMULATOR_FACE_CACHE + "-image face cache: repeats may be cache hits") + ")",
                threads, Runtime.getRuntime().availableProcessors());
            System.out.printf(Locale.ROOT, "probe: %d face(s) in the answer%n", probe(endpoint, requests[0]));
            AtomicLong next = new AtomicLong(1);
            run(endpoint, requests, next, threads, warmup, null);
            long[] latencies = new long[4_000_000];
            AtomicLong count = new AtomicLong();
            long t0 = System.nanoTime();
            run(endpoint, requests, next, threads, seconds, new Recorder(latencies, count));
            double elapsed = (System.nanoTime() - t0) / 1e9;
            int n = (int) Math.min(count.get(), latencies.length);
            long[] l = Arrays.copyOf(latencies, n);
            Arrays.sort(l);
            System.out.printf(Locale.ROOT, "DetectFaces%s: %d requests in %.1f s = %.1f requests/s; latency p50 %.2f ms, p99 %.2f ms, max %.2f ms%n",
                distinct > EMULATOR_FACE_CACHE ? " (uncached)" : distinct == 1 ? " (cached)" : "",
                count.get(), elapsed, count.get() / elapsed, l[n / 2] / 1e6, l[(int) (n * 0.99)] / 1e6, l[n - 1] / 1e6);
            System.out.printf(Locale.ROOT, "server counters: %d DetectFaces requests, %d succeeded%n",
                emu.counters().requests(Operation.DETECT_FACES), emu.counters().succeeded(Operation.DETECT_FACES));
        }
        if (forceEngine) {
            engineTime(image, Math.max(5, seconds / 2));
        }
        System.exit(0);
    }

    /** Times the engine source in-process on one thread, without its cache: decode once, then detect repeatedly. */
    private static void engineTime(byte[] image, int seconds) {
        LocalImage checked = ImageSource.fromBytes(image);
        EmulatorImage local = new EmulatorImage(image, EmulatorImage.Format.valueOf(checked.format().name()),
            checked.storedSize().width(), checked.storedSize().height(), checked.exifOrientation());
        EngineFaceSource source = new EngineFaceSource();
        int faces = 0;
        long deadline = System.nanoTime() + 3_000_000_000L;
        while (System.nanoTime() < deadline) {
            faces = source.detect(local, null).size(); // warm-up
        }
        long[] times = new long[100_000];
        int n = 0;
        long t0 = System.nanoTime();
        long end = t0 + seconds * 1_000_000_000L;
        while (System.nanoTime() < end && n < times.length) {
            long s = System.nanoTime();
            faces = source.detect(local, null).size();
            times[n++] = System.nanoTime() - s;
        }
        long[] t = Arrays.copyOf(times, n);
        Arrays.sort(t);
        double mean = Arrays.stream(t).average().orElse(0) / 1e6;
        System.out.printf(Locale.ROOT, "in-process engine, one thread, no cache (EngineFaceSource.detect on the decoded image, %d faces): "
            + "%d runs, mean %.1f ms, p50 %.1f ms, min %.1f ms per image%n", faces, n, mean, t[n / 2] / 1e6, t[0] / 1e6);
    }

    private static byte[] request(URI endpoint, byte[] body) {
        byte[] head = ("POST / HTTP/1.1\r\nHost: localhost:" + endpoint.getPort() + "\r\nContent-Type: application/x-amz-json-1.1\r\n"
            + "X-Amz-Target: " + Operation.DETECT_FACES.target() + "\r\nContent-Length: " + body.length + "\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII);
        byte[] request = new byte[head.length + body.length];
        System.arraycopy(head, 0, request, 0, head.length);
        System.arraycopy(body, 0, request, head.length, body.length);
        return request;
    }

    /** Sends one request and counts the faces in the answer. */
    private static int probe(URI endpoint, byte[] request) throws IOException {
        try (Socket socket = new Socket(endpoint.getHost(), endpoint.getPort())) {
            socket.getOutputStream().write(request);
            socket.getOutputStream().flush();
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            int status = readResponse(new BufferedInputStream(socket.getInputStream(), 65536), body);
            if (status != 200) {
                throw new IllegalStateException("probe answered HTTP " + status + ": " + body.toString(StandardCharsets.UTF_8));
            }
            String json = body.toString(StandardCharsets.UTF_8);
            int faces = 0;
            for (int i = json.indexOf("\"BoundingBox\""); i >= 0; i = json.indexOf("\"BoundingBox\"", i + 1)) {
                faces++;
            }
            return faces;
        }
    }

    /**
     * Returns a copy of an image with a numbered comment inserted, so that its SHA-256 differs but its pixels do not:
     * a JPEG COM segment right after SOI, or a PNG tEXt chunk right after IHDR.
     */
    static byte[] tagged(byte[] image, int k) {
        byte[] text = ("rekoface benchmark copy " + k).getBytes(StandardCharsets.US_ASCII);
        ByteArrayOutputStream out = new ByteArrayOutputStream(image.length + 64);
        if ((image[0] & 0xFF) == 0xFF && (image[1] & 0xFF) == 0xD8) {
            out.write(image, 0, 2);
            int len = text.length + 2;
            out.write(0xFF);
            out.write(0xFE);
            out.write(len >> 8);
            out.write(len & 0xFF);
            out.write(text, 0, text.length);
            out.write(image, 2, image.length - 2);
        } else if ((image[0] & 0xFF) == 0x89 && image[1] == 'P' && image[2] == 'N' && image[3] == 'G') {
            int ihdrEnd = 8 + 4 + 4 + 13 + 4;
            out.write(image, 0, ihdrEnd);
            byte[] data = new byte[4 + "Comment".length() + 1 + text.length];
            byte[] type = "tEXt".getBytes(StandardCharsets.US_ASCII);
            System.arraycopy(type, 0, data, 0, 4);
            byte[] key = "Comment".getBytes(StandardCharsets.US_ASCII);
            System.arraycopy(key, 0, data, 4, key.length);
            System.arraycopy(text, 0, data, 4 + key.length + 1, text.length);
            int len = data.length - 4;
            out.write(len >>> 24);
            out.write(len >>> 16 & 0xFF);
            out.write(len >>> 8 & 0xFF);
            out.write(len & 0xFF);
            out.write(data, 0, data.length);
            CRC32 crc = new CRC32();
            crc.update(data);
            long c = crc.getValue();
            out.write((int) (c >>> 24));
            out.write((int) (c >>> 16 & 0xFF));
            out.write((int) (c >>> 8 & 0xFF));
            out.write((int) (c & 0xFF));
            out.write(image, ihdrEnd, image.length - ihdrEnd);
        } else {
            throw new IllegalArgumentException("--distinct needs a JPEG or PNG image");
        }
        return out.toByteArray();
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

    private static void run(URI endpoint, byte[][] requests, AtomicLong next, int threads, int seconds, Recorder recorder)
        throws InterruptedException {
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
                        byte[] request = requests[(int) (next.getAndIncrement() % requests.length)];
                        long s = System.nanoTime();
                        out.write(request);
                        out.flush();
                        if (readResponse(in, null) != 200) {
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

    /**
     * Reads one HTTP/1.1 response with a Content-Length (as the emulator sends) and returns its status; the body is
     * copied to {@code body} when given, else skipped.
     */
    private static int readResponse(InputStream in, ByteArrayOutputStream body) throws IOException {
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
        if (body != null) {
            body.write(in.readNBytes(length));
            return status;
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
