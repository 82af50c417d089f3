package dev.rekoface.internal.operation;

import dev.rekoface.Operation;
import dev.rekoface.image.ImageSource;
import dev.rekoface.internal.mapper.ErrorMapper;
import dev.rekoface.internal.mapper.SdkImages;
import dev.rekoface.internal.mapper.UserMapper;
import dev.rekoface.model.QualityFilter;
import dev.rekoface.model.Threshold;
import dev.rekoface.model.UserSearch;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.services.rekognition.RekognitionAsyncClient;
import software.amazon.awssdk.services.rekognition.RekognitionClient;
import software.amazon.awssdk.services.rekognition.model.SearchUsersByImageRequest;
import software.amazon.awssdk.services.rekognition.model.SearchUsersByImageResponse;

/**
 * SearchUsersByImage: the users most similar to an image's largest face, best first. An image without a face is an
 * empty search.
 */
public final class SearchUsersByImageOperation
    implements RekognitionOperation<SearchUsersByImageOperation.Input, SearchUsersByImageRequest, SearchUsersByImageResponse, UserSearch> {

    /** The shared instance; stateless. */
    public static final SearchUsersByImageOperation INSTANCE = new SearchUsersByImageOperation();

    /**
     * The input.
     *
     * @param collectionId the collection
     * @param image the image whose largest face is searched for
     * @param threshold the lowest similarity returned
     * @param maxUsers the most matches returned
     * @param qualityFilter the quality filter of the searched face
     */
    public record Input(String collectionId, ImageSource image, Threshold threshold, int maxUsers, QualityFilter qualityFilter) {
    }

    private SearchUsersByImageOperation() {
    }

    @Override
    public Operation operation() {
        return Operation.SEARCH_USERS_BY_IMAGE;
    }

    @Override
    public SearchUsersByImageRequest generateRequest(SearchUsersByImageOperation.Input input) {
        Checks.collectionId(input.collectionId());
        Checks.notNull(input.image(), "image");
        Checks.notNull(input.threshold(), "user match threshold");
        Checks.notNull(input.qualityFilter(), "quality filter");
        Checks.range(input.maxUsers(), 1, Limits.MAX_USERS, "maxUsers");
        return SearchUsersByImageRequest.builder().collectionId(input.collectionId())
            .image(SdkImages.toSdk(input.image(), "image")).userMatchThreshold(input.threshold().asFloat())
            .maxUsers(input.maxUsers()).qualityFilter(input.qualityFilter().name()).build();
    }

    @Override
    public SearchUsersByImageResponse serviceCall(RekognitionClient client, SearchUsersByImageRequest request) {
        return client.searchUsersByImage(request);
    }

    @Override
    public CompletableFuture<SearchUsersByImageResponse> asyncServiceCall(RekognitionAsyncClient client,
                                                                          SearchUsersByImageRequest request) {
        return client.searchUsersByImage(request);
    }

    @Override
    public UserSearch transformResponse(SearchUsersByImageResponse response, SearchUsersByImageOperation.Input input) {
        return UserMapper.userSearch(response, Checks.size(input.image()));
    }

    @Override
    public Optional<UserSearch> transformError(Throwable failure, Input input) {
        return ErrorMapper.isNoFace(failure) ? Optional.of(UserMapper.noFaceUserSearch()) : Optional.empty();
    }

    @Override
    public String resource(Input input) {
        return Resources.collection(input.collectionId());
    }
}
