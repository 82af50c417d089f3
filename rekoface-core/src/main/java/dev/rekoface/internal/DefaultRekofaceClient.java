package dev.rekoface.internal;

import dev.rekoface.FaceCollection;
import dev.rekoface.RekofaceClient;
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
import java.util.stream.Stream;

/** The blocking client: every call through a sync {@link Invoker}. */
public final class DefaultRekofaceClient implements RekofaceClient {
    private final Invoker invoker;

    DefaultRekofaceClient(Invoker invoker) {
        this.invoker = invoker;
    }

    @Override
    public List<FaceDetails> detectFaces(ImageSource image, FaceAttributes attributes) {
        return Invoker.join(invoker.invoke(DetectFacesOperation.INSTANCE, new DetectFacesOperation.Input(image, attributes)));
    }

    @Override
    public FaceComparison compareFaces(ImageSource source, ImageSource target, Threshold similarityThreshold,
                                       QualityFilter qualityFilter) {
        return Invoker.join(invoker.invoke(CompareFacesOperation.INSTANCE,
            new CompareFacesOperation.Input(source, target, similarityThreshold, qualityFilter)));
    }

    @Override
    public List<Label> detectLabels(ImageSource image, int maxLabels, Threshold minConfidence) {
        return Invoker.join(invoker.invoke(DetectLabelsOperation.INSTANCE,
            new DetectLabelsOperation.Input(image, maxLabels, minConfidence)));
    }

    @Override
    public Stream<CollectionSummary> listCollections() {
        return Pager.stream(token -> invoker.invoke(ListCollectionsOperation.INSTANCE, new PageRequest(null, token)));
    }

    @Override
    public FaceCollection collection(String collectionId) {
        return new DefaultFaceCollection(new DefaultAsyncFaceCollection(collectionId, invoker));
    }

    @Override
    public void close() {
        invoker.close();
    }
}
