package dev.rekoface.internal.operation;

import dev.rekoface.Operation;
import dev.rekoface.internal.mapper.CollectionMapper;
import dev.rekoface.internal.mapper.Page;
import dev.rekoface.model.IndexedFace;
import software.amazon.awssdk.services.rekognition.RekognitionAsyncClient;
import software.amazon.awssdk.services.rekognition.RekognitionClient;
import software.amazon.awssdk.services.rekognition.model.ListFacesRequest;
import software.amazon.awssdk.services.rekognition.model.ListFacesResponse;

/** ListFaces: one page of a collection's faces. */
public final class ListFacesOperation
    extends SdkOperation<PageRequest, ListFacesRequest, ListFacesResponse, Page<IndexedFace>> {

    /** The shared instance; stateless. */
    public static final ListFacesOperation INSTANCE = new ListFacesOperation();

    private ListFacesOperation() {
        super(Operation.LIST_FACES,
            RekognitionClient::listFaces, RekognitionAsyncClient::listFaces, Resources::collection);
    }

    @Override
    public ListFacesRequest generateRequest(PageRequest input) {
        return ListFacesRequest.builder().collectionId(Checks.collectionId(input.collectionId()))
            .nextToken(input.token()).maxResults(Limits.LIST_FACES_PAGE).build();
    }

    @Override
    public Page<IndexedFace> transformResponse(ListFacesResponse response, PageRequest input) {
        return CollectionMapper.faces(response);
    }
}
