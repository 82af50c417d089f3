package dev.rekoface.internal.operation;

import dev.rekoface.Operation;
import dev.rekoface.internal.mapper.ErrorMapper;
import dev.rekoface.internal.mapper.UserMapper;
import dev.rekoface.model.UserSearch;
import java.util.Optional;
import software.amazon.awssdk.services.rekognition.RekognitionAsyncClient;
import software.amazon.awssdk.services.rekognition.RekognitionClient;
import software.amazon.awssdk.services.rekognition.model.SearchUsersByImageRequest;
import software.amazon.awssdk.services.rekognition.model.SearchUsersByImageResponse;

/**
 * SearchUsersByImage: the users most similar to an image's largest face, best first. An image without a face is an
 * empty search.
 */
public final class SearchUsersByImageOperation
    extends SdkOperation<ImageSearchInput, SearchUsersByImageRequest, SearchUsersByImageResponse, UserSearch> {

    /** The shared instance; stateless. */
    public static final SearchUsersByImageOperation INSTANCE = new SearchUsersByImageOperation();

    private SearchUsersByImageOperation() {
        super(Operation.SEARCH_USERS_BY_IMAGE, RekognitionClient::searchUsersByImage,
            RekognitionAsyncClient::searchUsersByImage, Resources::collection);
    }

    @Override
    public SearchUsersByImageRequest generateRequest(ImageSearchInput input) {
        return SearchUsersByImageRequest.builder()
            .image(input.validate("user match threshold", "maxUsers", Limits.MAX_USERS))
            .collectionId(input.collectionId()).userMatchThreshold(input.threshold().asFloat()).maxUsers(input.max())
            .qualityFilter(input.qualityFilter().name()).build();
    }

    @Override
    public UserSearch transformResponse(SearchUsersByImageResponse response, ImageSearchInput input) {
        return UserMapper.userSearch(response, Checks.size(input.image()));
    }

    @Override
    public Optional<UserSearch> transformError(Throwable failure, ImageSearchInput input) {
        return ErrorMapper.isNoFace(failure) ? Optional.of(UserMapper.noFaceUserSearch()) : Optional.empty();
    }
}
