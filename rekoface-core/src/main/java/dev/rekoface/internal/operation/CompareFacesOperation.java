package dev.rekoface.internal.operation;

import dev.rekoface.image.ImageSource;
import dev.rekoface.internal.ErrorMapper;
import dev.rekoface.internal.ModelMapper;
import dev.rekoface.internal.SdkImages;
import dev.rekoface.model.FaceComparison;
import dev.rekoface.model.QualityFilter;
import dev.rekoface.model.Threshold;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.services.rekognition.RekognitionAsyncClient;
import software.amazon.awssdk.services.rekognition.RekognitionClient;
import software.amazon.awssdk.services.rekognition.model.CompareFacesRequest;
import software.amazon.awssdk.services.rekognition.model.CompareFacesResponse;

/** CompareFaces: the largest source face against the target's faces. "No face" is an empty comparison. */
public final class CompareFacesOperation
    implements RekognitionOperation<CompareFacesOperation.Input, CompareFacesRequest, CompareFacesResponse, FaceComparison> {

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

    @Override
    public String name() {
        return "CompareFaces";
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
    public CompareFacesResponse serviceCall(RekognitionClient client, CompareFacesRequest request) {
        return client.compareFaces(request);
    }

    @Override
    public CompletableFuture<CompareFacesResponse> asyncServiceCall(RekognitionAsyncClient client, CompareFacesRequest request) {
        return client.compareFaces(request);
    }

    @Override
    public FaceComparison transformResponse(CompareFacesResponse response, Input input) {
        var sourceSize = Checks.size(input.source());
        var targetSize = Checks.size(input.target());
        FaceComparison.Builder b = FaceComparison.builder();
        ModelMapper.face(response.sourceImageFace(), sourceSize).ifPresent(b::sourceFace);
        if (response.hasFaceMatches()) {
            b.addAllMatches(ModelMapper.matches(response.faceMatches(), targetSize));
        }
        if (response.hasUnmatchedFaces()) {
            response.unmatchedFaces().forEach(f -> b.addUnmatchedFaces(ModelMapper.face(f, targetSize)));
        }
        return b.build();
    }

    @Override
    public Optional<FaceComparison> transformError(Throwable failure, Input input) {
        return ErrorMapper.isNoFace(failure) ? Optional.of(FaceComparison.builder().build()) : Optional.empty();
    }
}
