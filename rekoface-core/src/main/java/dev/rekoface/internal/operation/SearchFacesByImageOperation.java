package dev.rekoface.internal.operation;

import dev.rekoface.Operation;
import dev.rekoface.internal.mapper.CollectionMapper;
import dev.rekoface.internal.mapper.ErrorMapper;
import dev.rekoface.model.FaceSearch;
import java.util.Optional;
import software.amazon.awssdk.services.rekognition.RekognitionAsyncClient;
import software.amazon.awssdk.services.rekognition.RekognitionClient;
import software.amazon.awssdk.services.rekognition.model.SearchFacesByImageRequest;
import software.amazon.awssdk.services.rekognition.model.SearchFacesByImageResponse;

/**
 * SearchFacesByImage: the stored faces most similar to an image's largest face, best first. An image without a face is
 * an empty search.
 */
public final class SearchFacesByImageOperation
    extends SdkOperation<ImageSearchInput, SearchFacesByImageRequest, SearchFacesByImageResponse, FaceSearch> {

    /** The shared instance; stateless. */
    public static final SearchFacesByImageOperation INSTANCE = new SearchFacesByImageOperation();

    private SearchFacesByImageOperation() {
        super(Operation.SEARCH_FACES_BY_IMAGE, RekognitionClient::searchFacesByImage,
            RekognitionAsyncClient::searchFacesByImage, Resources::collection);
    }

    @Override
    public SearchFacesByImageRequest generateRequest(ImageSearchInput input) {
        return SearchFacesByImageRequest.builder()
            .image(input.validate("face match threshold", "maxFaces", Limits.MAX_SEARCH_FACES))
            .collectionId(input.collectionId()).faceMatchThreshold(input.threshold().asFloat()).maxFaces(input.max())
            .qualityFilter(input.qualityFilter().name()).build();
    }

    @Override
    public FaceSearch transformResponse(SearchFacesByImageResponse response, ImageSearchInput input) {
        return CollectionMapper.faceSearch(response, Checks.size(input.image()));
    }

    @Override
    public Optional<FaceSearch> transformError(Throwable failure, ImageSearchInput input) {
        return ErrorMapper.isNoFace(failure) ? Optional.of(CollectionMapper.noFaceSearch()) : Optional.empty();
    }
}
