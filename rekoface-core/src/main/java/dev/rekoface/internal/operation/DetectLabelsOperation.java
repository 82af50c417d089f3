package dev.rekoface.internal.operation;

import dev.rekoface.Operation;
import dev.rekoface.image.ImageSource;
import dev.rekoface.internal.mapper.LabelMapper;
import dev.rekoface.internal.mapper.SdkImages;
import dev.rekoface.model.Label;
import dev.rekoface.model.Threshold;
import java.util.List;
import software.amazon.awssdk.services.rekognition.RekognitionAsyncClient;
import software.amazon.awssdk.services.rekognition.RekognitionClient;
import software.amazon.awssdk.services.rekognition.model.DetectLabelsRequest;
import software.amazon.awssdk.services.rekognition.model.DetectLabelsResponse;

/** DetectLabels: objects and scenes in an image. */
public final class DetectLabelsOperation
    extends SdkOperation<DetectLabelsOperation.Input, DetectLabelsRequest, DetectLabelsResponse, List<Label>> {

    /** The shared instance; stateless. */
    public static final DetectLabelsOperation INSTANCE = new DetectLabelsOperation();
    /** The largest maxLabels accepted. */
    public static final int MAX_LABELS = 1000;

    /**
     * The input.
     *
     * @param image the image
     * @param maxLabels the most labels to return
     * @param minConfidence the lowest confidence to return
     */
    public record Input(ImageSource image, int maxLabels, Threshold minConfidence) {
    }

    private DetectLabelsOperation() {
        super(Operation.DETECT_LABELS, RekognitionClient::detectLabels, RekognitionAsyncClient::detectLabels);
    }

    @Override
    public DetectLabelsRequest generateRequest(Input input) {
        Checks.notNull(input.image(), "image");
        Checks.range(input.maxLabels(), 1, MAX_LABELS, "maxLabels");
        Checks.notNull(input.minConfidence(), "minimum confidence");
        Checks.labelsSize(input.image());
        return DetectLabelsRequest.builder()
            .image(SdkImages.toSdk(input.image(), "image"))
            .maxLabels(input.maxLabels())
            .minConfidence(input.minConfidence().asFloat())
            .build();
    }

    @Override
    public List<Label> transformResponse(DetectLabelsResponse response, Input input) {
        return LabelMapper.detectLabels(response);
    }
}
