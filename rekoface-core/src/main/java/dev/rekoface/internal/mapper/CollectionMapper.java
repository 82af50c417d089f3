package dev.rekoface.internal.mapper;

import dev.rekoface.model.CollectionInfo;
import dev.rekoface.model.CollectionSummary;
import dev.rekoface.model.FaceDetails;
import dev.rekoface.model.FaceMatch;
import dev.rekoface.model.FaceRefusal;
import dev.rekoface.model.FaceSearch;
import dev.rekoface.model.ImageSize;
import dev.rekoface.model.IndexResult;
import dev.rekoface.model.IndexedFace;
import dev.rekoface.model.PersonId;
import dev.rekoface.model.UnindexedFace;
import dev.rekoface.model.UnindexedReason;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import software.amazon.awssdk.services.rekognition.model.CreateCollectionResponse;
import software.amazon.awssdk.services.rekognition.model.DeleteFacesResponse;
import software.amazon.awssdk.services.rekognition.model.DescribeCollectionResponse;
import software.amazon.awssdk.services.rekognition.model.Face;
import software.amazon.awssdk.services.rekognition.model.FaceDetail;
import software.amazon.awssdk.services.rekognition.model.IndexFacesResponse;
import software.amazon.awssdk.services.rekognition.model.ListCollectionsResponse;
import software.amazon.awssdk.services.rekognition.model.ListFacesResponse;
import software.amazon.awssdk.services.rekognition.model.SearchFacesByImageResponse;
import software.amazon.awssdk.services.rekognition.model.SearchFacesResponse;
import software.amazon.awssdk.services.rekognition.model.UnsuccessfulFaceDeletion;

/**
 * Maps the answers of the collection and face operations (CreateCollection, DescribeCollection, ListCollections,
 * IndexFaces, ListFaces, DeleteFaces, SearchFaces, SearchFacesByImage) to rekoface models; tolerant like
 * {@link FaceMapper}: a missing string is empty, a missing count is 0.
 */
public final class CollectionMapper {
    private CollectionMapper() {
    }

    /**
     * Maps a CreateCollection answer.
     *
     * @param r the SDK response
     * @return the collection's ARN, empty when the service sent none
     */
    public static String collectionArn(CreateCollectionResponse r) {
        return r.collectionArn() == null ? "" : r.collectionArn();
    }

    /**
     * Maps a DescribeCollection answer.
     *
     * @param id the collection id asked for
     * @param r the SDK response
     * @return the collection
     */
    public static CollectionInfo collection(String id, DescribeCollectionResponse r) {
        return new CollectionInfo(id, Optional.ofNullable(r.collectionARN()),
            r.faceCount() == null ? 0 : r.faceCount(), r.userCount() == null ? 0 : r.userCount(),
            r.faceModelVersion() == null ? "" : r.faceModelVersion(), Optional.ofNullable(r.creationTimestamp()));
    }

    /**
     * Maps a ListCollections page; ids and model versions are parallel lists.
     *
     * @param r the SDK response
     * @return the page
     */
    public static Page<CollectionSummary> collections(ListCollectionsResponse r) {
        List<CollectionSummary> items = new ArrayList<>();
        List<String> ids = r.hasCollectionIds() ? r.collectionIds() : List.of();
        List<String> versions = r.hasFaceModelVersions() ? r.faceModelVersions() : List.of();
        for (int i = 0; i < ids.size(); i++) {
            items.add(new CollectionSummary(ids.get(i), i < versions.size() ? versions.get(i) : ""));
        }
        return new Page<>(items, token(r.nextToken()));
    }

    /**
     * Maps an IndexFaces answer.
     *
     * @param r the SDK response
     * @param size the displayed image size, or null when unknown
     * @return the faces stored and those not stored, with their reasons
     */
    public static IndexResult indexResult(IndexFacesResponse r, ImageSize size) {
        List<IndexedFace> indexed = new ArrayList<>();
        if (r.hasFaceRecords()) {
            r.faceRecords().forEach(fr -> indexed.add(indexedFace(fr.face(),
                fr.faceDetail() == null ? null : FaceMapper.face(fr.faceDetail(), size))));
        }
        List<UnindexedFace> unindexed = new ArrayList<>();
        if (r.hasUnindexedFaces()) {
            r.unindexedFaces().forEach(u -> unindexed.add(unindexedFace(u, size)));
        }
        return new IndexResult(indexed, unindexed, r.faceModelVersion() == null ? "" : r.faceModelVersion());
    }

    /**
     * Maps a ListFaces page.
     *
     * @param r the SDK response
     * @return the page
     */
    public static Page<IndexedFace> faces(ListFacesResponse r) {
        return new Page<>(r.hasFaces() ? r.faces().stream().map(f -> indexedFace(f, null)).toList() : List.of(),
            token(r.nextToken()));
    }

    /**
     * Maps a DeleteFaces answer.
     *
     * @param r the SDK response
     * @return the faces deleted and those refused
     */
    public static DeletedFaces deletedFaces(DeleteFacesResponse r) {
        List<FaceRefusal> refused = new ArrayList<>();
        if (r.hasUnsuccessfulFaceDeletions()) {
            for (UnsuccessfulFaceDeletion u : r.unsuccessfulFaceDeletions()) {
                refused.add(new FaceRefusal(u.faceId(), reasons(u.reasonsAsStrings()), OptionalDouble.empty()));
            }
        }
        return new DeletedFaces(r.hasDeletedFaces() ? List.copyOf(r.deletedFaces()) : List.of(), refused);
    }

    /**
     * Maps a SearchFacesByImage answer.
     *
     * @param r the SDK response
     * @param size the displayed size of the searched image, or null
     * @return the search, matches best first
     */
    public static FaceSearch faceSearch(SearchFacesByImageResponse r, ImageSize size) {
        Optional<FaceDetails> searched = Optional.empty();
        if (r.searchedFaceBoundingBox() != null) {
            FaceDetails.Builder b = FaceDetails.builder().boundingBox(FaceMapper.box(r.searchedFaceBoundingBox()));
            if (r.searchedFaceConfidence() != null) {
                b.confidence(FaceMapper.percent(r.searchedFaceConfidence()));
            }
            if (size != null) {
                b.imageSize(size);
            }
            searched = Optional.of(b.build());
        }
        return new FaceSearch(searched, Optional.empty(), matches(r.faceMatches(), r.hasFaceMatches()),
            r.faceModelVersion() == null ? "" : r.faceModelVersion());
    }

    /**
     * Maps a SearchFaces answer.
     *
     * @param r the SDK response
     * @return the search, matches best first
     */
    public static FaceSearch faceSearch(SearchFacesResponse r) {
        return new FaceSearch(Optional.empty(), Optional.ofNullable(r.searchedFaceId()),
            matches(r.faceMatches(), r.hasFaceMatches()), r.faceModelVersion() == null ? "" : r.faceModelVersion());
    }

    /** Returns the search of an image without a face: nothing searched, no match. */
    public static FaceSearch noFaceSearch() {
        return new FaceSearch(Optional.empty(), Optional.empty(), List.of(), "");
    }

    /**
     * Maps a stored face (ListFaces, SearchFaces, IndexFaces), decoding its person ids.
     *
     * @param f the SDK face
     * @param details the full face detail when the call returned one, or null
     * @return the face
     */
    public static IndexedFace indexedFace(Face f, FaceDetails details) {
        return new IndexedFace(
            f.faceId() == null ? "" : f.faceId(),
            Optional.ofNullable(f.imageId()),
            Optional.ofNullable(f.externalImageId()).map(PersonId::decode),
            Optional.ofNullable(f.externalImageId()),
            Optional.ofNullable(f.userId()).map(PersonId::decode),
            FaceMapper.box(f.boundingBox()),
            FaceMapper.percent(f.confidence()),
            Optional.ofNullable(f.indexFacesModelVersion()),
            Optional.ofNullable(details));
    }

    /**
     * Maps a face that IndexFaces did not store.
     *
     * @param u the SDK shape
     * @param size the displayed image size, or null
     * @return the face with its reasons
     */
    public static UnindexedFace unindexedFace(software.amazon.awssdk.services.rekognition.model.UnindexedFace u, ImageSize size) {
        EnumSet<UnindexedReason> reasons = EnumSet.noneOf(UnindexedReason.class);
        if (u.hasReasons()) {
            u.reasonsAsStrings().forEach(r -> reasons.add(UnindexedReason.fromWire(r)));
        }
        FaceDetail d = u.faceDetail() == null ? FaceDetail.builder().build() : u.faceDetail();
        return new UnindexedFace(reasons, FaceMapper.face(d, size));
    }

    private static List<FaceMatch> matches(List<software.amazon.awssdk.services.rekognition.model.FaceMatch> sdk, boolean present) {
        if (!present) {
            return List.of();
        }
        List<FaceMatch> out = new ArrayList<>();
        sdk.stream().filter(m -> m.face() != null)
            .forEach(m -> out.add(new FaceMatch(FaceMapper.percent(m.similarity()), indexedFace(m.face(), null))));
        out.sort(Comparator.comparingDouble(FaceMatch::similarity).reversed());
        return out;
    }

    /** Maps the service's refusal reasons of DeleteFaces, AssociateFaces and DisassociateFaces. */
    static EnumSet<FaceRefusal.Reason> reasons(List<String> raw) {
        EnumSet<FaceRefusal.Reason> out = EnumSet.noneOf(FaceRefusal.Reason.class);
        if (raw != null) {
            raw.forEach(r -> out.add(FaceRefusal.Reason.fromWire(r)));
        }
        return out;
    }

    /** Maps a NextToken: null or empty is the last page. */
    static Optional<String> token(String t) {
        return t == null || t.isEmpty() ? Optional.empty() : Optional.of(t);
    }
}
