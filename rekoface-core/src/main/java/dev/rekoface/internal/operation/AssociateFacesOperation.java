package dev.rekoface.internal.operation;

import dev.rekoface.Operation;
import dev.rekoface.internal.mapper.UserMapper;
import dev.rekoface.model.AssociationResult;
import dev.rekoface.model.PersonId;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.services.rekognition.RekognitionAsyncClient;
import software.amazon.awssdk.services.rekognition.RekognitionClient;
import software.amazon.awssdk.services.rekognition.model.AssociateFacesRequest;
import software.amazon.awssdk.services.rekognition.model.AssociateFacesResponse;

/** AssociateFaces: adds up to {@value Limits#MAX_FACES_PER_USER} stored faces to a person's user. */
public final class AssociateFacesOperation
    implements RekognitionOperation<AssociationInput, AssociateFacesRequest, AssociateFacesResponse, AssociationResult> {

    /** The shared instance; stateless. */
    public static final AssociateFacesOperation INSTANCE = new AssociateFacesOperation();

    private AssociateFacesOperation() {
    }

    @Override
    public Operation operation() {
        return Operation.ASSOCIATE_FACES;
    }

    @Override
    public AssociateFacesRequest generateRequest(AssociationInput input) {
        Checks.collectionId(input.collectionId());
        Checks.notNull(input.threshold(), "user match threshold");
        return AssociateFacesRequest.builder().collectionId(input.collectionId()).userId(PersonId.toUserId(input.personId()))
            .faceIds(Checks.faceIds(input.faceIds(), Limits.MAX_FACES_PER_USER, "AssociateFaces"))
            .userMatchThreshold(input.threshold().asFloat()).clientRequestToken(input.clientRequestToken()).build();
    }

    @Override
    public AssociateFacesResponse serviceCall(RekognitionClient client, AssociateFacesRequest request) {
        return client.associateFaces(request);
    }

    @Override
    public CompletableFuture<AssociateFacesResponse> asyncServiceCall(RekognitionAsyncClient client,
                                                                      AssociateFacesRequest request) {
        return client.associateFaces(request);
    }

    @Override
    public AssociationResult transformResponse(AssociateFacesResponse response, AssociationInput input) {
        return UserMapper.association(response);
    }

    @Override
    public String resource(AssociationInput input) {
        return Resources.user(input.personId(), input.collectionId());
    }
}
