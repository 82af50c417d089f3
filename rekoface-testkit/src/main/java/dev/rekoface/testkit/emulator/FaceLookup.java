package dev.rekoface.testkit.emulator;

import tools.jackson.databind.JsonNode;
import dev.rekoface.model.BoundingBox;
import dev.rekoface.model.FaceDetails;
import dev.rekoface.model.ImageSize;
import dev.rekoface.model.Pose;
import dev.rekoface.model.Quality;
import dev.rekoface.testkit.emulator.EmulatorState.FaceRecord;
import dev.rekoface.testkit.faces.CatalogueFaceSource;
import dev.rekoface.testkit.faces.FaceSource;
import dev.rekoface.testkit.faces.SimulatedFaceSource;
import dev.rekoface.testkit.faces.SourceFace;
import dev.rekoface.testkit.faces.UnreadableImageException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The faces of an image and how similar two faces are, from the chain of {@link FaceSource}s (catalogue, engine,
 * added sources, simulated fallback; see {@link #chain}), and why a face fails a quality filter. Thread-safe: faces
 * of recent images are cached by SHA-256.
 */
final class FaceLookup {
    private static final Logger LOG = LoggerFactory.getLogger(FaceLookup.class);

    private final List<FaceSource> sources;
    private final boolean enrichCatalogue;
    private final BoundedCache<String, List<SourceFace>> cache = new BoundedCache<>(256, Long.MAX_VALUE, l -> 1);

    /**
     * Creates the lookup.
     *
     * @param sources the chain, asked in order
     * @param enrichCatalogue whether catalogue faces take the descriptors the other sources compute for them
     */
    FaceLookup(List<FaceSource> sources, boolean enrichCatalogue) {
        this.sources = List.copyOf(sources);
        this.enrichCatalogue = enrichCatalogue;
    }

    /**
     * Assembles the chain of face sources: the catalogue (unless the engine is forced), the local face engine (when
     * on or forced), the added sources, and the simulated fallback (when on and no engine answers instead).
     *
     * @param catalogue the catalogue, or null for none
     * @param faceEngine whether to use the face engine for images the catalogue does not know
     * @param forceEngine whether to use the face engine for every image
     * @param added the sources added to the builder
     * @param simulatedFallback whether images no source knows get a simulated face
     * @return the chain, in the order it is asked
     */
    static List<FaceSource> chain(CatalogueFaceSource catalogue, boolean faceEngine, boolean forceEngine,
                                  List<FaceSource> added, boolean simulatedFallback) {
        List<FaceSource> chain = new ArrayList<>();
        if (catalogue != null && !forceEngine) {
            chain.add(catalogue);
        }
        if (faceEngine || forceEngine) {
            chain.add(new LazyEngineSource());
        }
        chain.addAll(added);
        if (simulatedFallback && !faceEngine && !forceEngine) {
            chain.add(new SimulatedFaceSource());
        }
        return chain;
    }

    /** Returns the names of the sources, in order (for the start-up log line). */
    List<String> names() {
        return sources.stream().map(FaceSource::name).toList();
    }

    /** The faces of an image, from the first source that knows it, largest first. */
    List<SourceFace> faces(ImageResolver.Resolved img) {
        List<SourceFace> cached = cache.get(img.sha256());
        if (cached != null) {
            return cached;
        }
        List<SourceFace> found = null;
        FaceSource from = null;
        for (FaceSource s : sources) {
            found = readPixels(() -> s.detect(img.image(), img.sha256()));
            if (found != null) {
                from = s;
                break;
            }
        }
        if (found == null) {
            found = List.of();
        }
        if (enrichCatalogue && from instanceof CatalogueFaceSource && !found.isEmpty()) {
            found = describeWithEngines(img, found, from);
        }
        List<SourceFace> sorted = new ArrayList<>(found);
        sorted.sort(Comparator.comparingDouble((SourceFace f) -> f.details().boundingBox().area()).reversed());
        List<SourceFace> result = List.copyOf(sorted);
        cache.put(img.sha256(), result);
        return result;
    }

    /**
     * Gives catalogue faces the descriptor the other sources (a face engine) compute for them from their hand-checked
     * geometry, so that catalogue faces compare with faces of images the catalogue does not know.
     */
    private List<SourceFace> describeWithEngines(ImageResolver.Resolved img, List<SourceFace> faces, FaceSource catalogue) {
        List<SourceFace> out = new ArrayList<>(faces);
        for (FaceSource s : sources) {
            if (s == catalogue || s instanceof SimulatedFaceSource) {
                continue;
            }
            for (int i = 0; i < out.size(); i++) {
                SourceFace c = out.get(i);
                if (c.descriptor().isEmpty()) {
                    Optional<float[]> d = readPixels(() -> s.describe(img.image(), img.sha256(), c.details()));
                    if (d.isPresent()) {
                        out.set(i, c.withDescriptor(d.get()));
                    }
                }
            }
        }
        return out;
    }

    /**
     * Runs a face source's work on an image's pixels; a source that cannot decode them gets the answer the service
     * gives for an image it cannot read.
     */
    private static <T> T readPixels(Supplier<T> work) {
        try {
            return work.get();
        } catch (UnreadableImageException e) {
            LOG.debug("face source could not read an image: {}", e.getMessage());
            throw ServiceError.badRequest("InvalidImageFormatException", ImageRules.INVALID_FORMAT);
        }
    }

    /**
     * What a search by image searches with (SearchFacesByImage, SearchUsersByImage).
     *
     * @param image the image
     * @param faces its faces, largest first
     * @param probe its largest face, when that passes the request's quality filter
     */
    record Probe(ImageResolver.Resolved image, List<SourceFace> faces, Optional<SourceFace> probe) {
    }

    /**
     * Reads the image of a search by image and finds the face it searches with: the image's largest, if it passes the
     * request's {@code QualityFilter} (default NONE).
     *
     * @param images reads the request's {@code Image}
     * @param req the request
     * @return the image's faces and the probe
     */
    Probe probe(ImageResolver images, JsonNode req) {
        ImageResolver.Resolved img = images.resolve(req.get("Image"));
        String filter = req.path("QualityFilter").asString("NONE");
        List<SourceFace> found = faces(img);
        boolean usable = !found.isEmpty() && qualityReason(img, found.get(0), filter) == null;
        return new Probe(img, found, usable ? Optional.of(found.get(0)) : Optional.empty());
    }

    /** How similar two faces are, in percent: identities first, then the sources, then a simulated low value. */
    double similarity(SourceFace a, SourceFace b) {
        if (a.identity().isPresent() && b.identity().isPresent()) {
            return CatalogueFaceSource.identitySimilarity(a, b);
        }
        for (FaceSource s : sources) {
            OptionalDouble r = s.similarity(a, b);
            if (r.isPresent()) {
                return Math.max(0, Math.min(100, r.getAsDouble()));
            }
        }
        String pair = a.details().boundingBox() + "|" + b.details().boundingBox();
        return 1.0 + Math.floorMod(pair.hashCode(), 2800) / 100.0;
    }

    /** Returns a stored face as the sources see faces: its box, identity and descriptor. */
    static SourceFace of(FaceRecord f) {
        FaceDetails d = FaceDetails.builder().boundingBox(new BoundingBox(f.left, f.top, f.width, f.height)).confidence(f.confidence).build();
        return new SourceFace(d, f.identity, f.descriptor, f.source);
    }

    /** The seed of a face's simulated attributes: the same face of the same image always gets the same ones. */
    static long seed(ImageResolver.Resolved img, SourceFace f) {
        return (img.sha256() + f.details().boundingBox()).hashCode() * 0x9E3779B97F4A7C15L;
    }

    /**
     * Tells why a face of an image fails a quality filter.
     *
     * @param img the image
     * @param f one of its faces
     * @param filter NONE, AUTO, LOW, MEDIUM or HIGH (null: NONE)
     * @return the service's reason (SMALL_BOUNDING_BOX, EXTREME_POSE, LOW_SHARPNESS, LOW_BRIGHTNESS), or null when the
     *     face passes
     */
    static String qualityReason(ImageResolver.Resolved img, SourceFace f, String filter) {
        if (filter == null || "NONE".equals(filter)) {
            return null;
        }
        double[] limits = switch (filter) { // sharpness, brightness, min side px, max |yaw|
            case "MEDIUM" -> new double[] {15, 15, 40, 60};
            case "HIGH" -> new double[] {30, 25, 60, 45};
            default -> new double[] {5, 5, 20, 80}; // LOW and AUTO
        };
        FaceDetails d = f.details();
        ImageSize size = img.image().displayedSize();
        Quality q = FaceRenderer.qualityOf(d, seed(img, f));
        Pose p = FaceRenderer.pose(d);
        double wpx = d.boundingBox().width() * size.width(), hpx = d.boundingBox().height() * size.height();
        if (Math.min(wpx, hpx) < limits[2]) {
            return "SMALL_BOUNDING_BOX";
        }
        if (Math.abs(p.yaw()) > limits[3] || Math.abs(p.pitch()) > limits[3]) {
            return "EXTREME_POSE";
        }
        if (q.sharpness() < limits[0]) {
            return "LOW_SHARPNESS";
        }
        if (q.brightness() < limits[1]) {
            return "LOW_BRIGHTNESS";
        }
        return null;
    }
}
