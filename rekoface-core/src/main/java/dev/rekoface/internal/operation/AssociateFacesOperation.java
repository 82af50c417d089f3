package dev.rekoface.internal.operation;

import dev.rekoface.Operation;
import dev.rekoface.internal.mapper.UserMapper;
import dev.rekoface.model.AssociationResult;
import dev.rekoface.model.PersonId;
import software.amazon.awssdk.services.rekognition.RekognitionAsyncClient;
import software.amazon.awssdk.services.rekognition.RekognitionClient;
import software.amazon.awssdk.services.rekognition.model.AssociateFacesRequest;
import software.amazon.awssdk.services.rekognition.model.AssociateFacesResponse;

/** AssociateFaces: adds up to {@value Limits#MAX_FACES_PER_USER} stored faces to a person's user. */
public final class AssociateFacesOperation
    extends SdkOperation<AssociationInput, AssociateFacesRequest, AssociateFacesResponse, AssociationResult> {

    /** The shared instance; stateless. */
    public static final AssociateFacesOperation INSTANCE = new AssociateFacesOperation();

    private AssociateFacesOperation() {
        super(Operation.ASSOCIATE_FACES,
            RekognitionClient::associateFaces, RekognitionAsyncClient::associateFaces, Resources::user);
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
    public AssociationResult transformResponse(AssociateFacesResponse response, AssociationInput input) {
        return UserMapper.association(response);
    }
}
