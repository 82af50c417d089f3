package dev.rekoface.internal.operation;

import dev.rekoface.Operation;
import dev.rekoface.model.PersonId;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.services.rekognition.RekognitionAsyncClient;
import software.amazon.awssdk.services.rekognition.RekognitionClient;
import software.amazon.awssdk.services.rekognition.model.DeleteUserRequest;
import software.amazon.awssdk.services.rekognition.model.DeleteUserResponse;

/** DeleteUser: deletes a person's user (its faces stay), idempotent through its client request token. */
public final class DeleteUserOperation
    implements RekognitionOperation<UserInput, DeleteUserRequest, DeleteUserResponse, Boolean> {

    /** The shared instance; stateless. */
    public static final DeleteUserOperation INSTANCE = new DeleteUserOperation();

    private DeleteUserOperation() {
    }

    @Override
    public Operation operation() {
        return Operation.DELETE_USER;
    }

    @Override
    public DeleteUserRequest generateRequest(UserInput input) {
        return DeleteUserRequest.builder().collectionId(Checks.collectionId(input.collectionId()))
            .userId(PersonId.toUserId(input.personId())).clientRequestToken(input.clientRequestToken()).build();
    }

    @Override
    public DeleteUserResponse serviceCall(RekognitionClient client, DeleteUserRequest request) {
        return client.deleteUser(request);
    }

    @Override
    public CompletableFuture<DeleteUserResponse> asyncServiceCall(RekognitionAsyncClient client,
                                                                  DeleteUserRequest request) {
        return client.deleteUser(request);
    }

    @Override
    public Boolean transformResponse(DeleteUserResponse response, UserInput input) {
        return Boolean.TRUE;
    }

    @Override
    public String resource(UserInput input) {
        return Resources.user(input.personId(), input.collectionId());
    }
}
