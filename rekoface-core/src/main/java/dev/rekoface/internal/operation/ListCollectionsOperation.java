package dev.rekoface.internal.operation;

import dev.rekoface.Operation;
import dev.rekoface.internal.mapper.CollectionMapper;
import dev.rekoface.internal.mapper.Page;
import dev.rekoface.model.CollectionSummary;
import software.amazon.awssdk.services.rekognition.RekognitionAsyncClient;
import software.amazon.awssdk.services.rekognition.RekognitionClient;
import software.amazon.awssdk.services.rekognition.model.ListCollectionsRequest;
import software.amazon.awssdk.services.rekognition.model.ListCollectionsResponse;

/** ListCollections: one page of the account's collection ids (the input's collection id is not used). */
public final class ListCollectionsOperation
    extends SdkOperation<PageRequest, ListCollectionsRequest, ListCollectionsResponse, Page<CollectionSummary>> {

    /** The shared instance; stateless. */
    public static final ListCollectionsOperation INSTANCE = new ListCollectionsOperation();

    private ListCollectionsOperation() {
        super(Operation.LIST_COLLECTIONS, RekognitionClient::listCollections, RekognitionAsyncClient::listCollections);
    }

    @Override
    public ListCollectionsRequest generateRequest(PageRequest input) {
        return ListCollectionsRequest.builder().nextToken(input.token()).build();
    }

    @Override
    public Page<CollectionSummary> transformResponse(ListCollectionsResponse response, PageRequest input) {
        return CollectionMapper.collections(response);
    }
}
