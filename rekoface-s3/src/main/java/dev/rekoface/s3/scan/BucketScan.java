package dev.rekoface.s3.scan;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import dev.rekoface.FaceCollection;
import dev.rekoface.InvalidArgumentException;
import dev.rekoface.InvalidImageException;
import dev.rekoface.RekofaceClient;
import dev.rekoface.RekofaceException;
import dev.rekoface.batch.Batch;
import dev.rekoface.batch.BatchOutcome;
import dev.rekoface.batch.BatchRun;
import dev.rekoface.image.ImageSource;
import dev.rekoface.image.S3ImageReference;
import dev.rekoface.model.BoundingBox;
import dev.rekoface.model.FaceAttributes;
import dev.rekoface.model.FaceComparison;
import dev.rekoface.model.FaceDetails;
import dev.rekoface.model.FaceMatch;
import dev.rekoface.model.FaceSearch;
import dev.rekoface.model.Match;
import dev.rekoface.model.QualityFilter;
import dev.rekoface.model.Threshold;
import dev.rekoface.s3.S3Images;
import dev.rekoface.s3.S3ObjectInfo;
import dev.rekoface.s3.S3Uri;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scans every object under an S3 prefix: compares each image with a reference face ("where is Ric?"), detects its
 * faces, or recognizes the people of a collection in it, and writes one JSON line per object.
 *
 * <pre>{@code
 * ScanSummary s = BucketScan.builder()
 *     .images(s3).client(reko)                                     // S3Images, RekofaceClient
 *     .source(S3Uri.parse("s3://image-demo-lab/"))
 *     .findFace(ImageSource.fromFile(Path.of("ric.jpg")), Threshold.percent(90))
 *     .output(Path.of("ric.jsonl")).resume(true)
 *     .onProgress(p -> System.out.print("\r" + p.written() + " objects"))
 *     .build().run();
 * }</pre>
 *
 * <p>How it works: the listing is read page by page; objects are picked by their bytes (a ranged read of the first
 * 64 KB: JPEG or PNG, at least 80 px), never by their extension; an object whose ETag was seen before is a
 * {@code duplicate} of the first; the Rekognition calls run as a {@link Batch} through the client, so the client's
 * rate limit keeps the scan at the account's quota and its retry policy absorbs throttles and server errors.
 *
 * <p>Output: one line per object <em>in key order</em>:
 * {@code {"key":..., "status":..., "size":..., "etag":..., "matches":[{"similarity":..., "box":{...}}], "error":...}}
 * with status {@code match}, {@code no_match}, {@code no_face}, {@code faces} (detection), {@code skipped} (with a
 * {@code reason}), {@code duplicate} (with {@code duplicateOf}) or {@code error}. Because lines are written in key
 * order, the file is its own checkpoint: {@link Builder#resume(boolean) resume} drops a torn last line, continues after
 * the last key written, and a resumed scan produces exactly the file an uninterrupted one would. Memory stays flat in
 * the number of keys, except for the ETags seen (for duplicate detection).
 */
public final class BucketScan {
    private static final Logger LOG = LoggerFactory.getLogger(BucketScan.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What the scan does with each image. */
    private sealed interface Mode permits FindFace, Detect, Recognize {
    }

    private record FindFace(ImageSource reference, Threshold threshold) implements Mode {
    }

    private record Detect(FaceAttributes attributes) implements Mode {
    }

    private record Recognize(FaceCollection collection, Threshold threshold) implements Mode {
    }

    private final S3Images images;
    private final RekofaceClient client;
    private final S3Uri source;
    private final Mode mode;
    private final Path output;
    private final boolean resume;
    private final int concurrency;
    private final Consumer<ScanProgress> progress;

    private BucketScan(Builder b) {
        this.images = Objects.requireNonNull(b.images, "images");
        this.client = Objects.requireNonNull(b.client, "client");
        this.source = Objects.requireNonNull(b.source, "source");
        this.mode = Objects.requireNonNull(b.mode, "mode: call findFace, detectFaces or recognize");
        this.output = Objects.requireNonNull(b.output, "output");
        this.resume = b.resume;
        this.concurrency = b.concurrency;
        this.progress = b.progress;
    }

    /** Returns a builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** One listed object with its place in the output and, for objects decided without a call, its line. */
    private record Item(S3ObjectInfo object, ObjectNode decided) {
    }

    /**
     * Runs the scan to the end of the listing.
     *
     * @return the summary
     * @throws InvalidArgumentException if the output exists and resume is off, or the reference has no face
     */
    public ScanSummary run() {
        long start = System.nanoTime();
        Map<String, Long> byStatus = new TreeMap<>();
        Map<String, String> etags = new HashMap<>();
        String resumedAfter = prepareOutput(byStatus, etags);
        checkReference();
        AtomicLong written = new AtomicLong();
        AtomicLong matched = new AtomicLong();
        AtomicLong skipped = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        Stream<Item> items = images.list(source, resumedAfter).map(o -> classify(o, etags));
        try (BufferedWriter out = Files.newBufferedWriter(output, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                 StandardOpenOption.APPEND);
             BatchRun<Item, ObjectNode> run = Batch.of(items).concurrency(concurrency).run(this::process)) {
            TreeMap<Long, ObjectNode> pending = new TreeMap<>();
            long next = 0;
            for (BatchOutcome<Item, ObjectNode> o : run) {
                ObjectNode line = o.result().orElseGet(() -> errorLine(o.item().object(), o.error().orElseThrow()));
                pending.put(o.index(), line);
                while (pending.containsKey(next)) {
                    ObjectNode l = pending.remove(next++);
                    out.write(JSON.writeValueAsString(l));
                    out.write('\n');
                    out.flush();
                    String status = l.get("status").asString();
                    byStatus.merge(status, 1L, Long::sum);
                    written.incrementAndGet();
                    switch (status) {
                        case "match", "faces" -> matched.incrementAndGet();
                        case "skipped", "duplicate" -> skipped.incrementAndGet();
                        case "error" -> failed.incrementAndGet();
                        default -> { }
                    }
                    progress.accept(new ScanProgress(written.get(), matched.get(), skipped.get(), failed.get(),
                        Duration.ofNanos(System.nanoTime() - start)));
                }
            }
            run.completion().join();
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write scan output " + output + ": " + reason(e, output), e);
        }
        force();
        long lines = byStatus.values().stream().mapToLong(Long::longValue).sum();
        return new ScanSummary(output, lines, byStatus, resumedAfter, Duration.ofNanos(System.nanoTime() - start));
    }

    /** Decides duplicates and oversize objects in listing order, before any call. */
    private Item classify(S3ObjectInfo o, Map<String, String> etags) {
        if (!o.etag().isEmpty()) {
            String first = etags.putIfAbsent(o.etag(), o.key());
            if (first != null) {
                return new Item(o, base(o, "duplicate").put("duplicateOf", first));
            }
        }
        if (o.size() == 0) {
            return new Item(o, base(o, "skipped").put("reason", "empty object"));
        }
        if (o.size() > S3ImageReference.MAX_OBJECT_BYTES) {
            return new Item(o, base(o, "skipped").put("reason", "over 15 MB, the largest S3 object Rekognition reads"));
        }
        return new Item(o, null);
    }

    private ObjectNode process(Item item) {
        if (item.decided() != null) {
            return item.decided();
        }
        S3ObjectInfo o = item.object();
        S3ImageReference ref;
        try {
            ref = images.check(o.uri());
        } catch (InvalidImageException e) {
            if (e.reason() == InvalidImageException.Reason.INVALID_S3_OBJECT) {
                throw e;
            }
            return base(o, "skipped").put("reason", e.getMessage());
        }
        ObjectNode line = base(o, "no_face");
        ArrayNode matches = line.putArray("matches");
        if (mode instanceof FindFace f) {
            FaceComparison cmp = client.compareFaces(f.reference(), ref, f.threshold(), QualityFilter.NONE);
            for (Match m : cmp.matches()) {
                ObjectNode n = matches.addObject().put("similarity", round(m.similarity()));
                box(n, m.face().boundingBox());
            }
            line.put("faces", cmp.matches().size() + cmp.unmatchedFaces().size());
            line.put("status", !cmp.matches().isEmpty() ? "match" : cmp.unmatchedFaces().isEmpty() ? "no_face" : "no_match");
        } else if (mode instanceof Recognize r) {
            FaceSearch search = r.collection().searchByImage(ref, r.threshold(), 10);
            for (FaceMatch m : search.matches()) {
                ObjectNode n = matches.addObject().put("similarity", round(m.similarity()));
                m.face().personId().ifPresent(p -> n.put("personId", p));
                n.put("faceId", m.face().faceId());
                search.searchedFace().ifPresent(sf -> box(n, sf.boundingBox()));
            }
            line.put("status", search.searchedFace().isEmpty() ? "no_face" : search.matches().isEmpty() ? "no_match" : "match");
        } else if (mode instanceof Detect d) {
            List<FaceDetails> faces = client.detectFaces(ref, d.attributes());
            for (FaceDetails f : faces) {
                ObjectNode n = matches.addObject().put("confidence", round(f.confidence().orElse(0)));
                box(n, f.boundingBox());
                f.dominantEmotion().ifPresent(e -> n.put("emotion", e.rawType()));
            }
            line.put("faces", faces.size());
            line.put("status", faces.isEmpty() ? "no_face" : "faces");
        }
        return line;
    }

    private static ObjectNode base(S3ObjectInfo o, String status) {
        ObjectNode n = JSON.createObjectNode();
        n.put("key", o.key());
        n.put("status", status);
        n.put("size", o.size());
        n.put("etag", o.etag());
        return n;
    }

    private static ObjectNode errorLine(S3ObjectInfo o, RekofaceException e) {
        ObjectNode n = base(o, "error");
        n.put("error", e.getMessage());
        e.errorCode().ifPresent(c -> n.put("errorCode", c));
        return n;
    }

    private static void box(ObjectNode n, BoundingBox b) {
        n.putObject("box").put("left", round(b.left())).put("top", round(b.top())).put("width", round(b.width()))
            .put("height", round(b.height()));
    }

    private static double round(double v) {
        return Math.round(v * 1e4) / 1e4;
    }

    private void checkReference() {
        if (mode instanceof FindFace f && client.detectFaces(f.reference()).isEmpty()) {
            throw new InvalidArgumentException("reference", "the reference image " + f.reference().description()
                + " has no face to look for");
        }
    }

    /**
     * Prepares the output: refuses an existing file unless resuming; when resuming, drops a torn last line, reads
     * the counts, the ETags seen and the last key written.
     */
    private String prepareOutput(Map<String, Long> byStatus, Map<String, String> etags) {
        if (!Files.exists(output)) {
            return null;
        }
        if (!resume) {
            throw new InvalidArgumentException("output", "scan output " + output + " already exists; resume the scan, "
                + "or choose another file (nothing was overwritten)");
        }
        String last = null;
        try (RandomAccessFile f = new RandomAccessFile(output.toFile(), "rw")) {
            long length = f.length();
            long end = length;
            while (end > 0) {
                f.seek(end - 1);
                if (f.read() == '\n') {
                    break;
                }
                end--;
            }
            if (end < length) {
                LOG.info("Dropping a torn last line ({} bytes) of {}", length - end, output);
                f.setLength(end);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot repair scan output " + output + ": " + reason(e, output), e);
        }
        try (Stream<String> lines = Files.lines(output, StandardCharsets.UTF_8)) {
            for (String l : (Iterable<String>) lines::iterator) {
                if (l.isBlank()) {
                    continue;
                }
                JsonNode n = JSON.readTree(l);
                last = n.get("key").asString();
                byStatus.merge(n.get("status").asString(), 1L, Long::sum);
                if (n.hasNonNull("etag") && !n.get("etag").asString().isEmpty()) {
                    etags.putIfAbsent(n.get("etag").asString(), last);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read scan output " + output + " to resume: " + reason(e, output), e);
        } catch (JacksonException e) {
            IOException io = new IOException(e.getMessage(), e);
            throw new UncheckedIOException("cannot read scan output " + output + " to resume: " + reason(io, output), io);
        }
        LOG.info("Resuming the scan of {} after key '{}' ({} lines already written)", source, last,
            byStatus.values().stream().mapToLong(Long::longValue).sum());
        return last;
    }

    /** Says why a file operation failed, e.g. {@code no such directory /no/such/dir}. */
    static String reason(IOException e, Path file) {
        Path parent = file.toAbsolutePath().getParent();
        if (e instanceof NoSuchFileException) {
            return parent != null && !Files.isDirectory(parent) ? "no such directory " + parent : "no such file " + file;
        }
        if (e instanceof AccessDeniedException a) {
            return "permission denied on " + (a.getFile() != null ? a.getFile() : file);
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason().toLowerCase(java.util.Locale.ROOT) + (f.getFile() != null ? " (" + f.getFile() + ")" : "");
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    private void force() {
        try (FileChannel ch = FileChannel.open(output, StandardOpenOption.WRITE)) {
            ch.force(true);
        } catch (IOException e) {
            LOG.debug("could not sync {}: {}", output, e.getMessage());
        }
    }

    /** Builds a {@link BucketScan}. */
    public static final class Builder {
        private S3Images images;
        private RekofaceClient client;
        private S3Uri source;
        private Mode mode;
        private Path output;
        private boolean resume;
        private int concurrency = 16;
        private Consumer<ScanProgress> progress = p -> { };

        private Builder() {
        }

        /** Sets the S3 access (listing and the checks). */
        public Builder images(S3Images images) {
            this.images = Objects.requireNonNull(images, "images");
            return this;
        }

        /** Sets the Rekognition client; its rate limit and retry policy govern the scan's calls. */
        public Builder client(RekofaceClient client) {
            this.client = Objects.requireNonNull(client, "client");
            return this;
        }

        /** Sets what to scan: {@code s3://bucket} or {@code s3://bucket/prefix}. */
        public Builder source(S3Uri source) {
            this.source = Objects.requireNonNull(source, "source");
            return this;
        }

        /**
         * Looks for the largest face of a reference image in every object (CompareFaces).
         *
         * @param reference the person to find
         * @param threshold the lowest similarity reported as a match
         * @return this builder
         */
        public Builder findFace(ImageSource reference, Threshold threshold) {
            this.mode = new FindFace(Objects.requireNonNull(reference, "reference"), Objects.requireNonNull(threshold, "threshold"));
            return this;
        }

        /**
         * Detects the faces of every object (DetectFaces).
         *
         * @param attributes which attributes
         * @return this builder
         */
        public Builder detectFaces(FaceAttributes attributes) {
            this.mode = new Detect(Objects.requireNonNull(attributes, "attributes"));
            return this;
        }

        /**
         * Recognizes the people of a collection in every object (SearchFacesByImage).
         *
         * @param collection the collection
         * @param threshold the lowest similarity
         * @return this builder
         */
        public Builder recognize(FaceCollection collection, Threshold threshold) {
            this.mode = new Recognize(Objects.requireNonNull(collection, "collection"), Objects.requireNonNull(threshold, "threshold"));
            return this;
        }

        /** Sets the JSONL output file. */
        public Builder output(Path output) {
            this.output = Objects.requireNonNull(output, "output");
            return this;
        }

        /** Continues an interrupted scan of the same source into the same output (default false: refuse to overwrite). */
        public Builder resume(boolean resume) {
            this.resume = resume;
            return this;
        }

        /**
         * Sets how many objects are processed at once (default 16; for full speed at least the quota times the call
         * latency).
         *
         * @param concurrency 1-1,000
         * @return this builder
         */
        public Builder concurrency(int concurrency) {
            if (concurrency < 1 || concurrency > 1000) {
                throw new InvalidArgumentException("concurrency", "scan concurrency " + concurrency + " is out of range 1-1000");
            }
            this.concurrency = concurrency;
            return this;
        }

        /** Receives the progress after each line written (on the scanning thread). */
        public Builder onProgress(Consumer<ScanProgress> listener) {
            this.progress = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /** Builds the scan. */
        public BucketScan build() {
            return new BucketScan(this);
        }
    }
}
