package dev.rekoface.internal;

import dev.rekoface.RekofaceClient;
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
import software.amazon.awssdk.services.rekognition.RekognitionClient;

/** The blocking client. */
public final class DefaultRekofaceClient implements RekofaceClient {
    private final RekognitionClient client;
    private final boolean ownsClient;

    DefaultRekofaceClient(RekognitionClient client, boolean ownsClient) {
        this.client = client;
        this.ownsClient = ownsClient;
    }

    /** Returns the SDK client in use (for rekoface's own modules). */
    public RekognitionClient sdkClient() {
        return client;
    }

    @Override
    public List<FaceDetails> detectFaces(ImageSource image, FaceAttributes attributes) {
        return OperationExecutor.execute(DetectFacesOperation.INSTANCE, new DetectFacesOperation.Input(image, attributes), client);
    }

    @Override
    public FaceComparison compareFaces(ImageSource source, ImageSource target, Threshold similarityThreshold,
                                       QualityFilter qualityFilter) {
        return OperationExecutor.execute(CompareFacesOperation.INSTANCE,
            new CompareFacesOperation.Input(source, target, similarityThreshold, qualityFilter), client);
    }

    @Override
    public List<Label> detectLabels(ImageSource image, int maxLabels, Threshold minConfidence) {
        return OperationExecutor.execute(DetectLabelsOperation.INSTANCE,
            new DetectLabelsOperation.Input(image, maxLabels, minConfidence), client);
    }

    @Override
    public void close() {
        if (ownsClient) {
            client.close();
        }
    }
}
