package dev.rekoface.internal.operation;

import dev.rekoface.Operation;
import dev.rekoface.RekofaceException;
import dev.rekoface.internal.mapper.ErrorMapper;
import dev.rekoface.model.PersonId;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.services.rekognition.RekognitionAsyncClient;
import software.amazon.awssdk.services.rekognition.RekognitionClient;
import software.amazon.awssdk.services.rekognition.model.CreateUserRequest;
import software.amazon.awssdk.services.rekognition.model.CreateUserResponse;

/**
 * CreateUser: creates a person's user, idempotent through its client request token; an existing user is an already-
 * exists error.
 */
public final class CreateUserOperation
    implements RekognitionOperation<UserInput, CreateUserRequest, CreateUserResponse, Boolean> {

    /** The shared instance; stateless. */
    public static final CreateUserOperation INSTANCE = new CreateUserOperation();

    private CreateUserOperation() {
    }

    @Override
    public Operation operation() {
        return Operation.CREATE_USER;
    }

    @Override
    public CreateUserRequest generateRequest(UserInput input) {
        return CreateUserRequest.builder().collectionId(Checks.collectionId(input.collectionId()))
            .userId(PersonId.toUserId(input.personId())).clientRequestToken(input.clientRequestToken()).build();
    }

    @Override
    public CreateUserResponse serviceCall(RekognitionClient client, CreateUserRequest request) {
        return client.createUser(request);
    }

    @Override
    public CompletableFuture<CreateUserResponse> asyncServiceCall(RekognitionAsyncClient client,
                                                                  CreateUserRequest request) {
        return client.createUser(request);
    }

    @Override
    public Boolean transformResponse(CreateUserResponse response, UserInput input) {
        return Boolean.TRUE;
    }

    /** The service answers ConflictException for an existing user: that is an already-exists error. */
    @Override
    public RekofaceException mapError(Throwable failure, UserInput input) {
        if ("ConflictException".equals(ErrorMapper.errorCode(failure))) {
            return ErrorMapper.alreadyExists(failure, operation(), resource(input), input.personId());
        }
        return RekognitionOperation.super.mapError(failure, input);
    }

    @Override
    public String resource(UserInput input) {
        return Resources.user(input.personId(), input.collectionId());
    }
}
