package dev.rekoface.internal.operation;

import dev.rekoface.Operation;
import dev.rekoface.internal.mapper.Page;
import dev.rekoface.internal.mapper.UserMapper;
import dev.rekoface.model.UserInfo;
import software.amazon.awssdk.services.rekognition.RekognitionAsyncClient;
import software.amazon.awssdk.services.rekognition.RekognitionClient;
import software.amazon.awssdk.services.rekognition.model.ListUsersRequest;
import software.amazon.awssdk.services.rekognition.model.ListUsersResponse;

/** ListUsers: one page of a collection's users. */
public final class ListUsersOperation
    extends SdkOperation<PageRequest, ListUsersRequest, ListUsersResponse, Page<UserInfo>> {

    /** The shared instance; stateless. */
    public static final ListUsersOperation INSTANCE = new ListUsersOperation();

    private ListUsersOperation() {
        super(Operation.LIST_USERS,
            RekognitionClient::listUsers, RekognitionAsyncClient::listUsers, Resources::collection);
    }

    @Override
    public ListUsersRequest generateRequest(PageRequest input) {
        return ListUsersRequest.builder().collectionId(Checks.collectionId(input.collectionId()))
            .nextToken(input.token()).maxResults(Limits.MAX_USERS).build();
    }

    @Override
    public Page<UserInfo> transformResponse(ListUsersResponse response, PageRequest input) {
        return UserMapper.users(response);
    }
}
