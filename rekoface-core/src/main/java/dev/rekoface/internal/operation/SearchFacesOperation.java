package dev.rekoface.internal.operation;

import dev.rekoface.Operation;
import dev.rekoface.internal.mapper.CollectionMapper;
import dev.rekoface.model.FaceSearch;
import dev.rekoface.model.Threshold;
import software.amazon.awssdk.services.rekognition.RekognitionAsyncClient;
import software.amazon.awssdk.services.rekognition.RekognitionClient;
import software.amazon.awssdk.services.rekognition.model.SearchFacesRequest;
import software.amazon.awssdk.services.rekognition.model.SearchFacesResponse;

/** SearchFaces: the stored faces most similar to a stored face, best first. */
public final class SearchFacesOperation
    extends SdkOperation<SearchFacesOperation.Input, SearchFacesRequest, SearchFacesResponse, FaceSearch> {

    /** The shared instance; stateless. */
    public static final SearchFacesOperation INSTANCE = new SearchFacesOperation();

    /**
     * The input.
     *
     * @param collectionId the collection
     * @param faceId the stored face searched for
     * @param threshold the lowest similarity returned
     * @param maxFaces the most matches returned
     */
    public record Input(String collectionId, String faceId, Threshold threshold, int maxFaces) {
    }

    private SearchFacesOperation() {
        super(Operation.SEARCH_FACES, RekognitionClient::searchFaces, RekognitionAsyncClient::searchFaces);
    }

    @Override
    public SearchFacesRequest generateRequest(SearchFacesOperation.Input input) {
        Checks.collectionId(input.collectionId());
        Checks.faceId(input.faceId());
        Checks.notNull(input.threshold(), "face match threshold");
        Checks.range(input.maxFaces(), 1, Limits.MAX_SEARCH_FACES, "maxFaces");
        return SearchFacesRequest.builder().collectionId(input.collectionId()).faceId(input.faceId())
            .faceMatchThreshold(input.threshold().asFloat()).maxFaces(input.maxFaces()).build();
    }

    @Override
    public FaceSearch transformResponse(SearchFacesResponse response, SearchFacesOperation.Input input) {
        return CollectionMapper.faceSearch(response);
    }

    @Override
    public String resource(Input input) {
        return Resources.collection(input.collectionId()) + " or face '" + input.faceId() + "'";
    }
}
