package dev.rekoface.internal.operation;

import dev.rekoface.Operation;
import dev.rekoface.internal.mapper.CollectionMapper;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.services.rekognition.RekognitionAsyncClient;
import software.amazon.awssdk.services.rekognition.RekognitionClient;
import software.amazon.awssdk.services.rekognition.model.CreateCollectionRequest;
import software.amazon.awssdk.services.rekognition.model.CreateCollectionResponse;

/** CreateCollection: creates an empty collection; answers its ARN. An existing one is an already-exists error. */
public final class CreateCollectionOperation
    implements RekognitionOperation<String, CreateCollectionRequest, CreateCollectionResponse, String> {

    /** The shared instance; stateless. */
    public static final CreateCollectionOperation INSTANCE = new CreateCollectionOperation();

    private CreateCollectionOperation() {
    }

    @Override
    public Operation operation() {
        return Operation.CREATE_COLLECTION;
    }

    @Override
    public CreateCollectionRequest generateRequest(String input) {
        return CreateCollectionRequest.builder().collectionId(Checks.collectionId(input)).build();
    }

    @Override
    public CreateCollectionResponse serviceCall(RekognitionClient client, CreateCollectionRequest request) {
        return client.createCollection(request);
    }

    @Override
    public CompletableFuture<CreateCollectionResponse> asyncServiceCall(RekognitionAsyncClient client,
                                                                        CreateCollectionRequest request) {
        return client.createCollection(request);
    }

    @Override
    public String transformResponse(CreateCollectionResponse response, String input) {
        return CollectionMapper.collectionArn(response);
    }

    @Override
    public String resource(String input) {
        return Resources.collection(input);
    }
}
