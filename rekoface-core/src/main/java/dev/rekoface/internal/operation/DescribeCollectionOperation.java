package dev.rekoface.internal.operation;

import dev.rekoface.Operation;
import dev.rekoface.internal.mapper.CollectionMapper;
import dev.rekoface.model.CollectionInfo;
import software.amazon.awssdk.services.rekognition.RekognitionAsyncClient;
import software.amazon.awssdk.services.rekognition.RekognitionClient;
import software.amazon.awssdk.services.rekognition.model.DescribeCollectionRequest;
import software.amazon.awssdk.services.rekognition.model.DescribeCollectionResponse;

/** DescribeCollection: a collection's counts, model version and creation time. */
public final class DescribeCollectionOperation
    extends SdkOperation<String, DescribeCollectionRequest, DescribeCollectionResponse, CollectionInfo> {

    /** The shared instance; stateless. */
    public static final DescribeCollectionOperation INSTANCE = new DescribeCollectionOperation();

    private DescribeCollectionOperation() {
        super(Operation.DESCRIBE_COLLECTION,
            RekognitionClient::describeCollection, RekognitionAsyncClient::describeCollection, Resources::collection);
    }

    @Override
    public DescribeCollectionRequest generateRequest(String input) {
        return DescribeCollectionRequest.builder().collectionId(Checks.collectionId(input)).build();
    }

    @Override
    public CollectionInfo transformResponse(DescribeCollectionResponse response, String input) {
        return CollectionMapper.collection(input, response);
    }
}
