package dev.rekoface.internal.operation;

import dev.rekoface.Operation;
import dev.rekoface.image.ImageSource;
import dev.rekoface.internal.mapper.CollectionMapper;
import dev.rekoface.internal.mapper.SdkImages;
import dev.rekoface.model.FaceMatch;
import dev.rekoface.model.IndexOptions;
import dev.rekoface.model.IndexResult;
import dev.rekoface.model.IndexedFace;
import dev.rekoface.model.PersonId;
import dev.rekoface.model.QualityFilter;
import dev.rekoface.model.Threshold;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.services.rekognition.RekognitionAsyncClient;
import software.amazon.awssdk.services.rekognition.RekognitionClient;
import software.amazon.awssdk.services.rekognition.model.IndexFacesRequest;
import software.amazon.awssdk.services.rekognition.model.IndexFacesResponse;

/**
 * IndexFaces: stores an image's faces in a collection, tagged with a person id. Not idempotent: a repeat after an
 * ambiguous failure may store the face twice, so {@link #resolveAmbiguousFailure} first looks for the lost call's face.
 */
public final class IndexFacesOperation
    extends SdkOperation<IndexFacesOperation.Input, IndexFacesRequest, IndexFacesResponse, IndexResult> {

    /** The shared instance; stateless. */
    public static final IndexFacesOperation INSTANCE = new IndexFacesOperation();

    /** Similarity at which a stored face of the same person is taken to come from the very same image. */
    public static final double SAME_IMAGE_SIMILARITY = 99.5;

    /**
     * The input.
     *
     * @param collectionId the collection
     * @param image the image
     * @param personId the person the faces belong to, or null
     * @param options attributes, most faces and quality filter
     */
    public record Input(String collectionId, ImageSource image, String personId, IndexOptions options)
        implements Resources.CollectionScoped {
    }

    private IndexFacesOperation() {
        super(Operation.INDEX_FACES,
            RekognitionClient::indexFaces, RekognitionAsyncClient::indexFaces, Resources::collection);
    }

    @Override
    public IndexFacesRequest generateRequest(Input input) {
        Checks.collectionId(input.collectionId());
        Checks.notNull(input.image(), "image");
        Checks.notNull(input.options(), "options");
        IndexFacesRequest.Builder b = IndexFacesRequest.builder().collectionId(input.collectionId())
            .image(SdkImages.toSdk(input.image(), "image"))
            .detectionAttributesWithStrings(DetectFacesOperation.attributeStrings(input.options().attributes()))
            .maxFaces(input.options().maxFaces())
            .qualityFilter(input.options().qualityFilter().name());
        if (input.personId() != null) {
            b.externalImageId(PersonId.toExternalImageId(input.personId()));
        }
        return b.build();
    }

    @Override
    public IndexResult transformResponse(IndexFacesResponse response, Input input) {
        return CollectionMapper.indexResult(response, Checks.size(input.image()));
    }

    @Override
    public int storedFacesChange(IndexResult result) {
        return result.indexed().size();
    }

    @Override
    public boolean idempotent() {
        return false;
    }

    /**
     * After an ambiguous IndexFaces failure (a 5xx, a reset or a timeout once the request was sent), finds out whether
     * the lost call stored the face: searches the collection with the same image and takes a face of the same person
     * at {@value #SAME_IMAGE_SIMILARITY} % or more as the one it stored. With {@code maxFaces > 1}, every face sharing
     * that face's ImageId is returned (the faces one call stores share an ImageId). Empty means "not stored: index
     * again".
     */
    @Override
    public CompletableFuture<Optional<IndexResult>> resolveAmbiguousFailure(Input in, Invoker reads) {
        if (in.personId() == null) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        String external = PersonId.toExternalImageId(in.personId());
        return reads.invoke(SearchFacesByImageOperation.INSTANCE, new ImageSearchInput(in.collectionId(),
                in.image(), Threshold.exactly(SAME_IMAGE_SIMILARITY), 100, QualityFilter.NONE))
            .thenCompose(search -> {
                Optional<IndexedFace> same = search.matches().stream()
                    .filter(m -> m.similarity() >= SAME_IMAGE_SIMILARITY)
                    .map(FaceMatch::face)
                    .filter(f -> f.externalImageId().filter(external::equals).isPresent())
                    .findFirst();
                if (same.isEmpty()) {
                    return CompletableFuture.completedFuture(Optional.<IndexResult>empty());
                }
                if (in.options().maxFaces() == 1 || same.get().imageId().isEmpty()) {
                    return CompletableFuture.completedFuture(
                        Optional.of(new IndexResult(List.of(same.get()), List.of(), search.faceModelVersion())));
                }
                String imageId = same.get().imageId().get();
                List<IndexedFace> siblings = new ArrayList<>();
                return allFaces(in.collectionId(), reads, null, siblings, imageId)
                    .thenApply(v -> Optional.of(new IndexResult(siblings, List.of(), search.faceModelVersion())));
            });
    }

    private static CompletableFuture<Void> allFaces(String collectionId, Invoker reads, String token, List<IndexedFace> out,
                                                    String imageId) {
        return reads.invoke(ListFacesOperation.INSTANCE, new PageRequest(collectionId, token)).thenCompose(page -> {
            page.items().stream().filter(f -> f.imageId().filter(imageId::equals).isPresent()).forEach(out::add);
            return page.nextToken().isPresent() ? allFaces(collectionId, reads, page.nextToken().get(), out, imageId)
                : CompletableFuture.completedFuture(null);
        });
    }
}
