package dev.rekoface.internal.operation;

import dev.rekoface.Operation;
import dev.rekoface.internal.mapper.CollectionMapper;
import software.amazon.awssdk.services.rekognition.RekognitionAsyncClient;
import software.amazon.awssdk.services.rekognition.RekognitionClient;
import software.amazon.awssdk.services.rekognition.model.CreateCollectionRequest;
import software.amazon.awssdk.services.rekognition.model.CreateCollectionResponse;

/** CreateCollection: creates an empty collection; answers its ARN. An existing one is an already-exists error. */
public final class CreateCollectionOperation
    extends SdkOperation<String, CreateCollectionRequest, CreateCollectionResponse, String> {

    /** The shared instance; stateless. */
    public static final CreateCollectionOperation INSTANCE = new CreateCollectionOperation();

    private CreateCollectionOperation() {
        super(Operation.CREATE_COLLECTION,
            RekognitionClient::createCollection, RekognitionAsyncClient::createCollection, Resources::collection);
    }

    @Override
    public CreateCollectionRequest generateRequest(String input) {
        return CreateCollectionRequest.builder().collectionId(Checks.collectionId(input)).build();
    }

    @Override
    public String transformResponse(CreateCollectionResponse response, String input) {
        return CollectionMapper.collectionArn(response);
    }
}
