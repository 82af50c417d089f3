package dev.rekoface.internal.operation;

import dev.rekoface.Operation;
import dev.rekoface.internal.mapper.UserMapper;
import dev.rekoface.model.AssociationResult;
import dev.rekoface.model.PersonId;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.services.rekognition.RekognitionAsyncClient;
import software.amazon.awssdk.services.rekognition.RekognitionClient;
import software.amazon.awssdk.services.rekognition.model.DisassociateFacesRequest;
import software.amazon.awssdk.services.rekognition.model.DisassociateFacesResponse;

/**
 * DisassociateFaces: removes up to {@value Limits#MAX_FACES_PER_USER} faces from a person's user (the faces stay
 * stored).
 */
public final class DisassociateFacesOperation
    implements RekognitionOperation<AssociationInput, DisassociateFacesRequest, DisassociateFacesResponse, AssociationResult> {

    /** The shared instance; stateless. */
    public static final DisassociateFacesOperation INSTANCE = new DisassociateFacesOperation();

    private DisassociateFacesOperation() {
    }

    @Override
    public Operation operation() {
        return Operation.DISASSOCIATE_FACES;
    }

    @Override
    public DisassociateFacesRequest generateRequest(AssociationInput input) {
        return DisassociateFacesRequest.builder().collectionId(Checks.collectionId(input.collectionId()))
            .userId(PersonId.toUserId(input.personId()))
            .faceIds(Checks.faceIds(input.faceIds(), Limits.MAX_FACES_PER_USER, "DisassociateFaces"))
            .clientRequestToken(input.clientRequestToken()).build();
    }

    @Override
    public DisassociateFacesResponse serviceCall(RekognitionClient client, DisassociateFacesRequest request) {
        return client.disassociateFaces(request);
    }

    @Override
    public CompletableFuture<DisassociateFacesResponse> asyncServiceCall(RekognitionAsyncClient client,
                                                                         DisassociateFacesRequest request) {
        return client.disassociateFaces(request);
    }

    @Override
    public AssociationResult transformResponse(DisassociateFacesResponse response, AssociationInput input) {
        return UserMapper.disassociation(response);
    }

    @Override
    public String resource(AssociationInput input) {
        return Resources.user(input.personId(), input.collectionId());
    }
}
