package dev.rekoface.internal.operation;

import dev.rekoface.Operation;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.services.rekognition.RekognitionAsyncClient;
import software.amazon.awssdk.services.rekognition.RekognitionClient;
import software.amazon.awssdk.services.rekognition.model.DeleteCollectionRequest;
import software.amazon.awssdk.services.rekognition.model.DeleteCollectionResponse;

/** DeleteCollection: deletes a collection with its faces and users; answers true. */
public final class DeleteCollectionOperation
    implements RekognitionOperation<String, DeleteCollectionRequest, DeleteCollectionResponse, Boolean> {

    /** The shared instance; stateless. */
    public static final DeleteCollectionOperation INSTANCE = new DeleteCollectionOperation();

    private DeleteCollectionOperation() {
    }

    @Override
    public Operation operation() {
        return Operation.DELETE_COLLECTION;
    }

    @Override
    public DeleteCollectionRequest generateRequest(String input) {
        return DeleteCollectionRequest.builder().collectionId(Checks.collectionId(input)).build();
    }

    @Override
    public DeleteCollectionResponse serviceCall(RekognitionClient client, DeleteCollectionRequest request) {
        return client.deleteCollection(request);
    }

    @Override
    public CompletableFuture<DeleteCollectionResponse> asyncServiceCall(RekognitionAsyncClient client,
                                                                        DeleteCollectionRequest request) {
        return client.deleteCollection(request);
    }

    @Override
    public Boolean transformResponse(DeleteCollectionResponse response, String input) {
        return Boolean.TRUE;
    }

    @Override
    public String resource(String input) {
        return Resources.collection(input);
    }
}
