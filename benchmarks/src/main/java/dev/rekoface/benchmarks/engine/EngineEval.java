package dev.rekoface.benchmarks.engine;

import dev.rekoface.benchmarks.Args;
import dev.rekoface.engine.EngineFace;
import dev.rekoface.engine.FaceDescriptor;
import dev.rekoface.engine.FaceEngine;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * How the pure-Java face engine does on labelled photos it was never tuned on: a report, not a JMH benchmark.
 *
 * <p>Reads an evaluation folder at run time (never copied into the project): {@code images/}, {@code faces.csv}
 * (file, faces, count_kind, ...) and {@code pairs.csv} (file_a, file_b, same). Every photo is decoded upright
 * ({@link FaceEngine#readUpright(Path)}) and searched with {@link FaceEngine#detect(BufferedImage)}.
 *
 * <p><b>Detection</b> against the stated counts, per {@code count_kind}: {@code exact}, {@code inspect},
 * {@code annotated}: found == count (and the totals found/expected; faces found beyond the count are false faces, a
 * lower bound since a false face may hide a miss); {@code min}: found &ge; count; {@code main}: found &ge; 1 (extra
 * faces are not counted as false: neighbours may be in frame); {@code many}: reported only. The folder gives counts,
 * not boxes, so there is no IoU recall.
 *
 * <p><b>Same/different</b> on {@code pairs.csv}: {@link FaceEngine#similarity} of the largest face of each photo,
 * accepted as the same person at the service's default CompareFaces threshold of 80 (similarity &ge; 80). It prints
 * the true-accept rate on same pairs, the false-accept rate on different pairs, the accuracy, min/median/max of the
 * similarities, the threshold range that would maximise accuracy (reported, not used), and the pairs skipped because a
 * photo had no face.
 *
 * <p><b>Time</b>: the median engine time per photo ({@code detect} on the decoded image, one thread), measured on a
 * second pass after a warm-up pass over all photos; also per megapixel, and for the photos of 0.75-1.5 MP.
 *
 * <pre>
 * mvn -B -q package -DskipTests -pl benchmarks -am
 * java -cp benchmarks/target/benchmarks.jar dev.rekoface.benchmarks.engine.EngineAccuracy --eval /work/shared/fixtures/eval
 * </pre>
 *
 * <p>{@code --eval} without a folder reads {@code ../shared/fixtures/eval} (relative to the working directory, the
 * repository root). Not thread-safe; a program.
 */
public final class EngineEval {
    /** The evaluation folder when {@code --eval} names none, relative to the repository root. */
    public static final String DEFAULT_DIR = "../shared/fixtures/eval";
    private static final double THRESHOLD = 80;
    private static final double ONE_MP_FROM = 0.75;
    private static final double ONE_MP_TO = 1.5;

    private EngineEval() {
    }

    /** One photo: its stated count and what the engine found. */
    private record Photo(String file, String kind, int expected, int width, int height, List<EngineFace> faces,
                         double detectMs, FaceDescriptor largest) {
    }

    /** One pair and its similarity (NaN when skipped). */
    private record Pair(String a, String b, boolean same, double similarity) {
    }

    /**
     * Prints the report.
     *
     * @param args {@code --eval DIR} (the folder; {@link #DEFAULT_DIR} when absent or given without a value)
     * @throws Exception on failure
     */
    public static void main(String[] args) throws Exception {
        String dirArg = Args.strArg(args, "--eval", DEFAULT_DIR);
        if (dirArg.startsWith("--")) {
            dirArg = DEFAULT_DIR;
        }
        Path dir = Path.of(dirArg);
        System.out.println("$ java -cp benchmarks/target/benchmarks.jar dev.rekoface.benchmarks.engine.EngineAccuracy "
            + String.join(" ", args));
        System.out.printf(Locale.ROOT, "# %s, %d cores, java %s %s%n", Instant.now().truncatedTo(ChronoUnit.MINUTES),
            Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
            System.getProperty("java.version.date", ""));
        Path facesCsv = dir.resolve("faces.csv");
        Path pairsCsv = dir.resolve("pairs.csv");
        if (!Files.isRegularFile(facesCsv) || !Files.isRegularFile(pairsCsv) || !Files.isDirectory(dir.resolve("images"))) {
            throw new IllegalArgumentException("not an evaluation folder (needs faces.csv, pairs.csv and images/): "
                + dir.toAbsolutePath().normalize());
        }
        System.out.println("# evaluation folder " + dir.toAbsolutePath().normalize() + " (read at run time, never copied)");
        long t0 = System.nanoTime();
        FaceEngine engine = FaceEngine.load();
        List<Map<String, String>> rows = readCsv(facesCsv);

        // Warm-up pass (untimed), so the timed pass measures a compiled engine.
        for (Map<String, String> row : rows) {
            engine.detect(FaceEngine.readUpright(dir.resolve("images").resolve(row.get("file"))));
        }
        Map<String, Photo> photos = new LinkedHashMap<>();
        for (Map<String, String> row : rows) {
            String file = row.get("file");
            BufferedImage upright = FaceEngine.readUpright(dir.resolve("images").resolve(file));
            long d0 = System.nanoTime();
            List<EngineFace> found = engine.detect(upright);
            double ms = (System.nanoTime() - d0) / 1e6;
            EngineFace biggest = found.stream()
                .max(Comparator.comparingDouble(f -> f.box().width() * f.box().height())).orElse(null);
            String count = row.getOrDefault("faces", "");
            photos.put(file, new Photo(file, row.get("count_kind"), count.isBlank() ? -1 : Integer.parseInt(count.trim()),
                upright.getWidth(), upright.getHeight(), found, ms, biggest == null ? null : engine.describe(upright, biggest)));
        }
        detection(photos.values());
        System.out.println();
        pairs(readCsv(pairsCsv), photos);
        System.out.println();
        timing(photos.values());
        System.out.printf(Locale.ROOT, "%nDone in %.1f s.%n", (System.nanoTime() - t0) / 1e9);
    }

    private static void detection(Iterable<Photo> photos) {
        System.out.println("== Detection: faces found against the stated count (faces.csv count_kind) ==");
        System.out.printf(Locale.ROOT, "%-44s %10s %-9s %8s %5s  %-8s %s%n", "photo", "size", "kind", "expected", "found",
            "verdict", "widths of the faces found (px)");
        Map<String, int[]> byKind = new TreeMap<>(); // photos, photos ok, expected, found, matched (min), extra
        for (Photo p : photos) {
            int found = p.faces().size();
            boolean ok = switch (p.kind()) {
                case "exact", "inspect", "annotated" -> found == p.expected();
                case "min" -> found >= p.expected();
                case "main" -> found >= 1;
                default -> true;
            };
            String verdict = switch (p.kind()) {
                case "many" -> "-";
                case "main" -> ok ? (found > 1 ? "ok (+" + (found - 1) + ")" : "ok") : "MISSED";
                default -> ok ? "ok" : (found < p.expected() ? "MISSED " + (p.expected() - found) : "EXTRA " + (found - p.expected()));
            };
            int[] t = byKind.computeIfAbsent(p.kind(), k -> new int[6]);
            t[0]++;
            t[1] += ok ? 1 : 0;
            t[2] += Math.max(0, p.expected());
            t[3] += found;
            t[4] += Math.min(found, Math.max(0, p.expected()));
            t[5] += Math.max(0, found - Math.max(0, p.expected()));
            StringBuilder widths = new StringBuilder();
            p.faces().stream().map(f -> f.box().width()).sorted(Comparator.reverseOrder())
                .forEach(w -> widths.append(widths.length() == 0 ? "" : " ").append(Math.round(w)));
            System.out.printf(Locale.ROOT, "%-44s %10s %-9s %8s %5d  %-8s %s%n", p.file(), p.width() + "x" + p.height(),
                p.kind(), p.expected() < 0 ? "-" : Integer.toString(p.expected()), found, verdict, widths);
        }
        System.out.println();
        System.out.println("Detection totals per count_kind:");
        int countedPhotos = 0;
        int countedOk = 0;
        int countedExpected = 0;
        int countedFound = 0;
        int countedMatched = 0;
        int countedExtra = 0;
        for (Map.Entry<String, int[]> e : byKind.entrySet()) {
            int[] t = e.getValue();
            String kind = e.getKey();
            switch (kind) {
                case "exact", "inspect", "annotated" -> {
                    printCounted(kind, t[1], t[0], t[3], t[2], t[4], t[5]);
                    countedPhotos += t[0];
                    countedOk += t[1];
                    countedExpected += t[2];
                    countedFound += t[3];
                    countedMatched += t[4];
                    countedExtra += t[5];
                }
                case "min" -> System.out.printf(Locale.ROOT, "  %-10s %2d/%-2d photos with found >= count; faces found %d, at least %d"
                    + " expected%n", kind + ":", t[1], t[0], t[3], t[2]);
                case "main" -> System.out.printf(Locale.ROOT, "  %-10s %2d/%-2d photos with a face found (>= 1); faces found %d"
                    + " (faces beyond one not counted as false: neighbours may be in frame)%n", kind + ":", t[1], t[0], t[3]);
                default -> System.out.printf(Locale.ROOT, "  %-10s %2d photo(s), no stated count; faces found %d%n",
                    kind + ":", t[0], t[3]);
            }
        }
        printCounted("all counted", countedOk, countedPhotos, countedFound, countedExpected, countedMatched, countedExtra);
        System.out.println("  (the folder gives counts, not face boxes: no recall at IoU >= 0.5 is computed)");
    }

    private static void printCounted(String what, int ok, int photos, int found, int expected, int matched, int extra) {
        System.out.printf(Locale.ROOT, "  %-10s %2d/%-2d photos with found == count; faces found %d of %d expected; recall at"
                + " most %d/%d = %.1f %% (found capped at each photo's count); %d face(s) beyond a count (false faces, at least)%n",
            what + ":", ok, photos, found, expected, matched, expected, pct(matched, expected), extra);
    }

    private static void pairs(List<Map<String, String>> rows, Map<String, Photo> photos) {
        List<Pair> pairs = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (Map<String, String> row : rows) {
            String a = row.get("file_a");
            String b = row.get("file_b");
            boolean same = "1".equals(row.get("same").trim());
            Photo pa = photos.get(a);
            Photo pb = photos.get(b);
            if (pa == null || pb == null) {
                throw new IllegalArgumentException("pairs.csv names a photo missing from faces.csv: " + (pa == null ? a : b));
            }
            if (pa.largest() == null || pb.largest() == null) {
                skipped.add(a + " / " + b + " (" + (same ? "same" : "different") + "; no face in "
                    + (pa.largest() == null ? a : b) + ")");
                continue;
            }
            pairs.add(new Pair(a, b, same, FaceEngine.similarity(pa.largest(), pb.largest())));
        }
        System.out.printf(Locale.ROOT, "== Same/different: %d pairs in pairs.csv; similarity = FaceEngine.similarity of the "
            + "largest face of each photo; same person at >= %.0f (CompareFaces' default) ==%n", rows.size(), THRESHOLD);
        System.out.println("('<' a same pair below 80, '>' a different pair at 80 or above)");
        pairs.stream().sorted(Comparator.comparing(Pair::same).reversed().thenComparingDouble(Pair::similarity))
            .forEach(p -> System.out.printf(Locale.ROOT, "  %s %-9s %5.1f  %-44s %s%n",
                p.same() ? (p.similarity() < THRESHOLD ? "<" : " ") : (p.similarity() >= THRESHOLD ? ">" : " "),
                p.same() ? "same" : "different", p.similarity(), p.a(), p.b()));
        List<Double> same = pairs.stream().filter(Pair::same).map(Pair::similarity).sorted().toList();
        List<Double> diff = pairs.stream().filter(p -> !p.same()).map(Pair::similarity).sorted().toList();
        long sameOk = same.stream().filter(s -> s >= THRESHOLD).count();
        long diffAccepted = diff.stream().filter(s -> s >= THRESHOLD).count();
        System.out.println();
        System.out.println("Same/different totals at 80:");
        System.out.printf(Locale.ROOT, "  true-accept rate (same pairs >= 80):       %d/%d = %.1f %%%n", sameOk, same.size(),
            pct(sameOk, same.size()));
        System.out.printf(Locale.ROOT, "  false-accept rate (different pairs >= 80): %d/%d = %.1f %%%n", diffAccepted,
            diff.size(), pct(diffAccepted, diff.size()));
        System.out.printf(Locale.ROOT, "  accuracy: %d/%d = %.1f %%%n", sameOk + diff.size() - diffAccepted, pairs.size(),
            pct(sameOk + diff.size() - diffAccepted, pairs.size()));
        System.out.printf(Locale.ROOT, "  similarity of same pairs:      min %5.1f, median %5.1f, max %5.1f%n", at(same, 0),
            median(same), at(same, same.size() - 1));
        System.out.printf(Locale.ROOT, "  similarity of different pairs: min %5.1f, median %5.1f, max %5.1f%n", at(diff, 0),
            median(diff), at(diff, diff.size() - 1));
        bestThreshold(pairs);
        System.out.printf(Locale.ROOT, "  pairs skipped because a photo had no face: %d%n", skipped.size());
        skipped.forEach(s -> System.out.println("    " + s));
    }

    /** Prints the threshold range (same if similarity >= t) that maximises accuracy; reported, not used. */
    private static void bestThreshold(List<Pair> pairs) {
        if (pairs.isEmpty()) {
            return;
        }
        List<Double> cuts = new ArrayList<>(pairs.stream().map(Pair::similarity).distinct().sorted().toList());
        cuts.add(Double.POSITIVE_INFINITY);
        int best = -1;
        double bestLo = 0;
        double bestHi = 0;
        double previous = Double.NEGATIVE_INFINITY;
        for (double t : cuts) {
            int right = 0;
            for (Pair p : pairs) {
                right += p.same() == (p.similarity() >= t) ? 1 : 0;
            }
            // Accuracy is the same for every threshold in (previous similarity, t].
            if (right > best) {
                best = right;
                bestLo = previous;
                bestHi = t;
            }
            previous = t;
        }
        System.out.printf(Locale.ROOT, "  best threshold (reported, not used): any t with %s < t <= %s gives %d/%d = %.1f %%"
                + " (midpoint %.1f)%n", fmt(bestLo), fmt(bestHi), best, pairs.size(), pct(best, pairs.size()),
            Double.isInfinite(bestLo) ? bestHi : Double.isInfinite(bestHi) ? bestLo : (bestLo + bestHi) / 2);
    }

    private static void timing(Iterable<Photo> photos) {
        List<Double> ms = new ArrayList<>();
        List<Double> msPerMp = new ArrayList<>();
        List<Double> mp = new ArrayList<>();
        for (Photo p : photos) {
            double megapixels = (double) p.width() * p.height() / 1e6;
            ms.add(p.detectMs());
            mp.add(megapixels);
            msPerMp.add(p.detectMs() / megapixels);
        }
        List<Double> aroundOneMp = new ArrayList<>();
        for (Photo p : photos) {
            double megapixels = (double) p.width() * p.height() / 1e6;
            if (megapixels >= ONE_MP_FROM && megapixels <= ONE_MP_TO) {
                aroundOneMp.add(p.detectMs());
            }
        }
        aroundOneMp.sort(null);
        ms.sort(null);
        mp.sort(null);
        msPerMp.sort(null);
        System.out.printf(Locale.ROOT, "== Engine time (FaceEngine.detect on the decoded upright photo, one thread, after a"
            + " warm-up pass) ==%n  %d photos of %.2f-%.2f MP (median %.2f MP): detect median %.1f ms (min %.1f, max %.1f);"
            + " per megapixel median %.0f ms%n", ms.size(), at(mp, 0), at(mp, mp.size() - 1), median(mp), median(ms), at(ms, 0),
            at(ms, ms.size() - 1), median(msPerMp));
        System.out.printf(Locale.ROOT, "  %d photos of %.2f-%.2f MP: detect median %.1f ms (min %.1f, max %.1f)%n",
            aroundOneMp.size(), ONE_MP_FROM, ONE_MP_TO, median(aroundOneMp), at(aroundOneMp, 0),
            at(aroundOneMp, aroundOneMp.size() - 1));
    }

    private static String fmt(double v) {
        return Double.isInfinite(v) ? (v < 0 ? "-inf" : "inf") : String.format(Locale.ROOT, "%.1f", v);
    }

    private static double pct(long part, long whole) {
        return whole == 0 ? Double.NaN : 100.0 * part / whole;
    }

    private static double at(List<Double> sorted, int i) {
        return sorted.isEmpty() ? Double.NaN : sorted.get(i);
    }

    private static double median(List<Double> sorted) {
        int n = sorted.size();
        return n == 0 ? Double.NaN : n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /** Reads a CSV file with a header line: commas, double-quoted fields, CRLF or LF line ends. */
    static List<Map<String, String>> readCsv(Path file) throws IOException {
        List<List<String>> records = parseCsv(Files.readString(file, StandardCharsets.UTF_8));
        if (records.isEmpty()) {
            throw new IllegalArgumentException("empty CSV file: " + file);
        }
        List<String> header = records.get(0);
        List<Map<String, String>> rows = new ArrayList<>();
        for (List<String> r : records.subList(1, records.size())) {
            if (r.size() == 1 && r.get(0).isBlank()) {
                continue;
            }
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                row.put(header.get(i).trim(), i < r.size() ? r.get(i) : "");
            }
            rows.add(row);
        }
        return rows;
    }

    private static List<List<String>> parseCsv(String text) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                record.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                record.add(field.toString());
                field.setLength(0);
                records.add(record);
                record = new ArrayList<>();
            } else {
                field.append(c);
            }
        }
        if (field.length() > 0 || !record.isEmpty()) {
            record.add(field.toString());
            records.add(record);
        }
        return records;
    }
}
