package dev.rekoface.examples.facelogin;

import dev.rekoface.RekofaceClient;
import dev.rekoface.image.ImageSource;
import dev.rekoface.model.Threshold;
import dev.rekoface.testkit.fixtures.Fixtures;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Locale;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Login latency of the web app on its embedded local default: p50/p99 of {@code POST /api/login} with a ~100 KB
 * snapshot over 200 sequential requests, beside a direct {@code recognize} call through the same
 * {@link RekofaceClient} in the same run. A program, never a test:
 *
 * <pre>
 * mvn -B -q -pl examples/face-login -am -Pbenchmark verify -DskipTests
 * </pre>
 */
public final class FaceLoginBenchmark {
    private static final int WARMUP = 30;
    private static final int REQUESTS = 200;

    private FaceLoginBenchmark() {
    }

    /**
     * Runs the benchmark and prints the table.
     *
     * @param args unused
     * @throws Exception if the application cannot start
     */
    public static void main(String[] args) throws Exception {
        byte[] snapshot = snapshotOfAbout(100_000);
        String loginBody = ApiClient.body("image", ApiClient.dataUrl("image/jpeg", snapshot));
        try (ConfigurableApplicationContext app = SpringApplication.run(FaceLoginApplication.class,
            "--server.port=0", "--logging.level.root=WARN", "--spring.main.banner-mode=off")) {
            int port = Integer.parseInt(app.getEnvironment().getRequiredProperty("local.server.port"));
            ApiClient api = new ApiClient(port);
            ApiClient.Answer registered = api.register("benchmark@example.com", ApiClient.dataUrl("obama.jpg"));
            if (registered.status() != 200) {
                throw new IllegalStateException("registration failed: " + registered.json());
            }
            RekofaceClient reko = app.getBean(RekofaceClient.class);
            FaceLoginProperties properties = app.getBean(FaceLoginProperties.class);
            Threshold threshold = app.getBean(FaceLoginService.class).threshold();

            // Every webcam snapshot differs, and the emulator caches the face engine's answer per image SHA-256:
            // "distinct" makes each request's bytes unique (a JPEG comment with a counter, same pixels), so the engine
            // runs every time; "same" sends one image, so it measures the HTTP, JSON, decoding and search around it.
            long[] apiDistinct = measure(i -> login(api, ApiClient.body("image",
                ApiClient.dataUrl("image/jpeg", withComment(snapshot, "api-" + i)))));
            long[] directDistinct = measure(i -> recognize(reko, properties, threshold, withComment(snapshot, "direct-" + i)));
            long[] apiSame = measure(i -> login(api, loginBody));
            long[] directSame = measure(i -> recognize(reko, properties, threshold, snapshot));
            System.out.printf(Locale.ROOT, "face-login benchmark: %d sequential requests after %d warm-up, snapshot %d bytes"
                + " (JPEG %s), embedded local Rekognition (face engine) + S3, %d CPUs%n", REQUESTS, WARMUP,
                snapshot.length, size(snapshot), Runtime.getRuntime().availableProcessors());
            System.out.println("| call | snapshots | p50 ms | p90 ms | p99 ms | mean ms |");
            System.out.println("|---|---|---|---|---|---|");
            row("POST /api/login", "distinct", apiDistinct);
            row("RekofaceClient recognize", "distinct", directDistinct);
            row("POST /api/login", "same", apiSame);
            row("RekofaceClient recognize", "same", directSame);
        }
    }

    private static void login(ApiClient api, String body) {
        ApiClient.Answer a = api.post("/api/login", body);
        if (a.status() != 200 || !a.json().path("recognized").asBoolean()) {
            throw new IllegalStateException("login failed: " + a.status() + " " + a.json());
        }
    }

    private static void recognize(RekofaceClient reko, FaceLoginProperties properties, Threshold threshold, byte[] jpeg) {
        if (reko.collection(properties.getCollection()).recognize(ImageSource.fromBytes(jpeg), threshold).isEmpty()) {
            throw new IllegalStateException("not recognized");
        }
    }

    /** The same JPEG with a comment segment (FF FE) after its start marker: other bytes, same pixels. */
    static byte[] withComment(byte[] jpeg, String comment) {
        byte[] text = comment.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] out = new byte[jpeg.length + 4 + text.length];
        out[0] = jpeg[0];
        out[1] = jpeg[1];
        out[2] = (byte) 0xFF;
        out[3] = (byte) 0xFE;
        out[4] = (byte) ((text.length + 2) >> 8);
        out[5] = (byte) (text.length + 2);
        System.arraycopy(text, 0, out, 6, text.length);
        System.arraycopy(jpeg, 2, out, 6 + text.length, jpeg.length - 2);
        return out;
    }

    private static long[] measure(java.util.function.IntConsumer call) {
        for (int i = 0; i < WARMUP; i++) {
            call.accept(-1 - i);
        }
        long[] nanos = new long[REQUESTS];
        for (int i = 0; i < REQUESTS; i++) {
            long start = System.nanoTime();
            call.accept(i);
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        return nanos;
    }

    private static void row(String name, String snapshots, long[] sorted) {
        double mean = Arrays.stream(sorted).average().orElse(0);
        System.out.printf(Locale.ROOT, "| %s | %s | %.1f | %.1f | %.1f | %.1f |%n", name, snapshots, ms(percentile(sorted, 50)),
            ms(percentile(sorted, 90)), ms(percentile(sorted, 99)), mean / 1e6);
    }

    private static long percentile(long[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    private static String size(byte[] jpeg) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(jpeg));
        return image.getWidth() + "x" + image.getHeight();
    }

    /** obama2.jpg scaled and re-encoded until the JPEG is about the wanted size, like a webcam snapshot. */
    static byte[] snapshotOfAbout(int bytes) throws IOException {
        BufferedImage photo = ImageIO.read(new ByteArrayInputStream(Fixtures.image("obama2.jpg").bytes()));
        byte[] best = null;
        for (double scale = 0.3; scale <= 1.0; scale += 0.02) {
            byte[] jpeg = jpeg(photo, scale, 0.85f);
            if (best == null || Math.abs(jpeg.length - bytes) < Math.abs(best.length - bytes)) {
                best = jpeg;
            }
        }
        return best;
    }

    private static byte[] jpeg(BufferedImage photo, double scale, float quality) throws IOException {
        int w = (int) (photo.getWidth() * scale);
        int h = (int) (photo.getHeight() * scale);
        BufferedImage scaled = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = scaled.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(photo, 0, 0, w, h, null);
        g.dispose();
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            writer.write(null, new IIOImage(scaled, null, null), param);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }
}
