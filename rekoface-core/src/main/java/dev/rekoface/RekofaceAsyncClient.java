package dev.rekoface;

import dev.rekoface.image.ImageSource;
import dev.rekoface.model.FaceAttributes;
import dev.rekoface.model.FaceComparison;
import dev.rekoface.model.FaceDetails;
import dev.rekoface.model.Label;
import dev.rekoface.model.QualityFilter;
import dev.rekoface.model.Threshold;
import dev.rekoface.model.CollectionSummary;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.http.async.SdkAsyncHttpClient;
import software.amazon.awssdk.services.rekognition.RekognitionAsyncClient;

/**
 * A non-blocking client for Amazon Rekognition's face analysis: every call returns a {@link CompletableFuture}.
 *
 * <pre>{@code
 * try (RekofaceAsyncClient reko = RekofaceAsyncClient.create()) {
 *     reko.detectFaces(ImageSource.fromFile(Path.of("group.jpg")), FaceAttributes.ALL)
 *         .thenAccept(faces -> faces.forEach(f -> System.out.println(f.dominantEmotion())))
 *         .join();
 * }
 * }</pre>
 *
 * <p>Thread-safe: share one instance. Every failure completes the future exceptionally with a
 * {@link RekofaceException} (wrapped in a {@link java.util.concurrent.CompletionException} by {@code join()}); invalid
 * input does so before any request is sent. Results have exactly the same
 * shape as {@link RekofaceClient}'s. {@link #close()} closes the SDK client only if rekoface created it.
 *
 * @see RekofaceClient
 */
public interface RekofaceAsyncClient extends AutoCloseable {

    /** Returns a builder. */
    static Builder builder() {
        return new dev.rekoface.internal.DefaultRekofaceAsyncClientBuilder();
    }

    /** Creates a client with the default region and credentials chains. */
    static RekofaceAsyncClient create() {
        return builder().build();
    }

    /**
     * Detects the faces of an image with the default attributes (box, confidence, landmarks, pose, quality); calls
     * DetectFaces.
     *
     * @param image the image
     * @return a future of the faces, largest first as the service orders them; empty when there is none
     */
    default CompletableFuture<List<FaceDetails>> detectFaces(ImageSource image) {
        return detectFaces(image, FaceAttributes.DEFAULT);
    }

    /**
     * Detects the faces of an image; calls DetectFaces.
     *
     * @param image the image
     * @param attributes {@link FaceAttributes#DEFAULT}, {@link FaceAttributes#ALL} or a chosen set
     * @return the faces; empty when there is none
     */
    CompletableFuture<List<FaceDetails>> detectFaces(ImageSource image, FaceAttributes attributes);

    /**
     * Compares the largest face of {@code source} with the faces of {@code target} at the default 80 % threshold;
     * calls CompareFaces.
     *
     * @param source the image with the reference face
     * @param target the image to search
     * @return a future of the comparison; its source face is empty when the source image has no face
     */
    default CompletableFuture<FaceComparison> compareFaces(ImageSource source, ImageSource target) {
        return compareFaces(source, target, Threshold.DEFAULT_SIMILARITY, QualityFilter.NONE);
    }

    /**
     * Compares faces with a similarity threshold in percent; calls CompareFaces.
     *
     * @param source the image with the reference face
     * @param target the image to search
     * @param similarityThreshold 0-100; 0.7 is refused ("did you mean 70?")
     * @return the comparison
     */
    default CompletableFuture<FaceComparison> compareFaces(ImageSource source, ImageSource target, double similarityThreshold) {
        try {
            return compareFaces(source, target, Threshold.of("similarity threshold", similarityThreshold), QualityFilter.NONE);
        } catch (RekofaceException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /**
     * Compares the largest face of {@code source} with the faces of {@code target}; calls CompareFaces.
     *
     * @param source the image with the reference face
     * @param target the image to search
     * @param similarityThreshold the lowest similarity reported as a match
     * @param qualityFilter which low-quality faces the service drops first
     * @return a future of the comparison; its source face is empty and it has no matches when the source image has no face
     */
    CompletableFuture<FaceComparison> compareFaces(ImageSource source, ImageSource target, Threshold similarityThreshold, QualityFilter qualityFilter);

    /**
     * Detects up to 100 labels with at least 55 % confidence; calls DetectLabels.
     *
     * @param image the image
     * @return the labels, most confident first
     */
    default CompletableFuture<List<Label>> detectLabels(ImageSource image) {
        return detectLabels(image, 100, Threshold.DEFAULT_LABEL_CONFIDENCE);
    }

    /**
     * Detects labels (objects, scenes, concepts); calls DetectLabels.
     *
     * @param image the image (at most 10,000 px per side)
     * @param maxLabels the most labels to return, 1-1000
     * @param minConfidence the lowest confidence to return
     * @return the labels
     */
    CompletableFuture<List<Label>> detectLabels(ImageSource image, int maxLabels, Threshold minConfidence);

    /**
     * Lists the collections of the account and region, following ListCollections' pages lazily.
     *
     * @return the collections
     */
    PagedPublisher<CollectionSummary> listCollections();

    /**
     * Returns a handle on a collection (which may not exist yet: see {@link AsyncFaceCollection#createIfAbsent()}).
     * No request is made.
     *
     * @param collectionId 1-255 of letters, digits, '_', '.' and '-'
     * @return the handle
     * @throws InvalidArgumentException if the id breaks Rekognition's rules
     */
    AsyncFaceCollection collection(String collectionId);

    /** Closes the SDK client if rekoface created it; a client supplied by the caller stays open. */
    @Override
    void close();

    /** Builds a {@link RekofaceAsyncClient}. Not thread-safe. */
    interface Builder extends RekofaceBuilder<Builder> {

        /**
         * Uses an SDK client the caller owns: rekoface never closes it. Region, credentials, endpoint and HTTP client
         * must then be configured on that client, not here.
         *
         * @param client the SDK client
         * @return this builder
         */
        Builder rekognitionClient(RekognitionAsyncClient client);

        /**
         * Uses an HTTP client of the caller's choice (Apache, URL connection, CRT) for the SDK client rekoface
         * builds. The caller owns it: rekoface never closes it.
         *
         * @param httpClient the HTTP client
         * @return this builder
         */
        Builder httpClient(SdkAsyncHttpClient httpClient);

        /**
         * Builds the client.
         *
         * @return the client
         * @throws InvalidArgumentException if the settings conflict
         */
        RekofaceAsyncClient build();
    }
}
