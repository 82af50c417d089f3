package dev.rekoface.internal.operation;

import dev.rekoface.Operation;
import dev.rekoface.internal.mapper.UserMapper;
import dev.rekoface.model.PersonId;
import dev.rekoface.model.Threshold;
import dev.rekoface.model.UserSearch;
import software.amazon.awssdk.services.rekognition.RekognitionAsyncClient;
import software.amazon.awssdk.services.rekognition.RekognitionClient;
import software.amazon.awssdk.services.rekognition.model.SearchUsersRequest;
import software.amazon.awssdk.services.rekognition.model.SearchUsersResponse;

/** SearchUsers: the users most similar to a person's user or to a stored face, best first. */
public final class SearchUsersOperation
    extends SdkOperation<SearchUsersOperation.Input, SearchUsersRequest, SearchUsersResponse, UserSearch> {

    /** The shared instance; stateless. */
    public static final SearchUsersOperation INSTANCE = new SearchUsersOperation();

    /**
     * The input: by a person's user or by a stored face (exactly one of them).
     *
     * @param collectionId the collection
     * @param personId the person whose user is searched for, or null
     * @param faceId the stored face searched for, or null
     * @param threshold the lowest similarity returned
     * @param maxUsers the most matches returned
     */
    public record Input(String collectionId, String personId, String faceId, Threshold threshold, int maxUsers)
        implements Resources.CollectionScoped {
    }

    private SearchUsersOperation() {
        super(Operation.SEARCH_USERS,
            RekognitionClient::searchUsers, RekognitionAsyncClient::searchUsers, Resources::collection);
    }

    @Override
    public SearchUsersRequest generateRequest(SearchUsersOperation.Input input) {
        Checks.collectionId(input.collectionId());
        Checks.notNull(input.threshold(), "user match threshold");
        Checks.range(input.maxUsers(), 1, Limits.MAX_USERS, "maxUsers");
        SearchUsersRequest.Builder b = SearchUsersRequest.builder().collectionId(input.collectionId())
            .userMatchThreshold(input.threshold().asFloat()).maxUsers(input.maxUsers());
        if (input.faceId() != null) {
            b.faceId(Checks.faceId(input.faceId()));
        } else {
            b.userId(PersonId.toUserId(input.personId()));
        }
        return b.build();
    }

    @Override
    public UserSearch transformResponse(SearchUsersResponse response, SearchUsersOperation.Input input) {
        return UserMapper.userSearch(response);
    }
}
