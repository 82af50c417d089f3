package dev.rekoface.internal.operation;

import dev.rekoface.Operation;
import dev.rekoface.image.ImageSource;
import dev.rekoface.internal.mapper.CollectionMapper;
import dev.rekoface.internal.mapper.ErrorMapper;
import dev.rekoface.internal.mapper.SdkImages;
import dev.rekoface.model.FaceSearch;
import dev.rekoface.model.QualityFilter;
import dev.rekoface.model.Threshold;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.services.rekognition.RekognitionAsyncClient;
import software.amazon.awssdk.services.rekognition.RekognitionClient;
import software.amazon.awssdk.services.rekognition.model.SearchFacesByImageRequest;
import software.amazon.awssdk.services.rekognition.model.SearchFacesByImageResponse;

/**
 * SearchFacesByImage: the stored faces most similar to an image's largest face, best first. An image without a face is
 * an empty search.
 */
public final class SearchFacesByImageOperation
    implements RekognitionOperation<SearchFacesByImageOperation.Input, SearchFacesByImageRequest, SearchFacesByImageResponse, FaceSearch> {

    /** The shared instance; stateless. */
    public static final SearchFacesByImageOperation INSTANCE = new SearchFacesByImageOperation();

    /**
     * The input.
     *
     * @param collectionId the collection
     * @param image the image whose largest face is searched for
     * @param threshold the lowest similarity returned
     * @param maxFaces the most matches returned
     * @param qualityFilter the quality filter of the searched face
     */
    public record Input(String collectionId, ImageSource image, Threshold threshold, int maxFaces, QualityFilter qualityFilter) {
    }

    private SearchFacesByImageOperation() {
    }

    @Override
    public Operation operation() {
        return Operation.SEARCH_FACES_BY_IMAGE;
    }

    @Override
    public SearchFacesByImageRequest generateRequest(SearchFacesByImageOperation.Input input) {
        Checks.collectionId(input.collectionId());
        Checks.notNull(input.image(), "image");
        Checks.notNull(input.threshold(), "face match threshold");
        Checks.notNull(input.qualityFilter(), "quality filter");
        Checks.range(input.maxFaces(), 1, Limits.MAX_SEARCH_FACES, "maxFaces");
        return SearchFacesByImageRequest.builder().collectionId(input.collectionId())
            .image(SdkImages.toSdk(input.image(), "image")).faceMatchThreshold(input.threshold().asFloat())
            .maxFaces(input.maxFaces()).qualityFilter(input.qualityFilter().name()).build();
    }

    @Override
    public SearchFacesByImageResponse serviceCall(RekognitionClient client, SearchFacesByImageRequest request) {
        return client.searchFacesByImage(request);
    }

    @Override
    public CompletableFuture<SearchFacesByImageResponse> asyncServiceCall(RekognitionAsyncClient client,
                                                                          SearchFacesByImageRequest request) {
        return client.searchFacesByImage(request);
    }

    @Override
    public FaceSearch transformResponse(SearchFacesByImageResponse response, SearchFacesByImageOperation.Input input) {
        return CollectionMapper.faceSearch(response, Checks.size(input.image()));
    }

    @Override
    public Optional<FaceSearch> transformError(Throwable failure, Input input) {
        return ErrorMapper.isNoFace(failure) ? Optional.of(CollectionMapper.noFaceSearch()) : Optional.empty();
    }

    @Override
    public String resource(Input input) {
        return Resources.collection(input.collectionId());
    }
}
