package dev.rekoface.internal;

import dev.rekoface.InvalidArgumentException;
import dev.rekoface.image.ImageSource;
import dev.rekoface.image.LocalImage;
import dev.rekoface.internal.operation.Checks;
import dev.rekoface.internal.operation.DetectFacesOperation;
import dev.rekoface.internal.operation.Invoker;
import dev.rekoface.model.FaceAttributes;
import dev.rekoface.model.FaceDetails;
import dev.rekoface.model.FaceMatch;
import dev.rekoface.model.FaceRecognition;
import dev.rekoface.model.FaceSearch;
import dev.rekoface.model.ImageSize;
import dev.rekoface.model.Recognition;
import dev.rekoface.model.Threshold;
import dev.rekoface.model.UnsearchedReason;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * "Who is in this photo?": DetectFaces once, then one SearchFacesByImage per face on a crop of it, at most
 * {@link #MAX_IN_FLIGHT} at a time. Every call goes through the invoker, so the client's rate limit, retries and
 * circuit breaker apply as for any call.
 */
final class RecognizeAll {
    /** The most searches of one photo in flight at once; the client's rate limit paces them further. */
    static final int MAX_IN_FLIGHT = 4;
    private static final Logger LOG = LoggerFactory.getLogger(RecognizeAll.class);

    private RecognizeAll() {
    }

    /**
     * Recognises every face of a photo.
     *
     * @param invoker runs DetectFaces
     * @param image the photo; must be local (its pixels are cropped)
     * @param threshold the lowest similarity
     * @param search searches a collection with a crop at a threshold, one match at most
     * @return one result per detected face, in detection order
     */
    static CompletableFuture<List<FaceRecognition>> run(Invoker invoker, ImageSource image, Threshold threshold,
                                                        BiFunction<ImageSource, Threshold, CompletableFuture<FaceSearch>> search) {
        Checks.notNull(image, "image");
        Checks.notNull(threshold, "face match threshold");
        if (!(image instanceof LocalImage photo)) {
            throw new InvalidArgumentException("image", "recognizeAll needs the pixels of the photo to crop each face, but "
                + image.description() + " is an S3 reference; read the object and pass its bytes (ImageSource.fromBytes)");
        }
        return invoker.invoke(DetectFacesOperation.INSTANCE, new DetectFacesOperation.Input(photo, FaceAttributes.DEFAULT))
            .thenCompose(faces -> faces.isEmpty() ? CompletableFuture.completedFuture(List.<FaceRecognition>of())
                : recognise(photo, faces, threshold, search));
    }

    private static CompletableFuture<List<FaceRecognition>> recognise(
            LocalImage photo, List<FaceDetails> faces, Threshold threshold,
            BiFunction<ImageSource, Threshold, CompletableFuture<FaceSearch>> search) {
        BufferedImage upright = photo.decodeUpright();
        ImageSize geometry = photo.geometrySize().orElseGet(photo::displayedSize);
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < faces.size(); i++) {
            order.add(i);
        }
        LOG.debug("recognizeAll: {} face(s) in {}", faces.size(), photo.description());
        return bounded(order, MAX_IN_FLIGHT, i -> {
            FaceDetails face = faces.get(i);
            FaceRecognition.Builder result = FaceRecognition.builder().face(face)
                .pixelBox(face.pixelBox().orElseGet(() -> face.boundingBox().toPixels(geometry)));
            double shorter = Math.min(face.boundingBox().width() * geometry.width(),
                face.boundingBox().height() * geometry.height());
            if (shorter < FaceRecognition.MIN_FACE_PIXELS) {
                return CompletableFuture.completedFuture(result.unsearchedReason(UnsearchedReason.TOO_SMALL).build());
            }
            LocalImage crop = FaceCrops.crop(upright, face.boundingBox(), photo.description());
            return search.apply(crop, threshold).thenApply(found -> {
                if (found.searchedFace().isEmpty()) {
                    return result.unsearchedReason(UnsearchedReason.NO_FACE_IN_CROP).build();
                }
                found.bestMatch().ifPresent((FaceMatch best) -> result.match(new Recognition(best.face().personId(),
                    best.similarity(), best.face(), found.searchedFace().get())));
                return result.build();
            });
        });
    }

    /**
     * Runs a task per item with at most {@code max} futures pending, and collects the results in the items' order.
     * The first failure fails the whole and starts nothing more.
     */
    static <T, R> CompletableFuture<List<R>> bounded(List<T> items, int max, Function<T, CompletableFuture<R>> task) {
        int n = items.size();
        CompletableFuture<List<R>> all = new CompletableFuture<>();
        if (n == 0) {
            all.complete(List.of());
            return all;
        }
        Object[] results = new Object[n];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        AtomicBoolean failed = new AtomicBoolean();
        Runnable[] launch = new Runnable[1];
        launch[0] = () -> {
            int i = next.getAndIncrement();
            if (i >= n || failed.get()) {
                return;
            }
            CompletableFuture<R> f;
            try {
                f = task.apply(items.get(i));
            } catch (RuntimeException e) {
                f = CompletableFuture.failedFuture(e);
            }
            f.whenComplete((r, t) -> {
                if (t != null) {
                    if (failed.compareAndSet(false, true)) {
                        all.completeExceptionally(t);
                    }
                    return;
                }
                results[i] = r;
                if (done.incrementAndGet() == n) {
                    @SuppressWarnings("unchecked")
                    List<R> list = (List<R>) Arrays.asList(results);
                    all.complete(List.copyOf(list));
                } else {
                    launch[0].run();
                }
            });
        };
        for (int k = 0; k < Math.min(max, n); k++) {
            launch[0].run();
        }
        return all;
    }
}
