package dev.rekoface.internal;

import dev.rekoface.AsyncFaceCollection;
import dev.rekoface.PagedPublisher;
import dev.rekoface.RekofaceAsyncClient;
import dev.rekoface.RekofaceException;
import dev.rekoface.image.ImageSource;
import dev.rekoface.internal.operation.CompareFacesOperation;
import dev.rekoface.internal.operation.DetectFacesOperation;
import dev.rekoface.internal.operation.DetectLabelsOperation;
import dev.rekoface.internal.operation.Invoker;
import dev.rekoface.internal.operation.ListCollectionsOperation;
import dev.rekoface.internal.operation.PageRequest;
import dev.rekoface.model.CollectionSummary;
import dev.rekoface.model.FaceAttributes;
import dev.rekoface.model.FaceComparison;
import dev.rekoface.model.FaceDetails;
import dev.rekoface.model.Label;
import dev.rekoface.model.QualityFilter;
import dev.rekoface.model.Threshold;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** The non-blocking client: every call through an async {@link Invoker}. */
public final class DefaultRekofaceAsyncClient implements RekofaceAsyncClient {
    private final Invoker invoker;

    DefaultRekofaceAsyncClient(Invoker invoker) {
        this.invoker = invoker;
    }

    @Override
    public CompletableFuture<List<FaceDetails>> detectFaces(ImageSource image, FaceAttributes attributes) {
        return invoker.invoke(DetectFacesOperation.INSTANCE, new DetectFacesOperation.Input(image, attributes));
    }

    @Override
    public CompletableFuture<FaceComparison> compareFaces(ImageSource source, ImageSource target,
                                                          Threshold similarityThreshold, QualityFilter qualityFilter) {
        return invoker.invoke(CompareFacesOperation.INSTANCE,
            new CompareFacesOperation.Input(source, target, similarityThreshold, qualityFilter));
    }

    @Override
    public CompletableFuture<List<Label>> detectLabels(ImageSource image, int maxLabels, Threshold minConfidence) {
        return invoker.invoke(DetectLabelsOperation.INSTANCE, new DetectLabelsOperation.Input(image, maxLabels, minConfidence));
    }

    @Override
    public PagedPublisher<CollectionSummary> listCollections() {
        return Pager.publisher(token -> invoker.invoke(ListCollectionsOperation.INSTANCE, new PageRequest(null, token)));
    }

    @Override
    public AsyncFaceCollection collection(String collectionId) {
        return new DefaultAsyncFaceCollection(collectionId, invoker);
    }

    @Override
    public void close() {
        invoker.close();
    }
}
