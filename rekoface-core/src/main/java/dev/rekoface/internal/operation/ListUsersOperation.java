package dev.rekoface.internal.operation;

import dev.rekoface.Operation;
import dev.rekoface.internal.mapper.Page;
import dev.rekoface.internal.mapper.UserMapper;
import dev.rekoface.model.UserInfo;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.services.rekognition.RekognitionAsyncClient;
import software.amazon.awssdk.services.rekognition.RekognitionClient;
import software.amazon.awssdk.services.rekognition.model.ListUsersRequest;
import software.amazon.awssdk.services.rekognition.model.ListUsersResponse;

/** ListUsers: one page of a collection's users. */
public final class ListUsersOperation
    implements RekognitionOperation<PageRequest, ListUsersRequest, ListUsersResponse, Page<UserInfo>> {

    /** The shared instance; stateless. */
    public static final ListUsersOperation INSTANCE = new ListUsersOperation();

    private ListUsersOperation() {
    }

    @Override
    public Operation operation() {
        return Operation.LIST_USERS;
    }

    @Override
    public ListUsersRequest generateRequest(PageRequest input) {
        return ListUsersRequest.builder().collectionId(Checks.collectionId(input.collectionId()))
            .nextToken(input.token()).maxResults(Limits.MAX_USERS).build();
    }

    @Override
    public ListUsersResponse serviceCall(RekognitionClient client, ListUsersRequest request) {
        return client.listUsers(request);
    }

    @Override
    public CompletableFuture<ListUsersResponse> asyncServiceCall(RekognitionAsyncClient client,
                                                                 ListUsersRequest request) {
        return client.listUsers(request);
    }

    @Override
    public Page<UserInfo> transformResponse(ListUsersResponse response, PageRequest input) {
        return UserMapper.users(response);
    }

    @Override
    public String resource(PageRequest input) {
        return Resources.collection(input.collectionId());
    }
}
