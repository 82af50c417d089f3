package dev.rekoface.internal;

import dev.rekoface.RekofaceAsyncClient;
import dev.rekoface.image.ImageSource;
import dev.rekoface.internal.operation.CompareFacesOperation;
import dev.rekoface.internal.operation.DetectFacesOperation;
import dev.rekoface.internal.operation.DetectLabelsOperation;
import dev.rekoface.model.FaceAttributes;
import dev.rekoface.model.FaceComparison;
import dev.rekoface.model.FaceDetails;
import dev.rekoface.model.Label;
import dev.rekoface.model.QualityFilter;
import dev.rekoface.model.Threshold;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.services.rekognition.RekognitionAsyncClient;

/** The non-blocking client. */
public final class DefaultRekofaceAsyncClient implements RekofaceAsyncClient {
    private final RekognitionAsyncClient client;
    private final boolean ownsClient;

    DefaultRekofaceAsyncClient(RekognitionAsyncClient client, boolean ownsClient) {
        this.client = client;
        this.ownsClient = ownsClient;
    }

    @Override
    public CompletableFuture<List<FaceDetails>> detectFaces(ImageSource image, FaceAttributes attributes) {
        return OperationExecutor.executeAsync(DetectFacesOperation.INSTANCE, new DetectFacesOperation.Input(image, attributes), client);
    }

    @Override
    public CompletableFuture<FaceComparison> compareFaces(ImageSource source, ImageSource target,
                                                          Threshold similarityThreshold, QualityFilter qualityFilter) {
        return OperationExecutor.executeAsync(CompareFacesOperation.INSTANCE,
            new CompareFacesOperation.Input(source, target, similarityThreshold, qualityFilter), client);
    }

    @Override
    public CompletableFuture<List<Label>> detectLabels(ImageSource image, int maxLabels, Threshold minConfidence) {
        return OperationExecutor.executeAsync(DetectLabelsOperation.INSTANCE,
            new DetectLabelsOperation.Input(image, maxLabels, minConfidence), client);
    }

    @Override
    public void close() {
        if (ownsClient) {
            client.close();
        }
    }
}
