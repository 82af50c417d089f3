package dev.rekoface.internal.operation;

import dev.rekoface.Operation;
import dev.rekoface.internal.mapper.UserMapper;
import dev.rekoface.model.AssociationResult;
import dev.rekoface.model.PersonId;
import software.amazon.awssdk.services.rekognition.RekognitionAsyncClient;
import software.amazon.awssdk.services.rekognition.RekognitionClient;
import software.amazon.awssdk.services.rekognition.model.DisassociateFacesRequest;
import software.amazon.awssdk.services.rekognition.model.DisassociateFacesResponse;

/**
 * DisassociateFaces: removes up to {@value Limits#MAX_FACES_PER_USER} faces from a person's user (the faces stay
 * stored).
 */
public final class DisassociateFacesOperation
    extends SdkOperation<AssociationInput, DisassociateFacesRequest, DisassociateFacesResponse, AssociationResult> {

    /** The shared instance; stateless. */
    public static final DisassociateFacesOperation INSTANCE = new DisassociateFacesOperation();

    private DisassociateFacesOperation() {
        super(Operation.DISASSOCIATE_FACES,
            RekognitionClient::disassociateFaces, RekognitionAsyncClient::disassociateFaces, Resources::user);
    }

    @Override
    public DisassociateFacesRequest generateRequest(AssociationInput input) {
        return DisassociateFacesRequest.builder().collectionId(Checks.collectionId(input.collectionId()))
            .userId(PersonId.toUserId(input.personId()))
            .faceIds(Checks.faceIds(input.faceIds(), Limits.MAX_FACES_PER_USER, "DisassociateFaces"))
            .clientRequestToken(input.clientRequestToken()).build();
    }

    @Override
    public AssociationResult transformResponse(DisassociateFacesResponse response, AssociationInput input) {
        return UserMapper.disassociation(response);
    }
}
