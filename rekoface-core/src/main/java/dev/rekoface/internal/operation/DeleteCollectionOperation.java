package dev.rekoface.internal.operation;

import dev.rekoface.Operation;
import software.amazon.awssdk.services.rekognition.RekognitionAsyncClient;
import software.amazon.awssdk.services.rekognition.RekognitionClient;
import software.amazon.awssdk.services.rekognition.model.DeleteCollectionRequest;
import software.amazon.awssdk.services.rekognition.model.DeleteCollectionResponse;

/** DeleteCollection: deletes a collection with its faces and users; answers true. */
public final class DeleteCollectionOperation
    extends SdkOperation<String, DeleteCollectionRequest, DeleteCollectionResponse, Boolean> {

    /** The shared instance; stateless. */
    public static final DeleteCollectionOperation INSTANCE = new DeleteCollectionOperation();

    private DeleteCollectionOperation() {
        super(Operation.DELETE_COLLECTION,
            RekognitionClient::deleteCollection, RekognitionAsyncClient::deleteCollection, Resources::collection);
    }

    @Override
    public DeleteCollectionRequest generateRequest(String input) {
        return DeleteCollectionRequest.builder().collectionId(Checks.collectionId(input)).build();
    }

    @Override
    public Boolean transformResponse(DeleteCollectionResponse response, String input) {
        return Boolean.TRUE;
    }
}
