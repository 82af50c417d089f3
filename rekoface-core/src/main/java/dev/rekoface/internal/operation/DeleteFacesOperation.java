package dev.rekoface.internal.operation;

import dev.rekoface.Operation;
import dev.rekoface.internal.mapper.CollectionMapper;
import dev.rekoface.internal.mapper.DeletedFaces;
import java.util.List;
import software.amazon.awssdk.services.rekognition.RekognitionAsyncClient;
import software.amazon.awssdk.services.rekognition.RekognitionClient;
import software.amazon.awssdk.services.rekognition.model.DeleteFacesRequest;
import software.amazon.awssdk.services.rekognition.model.DeleteFacesResponse;

/**
 * DeleteFaces: deletes up to {@value Limits#MAX_DELETE} faces of a collection; answers those deleted and those
 * refused.
 */
public final class DeleteFacesOperation
    extends SdkOperation<DeleteFacesOperation.Input, DeleteFacesRequest, DeleteFacesResponse, DeletedFaces> {

    /** The shared instance; stateless. */
    public static final DeleteFacesOperation INSTANCE = new DeleteFacesOperation();

    /**
     * The input.
     *
     * @param collectionId the collection
     * @param faceIds the faces to delete
     */
    public record Input(String collectionId, List<String> faceIds) implements Resources.CollectionScoped {
    }

    private DeleteFacesOperation() {
        super(Operation.DELETE_FACES,
            RekognitionClient::deleteFaces, RekognitionAsyncClient::deleteFaces, Resources::collection);
    }

    @Override
    public DeleteFacesRequest generateRequest(DeleteFacesOperation.Input input) {
        return DeleteFacesRequest.builder().collectionId(Checks.collectionId(input.collectionId()))
            .faceIds(Checks.faceIds(input.faceIds(), Limits.MAX_DELETE, "DeleteFaces")).build();
    }

    @Override
    public DeletedFaces transformResponse(DeleteFacesResponse response, DeleteFacesOperation.Input input) {
        return CollectionMapper.deletedFaces(response);
    }

    @Override
    public int storedFacesChange(DeletedFaces result) {
        return -result.deleted().size();
    }
}
