package dev.rekoface.internal.operation;

import dev.rekoface.Operation;
import dev.rekoface.RekofaceException;
import dev.rekoface.internal.mapper.ErrorMapper;
import dev.rekoface.model.PersonId;
import software.amazon.awssdk.services.rekognition.RekognitionAsyncClient;
import software.amazon.awssdk.services.rekognition.RekognitionClient;
import software.amazon.awssdk.services.rekognition.model.CreateUserRequest;
import software.amazon.awssdk.services.rekognition.model.CreateUserResponse;

/**
 * CreateUser: creates a person's user, idempotent through its client request token; an existing user is an already-
 * exists error.
 */
public final class CreateUserOperation
    extends SdkOperation<UserInput, CreateUserRequest, CreateUserResponse, Boolean> {

    /** The shared instance; stateless. */
    public static final CreateUserOperation INSTANCE = new CreateUserOperation();

    private CreateUserOperation() {
        super(Operation.CREATE_USER,
            RekognitionClient::createUser, RekognitionAsyncClient::createUser, Resources::user);
    }

    @Override
    public CreateUserRequest generateRequest(UserInput input) {
        return CreateUserRequest.builder().collectionId(Checks.collectionId(input.collectionId()))
            .userId(PersonId.toUserId(input.personId())).clientRequestToken(input.clientRequestToken()).build();
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
        return super.mapError(failure, input);
    }
}
