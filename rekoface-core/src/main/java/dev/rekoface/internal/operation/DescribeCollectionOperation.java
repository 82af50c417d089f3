package dev.rekoface.internal.operation;

import dev.rekoface.Operation;
import dev.rekoface.internal.mapper.CollectionMapper;
import dev.rekoface.model.CollectionInfo;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.services.rekognition.RekognitionAsyncClient;
import software.amazon.awssdk.services.rekognition.RekognitionClient;
import software.amazon.awssdk.services.rekognition.model.DescribeCollectionRequest;
import software.amazon.awssdk.services.rekognition.model.DescribeCollectionResponse;

/** DescribeCollection: a collection's counts, model version and creation time. */
public final class DescribeCollectionOperation
    implements RekognitionOperation<String, DescribeCollectionRequest, DescribeCollectionResponse, CollectionInfo> {

    /** The shared instance; stateless. */
    public static final DescribeCollectionOperation INSTANCE = new DescribeCollectionOperation();

    private DescribeCollectionOperation() {
    }

    @Override
    public Operation operation() {
        return Operation.DESCRIBE_COLLECTION;
    }

    @Override
    public DescribeCollectionRequest generateRequest(String input) {
        return DescribeCollectionRequest.builder().collectionId(Checks.collectionId(input)).build();
    }

    @Override
    public DescribeCollectionResponse serviceCall(RekognitionClient client, DescribeCollectionRequest request) {
        return client.describeCollection(request);
    }

    @Override
    public CompletableFuture<DescribeCollectionResponse> asyncServiceCall(RekognitionAsyncClient client,
                                                                          DescribeCollectionRequest request) {
        return client.describeCollection(request);
    }

    @Override
    public CollectionInfo transformResponse(DescribeCollectionResponse response, String input) {
        return CollectionMapper.collection(input, response);
    }

    @Override
    public String resource(String input) {
        return Resources.collection(input);
    }
}
