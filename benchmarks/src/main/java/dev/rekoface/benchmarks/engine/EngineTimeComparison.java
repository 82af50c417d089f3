package dev.rekoface.benchmarks.engine;

import dev.rekoface.benchmarks.Args;
import dev.rekoface.engine.FaceEngine;
import java.awt.image.BufferedImage;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Engine time per photo of about one megapixel, this build's engine against another build's, side by side in one
 * JVM: a report, not a JMH benchmark. On a shared machine two separate runs differ by a factor of two; here every
 * photo is detected by one engine and then the other, round after round, so that both see the same load.
 *
 * <p>The other engine comes from a jar holding {@code dev.rekoface.engine} and its models (for example the
 * {@code benchmarks.jar} of an earlier commit, built with {@code mvn -B -q -pl rekoface-engine,benchmarks -am package
 * -DskipTests} in a {@code git worktree} of that commit), loaded by its own class loader. The photos are the
 * evaluation folder's photos of 0.75-1.5 MP (see {@link EngineEval}) and the fixture group photos
 * {@code family-1128316/7/8.jpg}, decoded once. Per engine it prints the median of {@code FaceEngine.detect} per
 * photo (each photo's median over the rounds, then the median over photos), the ratio after/before and the faces
 * found.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.rekoface.benchmarks.engine.EngineTimeComparison \
 *     --before /tmp/engine-before/benchmarks/target/benchmarks.jar [--eval ../shared/fixtures/eval] [--rounds 5]
 * </pre>
 *
 * Not thread-safe; a program.
 */
public final class EngineTimeComparison {
    private static final double MP_FROM = 0.75;
    private static final double MP_TO = 1.5;

    private EngineTimeComparison() {
    }

    /**
     * Prints the comparison.
     *
     * @param args {@code --before JAR} (required), {@code --eval DIR}, {@code --rounds N}
     * @throws Exception on failure
     */
    public static void main(String[] args) throws Exception {
        String before = Args.strArg(args, "--before", null);
        if (before == null || !Files.isRegularFile(Path.of(before))) {
            throw new IllegalArgumentException("--before must name a jar holding the other engine, was " + before);
        }
        Path dir = Path.of(Args.strArg(args, "--eval", EngineEval.DEFAULT_DIR));
        int rounds = Args.intArg(args, "--rounds", 5);
        System.out.println("$ java -cp benchmarks/target/benchmarks.jar dev.rekoface.benchmarks.engine.EngineTimeComparison "
            + String.join(" ", args));
        System.out.printf(Locale.ROOT, "# %s, %d cores, java %s%n", Instant.now().truncatedTo(ChronoUnit.MINUTES),
            Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));

        List<String> names = new ArrayList<>();
        List<BufferedImage> photos = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir.resolve("images"))) {
            for (Path p : files.sorted().toList()) {
                BufferedImage img = FaceEngine.readUpright(p);
                double mp = img.getWidth() * (double) img.getHeight() / 1e6;
                if (mp >= MP_FROM && mp <= MP_TO) {
                    names.add(p.getFileName().toString());
                    photos.add(img);
                }
            }
        }
        for (String f : List.of("family-1128316.jpg", "family-1128317.jpg", "family-1128318.jpg")) {
            names.add(f);
            photos.add(FaceEngine.readUpright(dev.rekoface.testkit.fixtures.Fixtures.image(f).bytes()));
        }

        FaceEngine current = FaceEngine.load();
        Function<BufferedImage, Integer> after = img -> current.detect(img).size();
        Function<BufferedImage, Integer> base = otherEngine(Path.of(before));
        int n = photos.size();
        double[][] msBefore = new double[n][rounds];
        double[][] msAfter = new double[n][rounds];
        int[] facesBefore = new int[n];
        int[] facesAfter = new int[n];
        for (int i = 0; i < n; i++) { // warm-up: both engines compiled before timing
            base.apply(photos.get(i));
            after.apply(photos.get(i));
        }
        for (int r = 0; r < rounds; r++) {
            for (int i = 0; i < n; i++) {
                boolean baseFirst = (r + i) % 2 == 0;
                for (int k = 0; k < 2; k++) {
                    boolean isBase = baseFirst == (k == 0);
                    long t = System.nanoTime();
                    int faces = (isBase ? base : after).apply(photos.get(i));
                    double ms = (System.nanoTime() - t) / 1e6;
                    if (isBase) {
                        msBefore[i][r] = ms;
                        facesBefore[i] = faces;
                    } else {
                        msAfter[i][r] = ms;
                        facesAfter[i] = faces;
                    }
                }
            }
        }
        System.out.printf(Locale.ROOT, "%-44s %10s %9s %9s %6s  %s%n", "photo", "size", "before ms", "after ms", "ratio",
            "faces before -> after");
        double[] medBefore = new double[n];
        double[] medAfter = new double[n];
        for (int i = 0; i < n; i++) {
            medBefore[i] = median(msBefore[i]);
            medAfter[i] = median(msAfter[i]);
            System.out.printf(Locale.ROOT, "%-44s %10s %9.1f %9.1f %6.2f  %d -> %d%n", names.get(i),
                photos.get(i).getWidth() + "x" + photos.get(i).getHeight(), medBefore[i], medAfter[i],
                medAfter[i] / medBefore[i], facesBefore[i], facesAfter[i]);
        }
        System.out.printf(Locale.ROOT, "%nMedian over %d photos of 0.75-1.5 MP (each photo's median of %d rounds): before %.1f ms, "
            + "after %.1f ms, after/before %.2f%n", n, rounds, median(medBefore), median(medAfter),
            median(medAfter) / median(medBefore));
    }

    /** The other build's engine, by reflection through its own class loader: photo -> number of faces. */
    private static Function<BufferedImage, Integer> otherEngine(Path jar) throws Exception {
        URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
        Class<?> type = loader.loadClass("dev.rekoface.engine.FaceEngine");
        Object engine = type.getMethod("load").invoke(null);
        Method detect = type.getMethod("detect", BufferedImage.class);
        return img -> {
            try {
                return ((List<?>) detect.invoke(engine, img)).size();
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("the other engine failed", e);
            }
        };
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
