package dev.rekoface.internal.operation;

import dev.rekoface.Operation;
import dev.rekoface.model.PersonId;
import software.amazon.awssdk.services.rekognition.RekognitionAsyncClient;
import software.amazon.awssdk.services.rekognition.RekognitionClient;
import software.amazon.awssdk.services.rekognition.model.DeleteUserRequest;
import software.amazon.awssdk.services.rekognition.model.DeleteUserResponse;

/** DeleteUser: deletes a person's user (its faces stay), idempotent through its client request token. */
public final class DeleteUserOperation
    extends SdkOperation<UserInput, DeleteUserRequest, DeleteUserResponse, Boolean> {

    /** The shared instance; stateless. */
    public static final DeleteUserOperation INSTANCE = new DeleteUserOperation();

    private DeleteUserOperation() {
        super(Operation.DELETE_USER,
            RekognitionClient::deleteUser, RekognitionAsyncClient::deleteUser, Resources::user);
    }

    @Override
    public DeleteUserRequest generateRequest(UserInput input) {
        return DeleteUserRequest.builder().collectionId(Checks.collectionId(input.collectionId()))
            .userId(PersonId.toUserId(input.personId())).clientRequestToken(input.clientRequestToken()).build();
    }

    @Override
    public Boolean transformResponse(DeleteUserResponse response, UserInput input) {
        return Boolean.TRUE;
    }
}
