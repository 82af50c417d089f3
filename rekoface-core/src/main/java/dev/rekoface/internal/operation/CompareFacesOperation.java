package dev.rekoface.internal.operation;

import dev.rekoface.Operation;
import dev.rekoface.image.ImageSource;
import dev.rekoface.internal.mapper.ErrorMapper;
import dev.rekoface.internal.mapper.FaceMapper;
import dev.rekoface.internal.mapper.SdkImages;
import dev.rekoface.model.FaceComparison;
import dev.rekoface.model.QualityFilter;
import dev.rekoface.model.Threshold;
import java.util.Optional;
import software.amazon.awssdk.services.rekognition.RekognitionAsyncClient;
import software.amazon.awssdk.services.rekognition.RekognitionClient;
import software.amazon.awssdk.services.rekognition.model.CompareFacesRequest;
import software.amazon.awssdk.services.rekognition.model.CompareFacesResponse;

/** CompareFaces: the largest source face against the target's faces. "No face" is an empty comparison. */
public final class CompareFacesOperation
    extends SdkOperation<CompareFacesOperation.Input, CompareFacesRequest, CompareFacesResponse, FaceComparison> {

    /** The shared instance; stateless. */
    public static final CompareFacesOperation INSTANCE = new CompareFacesOperation();

    /**
     * The input.
     *
     * @param source the image whose largest face is compared
     * @param target the image whose faces are compared against it
     * @param threshold the similarity threshold
     * @param qualityFilter the quality filter
     */
    public record Input(ImageSource source, ImageSource target, Threshold threshold, QualityFilter qualityFilter) {
    }

    private CompareFacesOperation() {
        super(Operation.COMPARE_FACES, RekognitionClient::compareFaces, RekognitionAsyncClient::compareFaces);
    }

    @Override
    public CompareFacesRequest generateRequest(Input input) {
        Checks.notNull(input.source(), "source");
        Checks.notNull(input.target(), "target");
        Checks.notNull(input.threshold(), "similarity threshold");
        Checks.notNull(input.qualityFilter(), "quality filter");
        return CompareFacesRequest.builder()
            .sourceImage(SdkImages.toSdk(input.source(), "source"))
            .targetImage(SdkImages.toSdk(input.target(), "target"))
            .similarityThreshold(input.threshold().asFloat())
            .qualityFilter(input.qualityFilter().name())
            .build();
    }

    @Override
    public FaceComparison transformResponse(CompareFacesResponse response, Input input) {
        return FaceMapper.compareFaces(response, Checks.size(input.source()), Checks.size(input.target()));
    }

    @Override
    public Optional<FaceComparison> transformError(Throwable failure, Input input) {
        return ErrorMapper.isNoFace(failure) ? Optional.of(FaceMapper.noFaceComparison()) : Optional.empty();
    }
}
