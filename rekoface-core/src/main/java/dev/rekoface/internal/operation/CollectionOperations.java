package dev.rekoface.internal.operation;

import dev.rekoface.AlreadyExistsException;
import dev.rekoface.RekofaceException;
import dev.rekoface.image.ImageSource;
import dev.rekoface.internal.ErrorMapper;
import dev.rekoface.internal.ModelMapper;
import dev.rekoface.internal.SdkImages;
import dev.rekoface.model.AssociationResult;
import dev.rekoface.model.CollectionInfo;
import dev.rekoface.model.CollectionSummary;
import dev.rekoface.model.FaceDetails;
import dev.rekoface.model.FaceMatch;
import dev.rekoface.model.FaceRefusal;
import dev.rekoface.model.FaceSearch;
import dev.rekoface.model.ImageSize;
import dev.rekoface.model.IndexOptions;
import dev.rekoface.model.IndexResult;
import dev.rekoface.model.IndexedFace;
import dev.rekoface.model.PersonId;
import dev.rekoface.model.QualityFilter;
import dev.rekoface.model.Threshold;
import dev.rekoface.model.UserInfo;
import dev.rekoface.model.UserMatch;
import dev.rekoface.model.UserSearch;
import dev.rekoface.model.UserStatus;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import software.amazon.awssdk.services.rekognition.RekognitionAsyncClient;
import software.amazon.awssdk.services.rekognition.RekognitionClient;
import software.amazon.awssdk.services.rekognition.model.AssociateFacesRequest;
import software.amazon.awssdk.services.rekognition.model.AssociateFacesResponse;
import software.amazon.awssdk.services.rekognition.model.CreateCollectionRequest;
import software.amazon.awssdk.services.rekognition.model.CreateCollectionResponse;
import software.amazon.awssdk.services.rekognition.model.CreateUserRequest;
import software.amazon.awssdk.services.rekognition.model.CreateUserResponse;
import software.amazon.awssdk.services.rekognition.model.DeleteCollectionRequest;
import software.amazon.awssdk.services.rekognition.model.DeleteCollectionResponse;
import software.amazon.awssdk.services.rekognition.model.DeleteFacesRequest;
import software.amazon.awssdk.services.rekognition.model.DeleteFacesResponse;
import software.amazon.awssdk.services.rekognition.model.DeleteUserRequest;
import software.amazon.awssdk.services.rekognition.model.DeleteUserResponse;
import software.amazon.awssdk.services.rekognition.model.DescribeCollectionRequest;
import software.amazon.awssdk.services.rekognition.model.DescribeCollectionResponse;
import software.amazon.awssdk.services.rekognition.model.DisassociateFacesRequest;
import software.amazon.awssdk.services.rekognition.model.DisassociateFacesResponse;
import software.amazon.awssdk.services.rekognition.model.IndexFacesRequest;
import software.amazon.awssdk.services.rekognition.model.IndexFacesResponse;
import software.amazon.awssdk.services.rekognition.model.ListCollectionsRequest;
import software.amazon.awssdk.services.rekognition.model.ListCollectionsResponse;
import software.amazon.awssdk.services.rekognition.model.ListFacesRequest;
import software.amazon.awssdk.services.rekognition.model.ListFacesResponse;
import software.amazon.awssdk.services.rekognition.model.ListUsersRequest;
import software.amazon.awssdk.services.rekognition.model.ListUsersResponse;
import software.amazon.awssdk.services.rekognition.model.SearchFacesByImageRequest;
import software.amazon.awssdk.services.rekognition.model.SearchFacesByImageResponse;
import software.amazon.awssdk.services.rekognition.model.SearchFacesRequest;
import software.amazon.awssdk.services.rekognition.model.SearchFacesResponse;
import software.amazon.awssdk.services.rekognition.model.SearchUsersByImageRequest;
import software.amazon.awssdk.services.rekognition.model.SearchUsersByImageResponse;
import software.amazon.awssdk.services.rekognition.model.SearchUsersRequest;
import software.amazon.awssdk.services.rekognition.model.SearchUsersResponse;
import software.amazon.awssdk.services.rekognition.model.UnsuccessfulFaceDeletion;

/** The collection, face and user operations. Each validates its input before any request. */
public final class CollectionOperations {
    /** Most faces per user, and per AssociateFaces/DisassociateFaces call. */
    public static final int MAX_FACES_PER_USER = 100;
    /** Most face ids per DeleteFaces call. */
    public static final int MAX_DELETE = 4096;
    /** Most matches a face search returns. */
    public static final int MAX_SEARCH_FACES = 4096;
    /** Most users a user search returns. */
    public static final int MAX_USERS = 500;

    private CollectionOperations() {
    }

    /** A page of a listing. */
    public record Page<T>(List<T> items, Optional<String> nextToken) {
    }

    /** Input of paged listings: the collection (or null) and the page token (or null). */
    public record PageRequest(String collectionId, String token) {
    }

    private static String collection(String id) {
        return "collection '" + id + "'";
    }

    private static Optional<String> token(String t) {
        return t == null || t.isEmpty() ? Optional.empty() : Optional.of(t);
    }

    // ---- collections -------------------------------------------------------------------------------------------

    /** CreateCollection; answers the collection's ARN. */
    public static final Op<String, CreateCollectionRequest, CreateCollectionResponse, String> CREATE_COLLECTION =
        Op.<String, CreateCollectionRequest, CreateCollectionResponse, String>named("CreateCollection")
            .request(id -> CreateCollectionRequest.builder().collectionId(Checks.collectionId(id)).build())
            .call(RekognitionClient::createCollection, RekognitionAsyncClient::createCollection)
            .response((r, id) -> r.collectionArn() == null ? "" : r.collectionArn())
            .resource(CollectionOperations::collection)
            .build();

    /** DescribeCollection. */
    public static final Op<String, DescribeCollectionRequest, DescribeCollectionResponse, CollectionInfo> DESCRIBE_COLLECTION =
        Op.<String, DescribeCollectionRequest, DescribeCollectionResponse, CollectionInfo>named("DescribeCollection")
            .request(id -> DescribeCollectionRequest.builder().collectionId(Checks.collectionId(id)).build())
            .call(RekognitionClient::describeCollection, RekognitionAsyncClient::describeCollection)
            .response((r, id) -> new CollectionInfo(id, Optional.ofNullable(r.collectionARN()),
                r.faceCount() == null ? 0 : r.faceCount(), r.userCount() == null ? 0 : r.userCount(),
                r.faceModelVersion() == null ? "" : r.faceModelVersion(), Optional.ofNullable(r.creationTimestamp())))
            .resource(CollectionOperations::collection)
            .build();

    /** DeleteCollection. */
    public static final Op<String, DeleteCollectionRequest, DeleteCollectionResponse, Boolean> DELETE_COLLECTION =
        Op.<String, DeleteCollectionRequest, DeleteCollectionResponse, Boolean>named("DeleteCollection")
            .request(id -> DeleteCollectionRequest.builder().collectionId(Checks.collectionId(id)).build())
            .call(RekognitionClient::deleteCollection, RekognitionAsyncClient::deleteCollection)
            .response((r, id) -> Boolean.TRUE)
            .resource(CollectionOperations::collection)
            .build();

    /** ListCollections, one page. */
    public static final Op<PageRequest, ListCollectionsRequest, ListCollectionsResponse, Page<CollectionSummary>> LIST_COLLECTIONS =
        Op.<PageRequest, ListCollectionsRequest, ListCollectionsResponse, Page<CollectionSummary>>named("ListCollections")
            .request(p -> ListCollectionsRequest.builder().nextToken(p.token()).build())
            .call(RekognitionClient::listCollections, RekognitionAsyncClient::listCollections)
            .response((r, p) -> {
                List<CollectionSummary> items = new ArrayList<>();
                List<String> ids = r.hasCollectionIds() ? r.collectionIds() : List.of();
                List<String> versions = r.hasFaceModelVersions() ? r.faceModelVersions() : List.of();
                for (int i = 0; i < ids.size(); i++) {
                    items.add(new CollectionSummary(ids.get(i), i < versions.size() ? versions.get(i) : ""));
                }
                return new Page<>(items, token(r.nextToken()));
            })
            .build();

    // ---- faces -------------------------------------------------------------------------------------------------

    /** Input of IndexFaces. */
    public record IndexInput(String collectionId, ImageSource image, String personId, IndexOptions options) {
    }

    /** IndexFaces. Not idempotent: a repeat after an ambiguous failure may store the face twice. */
    public static final Op<IndexInput, IndexFacesRequest, IndexFacesResponse, IndexResult> INDEX_FACES =
        Op.<IndexInput, IndexFacesRequest, IndexFacesResponse, IndexResult>named("IndexFaces")
            .request(in -> {
                Checks.collectionId(in.collectionId());
                Checks.notNull(in.image(), "image");
                Checks.notNull(in.options(), "options");
                IndexFacesRequest.Builder b = IndexFacesRequest.builder().collectionId(in.collectionId())
                    .image(SdkImages.toSdk(in.image(), "image"))
                    .detectionAttributesWithStrings(DetectFacesOperation.attributeStrings(in.options().attributes()))
                    .maxFaces(in.options().maxFaces())
                    .qualityFilter(in.options().qualityFilter().name());
                if (in.personId() != null) {
                    b.externalImageId(PersonId.toExternalImageId(in.personId()));
                }
                return b.build();
            })
            .call(RekognitionClient::indexFaces, RekognitionAsyncClient::indexFaces)
            .response((r, in) -> {
                ImageSize size = Checks.size(in.image());
                List<IndexedFace> indexed = new ArrayList<>();
                if (r.hasFaceRecords()) {
                    r.faceRecords().forEach(fr -> indexed.add(ModelMapper.indexedFace(fr.face(),
                        fr.faceDetail() == null ? null : ModelMapper.face(fr.faceDetail(), size))));
                }
                List<dev.rekoface.model.UnindexedFace> unindexed = new ArrayList<>();
                if (r.hasUnindexedFaces()) {
                    r.unindexedFaces().forEach(u -> unindexed.add(ModelMapper.unindexedFace(u, size)));
                }
                return new IndexResult(indexed, unindexed, r.faceModelVersion() == null ? "" : r.faceModelVersion());
            })
            .resource(in -> collection(in.collectionId()))
            .notIdempotent(CollectionOperations::findIndexedBefore)
            .build();

    /** Similarity at which a stored face of the same person is taken to come from the very same image. */
    public static final double SAME_IMAGE_SIMILARITY = 99.5;

    /**
     * After an ambiguous IndexFaces failure (a 5xx, a reset or a timeout once the request was sent), finds out whether
     * the lost call stored the face: searches the collection with the same image and takes a face of the same person
     * at {@value #SAME_IMAGE_SIMILARITY} % or more as the one it stored. With {@code maxFaces > 1}, every face sharing
     * that face's ImageId is returned (the faces one call stores share an ImageId). Empty means "not stored: index
     * again".
     */
    static java.util.concurrent.CompletableFuture<Optional<IndexResult>> findIndexedBefore(
        IndexInput in, dev.rekoface.internal.Invoker reads) {
        if (in.personId() == null) {
            return java.util.concurrent.CompletableFuture.completedFuture(Optional.empty());
        }
        String external = PersonId.toExternalImageId(in.personId());
        return reads.invoke(SEARCH_FACES_BY_IMAGE, new SearchByImageInput(in.collectionId(), in.image(),
                Threshold.exactly(SAME_IMAGE_SIMILARITY), 100, QualityFilter.NONE))
            .thenCompose(search -> {
                Optional<IndexedFace> same = search.matches().stream()
                    .filter(m -> m.similarity() >= SAME_IMAGE_SIMILARITY)
                    .map(FaceMatch::face)
                    .filter(f -> f.externalImageId().filter(external::equals).isPresent())
                    .findFirst();
                if (same.isEmpty()) {
                    return java.util.concurrent.CompletableFuture.completedFuture(Optional.<IndexResult>empty());
                }
                if (in.options().maxFaces() == 1 || same.get().imageId().isEmpty()) {
                    return java.util.concurrent.CompletableFuture.completedFuture(
                        Optional.of(new IndexResult(List.of(same.get()), List.of(), search.faceModelVersion())));
                }
                String imageId = same.get().imageId().get();
                List<IndexedFace> siblings = new ArrayList<>();
                return allFaces(in.collectionId(), reads, null, siblings, imageId)
                    .thenApply(v -> Optional.of(new IndexResult(siblings, List.of(), search.faceModelVersion())));
            });
    }

    private static java.util.concurrent.CompletableFuture<Void> allFaces(String collectionId, dev.rekoface.internal.Invoker reads,
                                                                        String token, List<IndexedFace> out, String imageId) {
        return reads.invoke(LIST_FACES, new PageRequest(collectionId, token)).thenCompose(page -> {
            page.items().stream().filter(f -> f.imageId().filter(imageId::equals).isPresent()).forEach(out::add);
            return page.nextToken().isPresent() ? allFaces(collectionId, reads, page.nextToken().get(), out, imageId)
                : java.util.concurrent.CompletableFuture.completedFuture(null);
        });
    }

    /** ListFaces, one page. */
    public static final Op<PageRequest, ListFacesRequest, ListFacesResponse, Page<IndexedFace>> LIST_FACES =
        Op.<PageRequest, ListFacesRequest, ListFacesResponse, Page<IndexedFace>>named("ListFaces")
            .request(p -> ListFacesRequest.builder().collectionId(Checks.collectionId(p.collectionId()))
                .nextToken(p.token()).maxResults(1000).build())
            .call(RekognitionClient::listFaces, RekognitionAsyncClient::listFaces)
            .response((r, p) -> new Page<>(r.hasFaces() ? r.faces().stream().map(f -> ModelMapper.indexedFace(f, null)).toList()
                : List.of(), token(r.nextToken())))
            .resource(p -> collection(p.collectionId()))
            .build();

    /** Input of DeleteFaces. */
    public record DeleteFacesInput(String collectionId, List<String> faceIds) {
    }

    /** Result of DeleteFaces. */
    public record DeleteFacesResult(List<String> deleted, List<FaceRefusal> refused) {
    }

    /** DeleteFaces (up to 4096 ids per call). */
    public static final Op<DeleteFacesInput, DeleteFacesRequest, DeleteFacesResponse, DeleteFacesResult> DELETE_FACES =
        Op.<DeleteFacesInput, DeleteFacesRequest, DeleteFacesResponse, DeleteFacesResult>named("DeleteFaces")
            .request(in -> DeleteFacesRequest.builder().collectionId(Checks.collectionId(in.collectionId()))
                .faceIds(Checks.faceIds(in.faceIds(), MAX_DELETE, "DeleteFaces")).build())
            .call(RekognitionClient::deleteFaces, RekognitionAsyncClient::deleteFaces)
            .response((r, in) -> {
                List<FaceRefusal> refused = new ArrayList<>();
                if (r.hasUnsuccessfulFaceDeletions()) {
                    for (UnsuccessfulFaceDeletion u : r.unsuccessfulFaceDeletions()) {
                        refused.add(new FaceRefusal(u.faceId(), reasons(u.reasonsAsStrings()), OptionalDouble.empty()));
                    }
                }
                return new DeleteFacesResult(r.hasDeletedFaces() ? List.copyOf(r.deletedFaces()) : List.of(), refused);
            })
            .resource(in -> collection(in.collectionId()))
            .build();

    /** Input of SearchFacesByImage. */
    public record SearchByImageInput(String collectionId, ImageSource image, Threshold threshold, int maxFaces,
                                     QualityFilter qualityFilter) {
    }

    /** SearchFacesByImage; an image without a face answers an empty search. */
    public static final Op<SearchByImageInput, SearchFacesByImageRequest, SearchFacesByImageResponse, FaceSearch> SEARCH_FACES_BY_IMAGE =
        Op.<SearchByImageInput, SearchFacesByImageRequest, SearchFacesByImageResponse, FaceSearch>named("SearchFacesByImage")
            .request(in -> {
                Checks.collectionId(in.collectionId());
                Checks.notNull(in.image(), "image");
                Checks.notNull(in.threshold(), "face match threshold");
                Checks.notNull(in.qualityFilter(), "quality filter");
                Checks.range(in.maxFaces(), 1, MAX_SEARCH_FACES, "maxFaces");
                return SearchFacesByImageRequest.builder().collectionId(in.collectionId())
                    .image(SdkImages.toSdk(in.image(), "image")).faceMatchThreshold(in.threshold().asFloat())
                    .maxFaces(in.maxFaces()).qualityFilter(in.qualityFilter().name()).build();
            })
            .call(RekognitionClient::searchFacesByImage, RekognitionAsyncClient::searchFacesByImage)
            .response((r, in) -> {
                Optional<FaceDetails> searched = Optional.empty();
                if (r.searchedFaceBoundingBox() != null) {
                    FaceDetails.Builder b = FaceDetails.builder().boundingBox(ModelMapper.box(r.searchedFaceBoundingBox()));
                    if (r.searchedFaceConfidence() != null) {
                        b.confidence(ModelMapper.percent(r.searchedFaceConfidence()));
                    }
                    in.image().geometrySize().ifPresent(b::imageSize);
                    searched = Optional.of(b.build());
                }
                return new FaceSearch(searched, Optional.empty(), matches(r.faceMatches(), r.hasFaceMatches()),
                    r.faceModelVersion() == null ? "" : r.faceModelVersion());
            })
            .answerError((failure, in) -> ErrorMapper.isNoFace(failure)
                ? Optional.of(new FaceSearch(Optional.empty(), Optional.empty(), List.of(), "")) : Optional.empty())
            .resource(in -> collection(in.collectionId()))
            .build();

    /** Input of SearchFaces. */
    public record SearchByFaceInput(String collectionId, String faceId, Threshold threshold, int maxFaces) {
    }

    /** SearchFaces. */
    public static final Op<SearchByFaceInput, SearchFacesRequest, SearchFacesResponse, FaceSearch> SEARCH_FACES =
        Op.<SearchByFaceInput, SearchFacesRequest, SearchFacesResponse, FaceSearch>named("SearchFaces")
            .request(in -> {
                Checks.collectionId(in.collectionId());
                Checks.faceId(in.faceId());
                Checks.notNull(in.threshold(), "face match threshold");
                Checks.range(in.maxFaces(), 1, MAX_SEARCH_FACES, "maxFaces");
                return SearchFacesRequest.builder().collectionId(in.collectionId()).faceId(in.faceId())
                    .faceMatchThreshold(in.threshold().asFloat()).maxFaces(in.maxFaces()).build();
            })
            .call(RekognitionClient::searchFaces, RekognitionAsyncClient::searchFaces)
            .response((r, in) -> new FaceSearch(Optional.empty(), Optional.ofNullable(r.searchedFaceId()),
                matches(r.faceMatches(), r.hasFaceMatches()), r.faceModelVersion() == null ? "" : r.faceModelVersion()))
            .resource(in -> collection(in.collectionId()) + " or face '" + in.faceId() + "'")
            .build();

    private static List<FaceMatch> matches(List<software.amazon.awssdk.services.rekognition.model.FaceMatch> sdk, boolean present) {
        if (!present) {
            return List.of();
        }
        List<FaceMatch> out = new ArrayList<>();
        sdk.stream().filter(m -> m.face() != null)
            .forEach(m -> out.add(new FaceMatch(ModelMapper.percent(m.similarity()), ModelMapper.indexedFace(m.face(), null))));
        out.sort(Comparator.comparingDouble(FaceMatch::similarity).reversed());
        return out;
    }

    // ---- users -------------------------------------------------------------------------------------------------

    /** Input of CreateUser/DeleteUser: collection, person and the idempotency token. */
    public record UserInput(String collectionId, String personId, String clientRequestToken) {
    }

    private static String user(UserInput in) {
        return "user '" + in.personId() + "' in " + collection(in.collectionId());
    }

    /** CreateUser, idempotent through its client request token; an existing user is an already-exists error. */
    public static final Op<UserInput, CreateUserRequest, CreateUserResponse, Boolean> CREATE_USER =
        Op.<UserInput, CreateUserRequest, CreateUserResponse, Boolean>named("CreateUser")
            .request(in -> CreateUserRequest.builder().collectionId(Checks.collectionId(in.collectionId()))
                .userId(PersonId.toUserId(in.personId())).clientRequestToken(in.clientRequestToken()).build())
            .call(RekognitionClient::createUser, RekognitionAsyncClient::createUser)
            .response((r, in) -> Boolean.TRUE)
            .mapError((failure, in) -> "ConflictException".equals(ErrorMapper.errorCode(failure))
                ? alreadyExists(failure, "CreateUser", user(in), in.personId()) : null)
            .resource(CollectionOperations::user)
            .build();

    private static RekofaceException alreadyExists(Throwable failure, String op, String what, String id) {
        Throwable cause = ErrorMapper.unwrap(failure);
        RekofaceException mapped = ErrorMapper.map(cause, op, what);
        return new AlreadyExistsException(op + ": " + what + " already exists (" + mapped.getMessage() + ")", id,
            cause instanceof RekofaceException r && r.getCause() != null ? r.getCause() : cause,
            mapped.errorCode().orElse(null), mapped.requestId().orElse(null));
    }

    /** DeleteUser, idempotent through its client request token. */
    public static final Op<UserInput, DeleteUserRequest, DeleteUserResponse, Boolean> DELETE_USER =
        Op.<UserInput, DeleteUserRequest, DeleteUserResponse, Boolean>named("DeleteUser")
            .request(in -> DeleteUserRequest.builder().collectionId(Checks.collectionId(in.collectionId()))
                .userId(PersonId.toUserId(in.personId())).clientRequestToken(in.clientRequestToken()).build())
            .call(RekognitionClient::deleteUser, RekognitionAsyncClient::deleteUser)
            .response((r, in) -> Boolean.TRUE)
            .resource(CollectionOperations::user)
            .build();

    /** ListUsers, one page. */
    public static final Op<PageRequest, ListUsersRequest, ListUsersResponse, Page<UserInfo>> LIST_USERS =
        Op.<PageRequest, ListUsersRequest, ListUsersResponse, Page<UserInfo>>named("ListUsers")
            .request(p -> ListUsersRequest.builder().collectionId(Checks.collectionId(p.collectionId()))
                .nextToken(p.token()).maxResults(MAX_USERS).build())
            .call(RekognitionClient::listUsers, RekognitionAsyncClient::listUsers)
            .response((r, p) -> new Page<>(r.hasUsers() ? r.users().stream()
                .map(u -> new UserInfo(PersonId.decode(u.userId()), u.userId(), UserStatus.fromWire(u.userStatusAsString())))
                .toList() : List.of(), token(r.nextToken())))
            .resource(p -> collection(p.collectionId()))
            .build();

    /** Input of AssociateFaces/DisassociateFaces. */
    public record AssociationInput(String collectionId, String personId, List<String> faceIds, Threshold threshold,
                                   String clientRequestToken) {
    }

    /** AssociateFaces (up to 100 faces per call and per user). */
    public static final Op<AssociationInput, AssociateFacesRequest, AssociateFacesResponse, AssociationResult> ASSOCIATE_FACES =
        Op.<AssociationInput, AssociateFacesRequest, AssociateFacesResponse, AssociationResult>named("AssociateFaces")
            .request(in -> {
                Checks.collectionId(in.collectionId());
                Checks.notNull(in.threshold(), "user match threshold");
                return AssociateFacesRequest.builder().collectionId(in.collectionId()).userId(PersonId.toUserId(in.personId()))
                    .faceIds(Checks.faceIds(in.faceIds(), MAX_FACES_PER_USER, "AssociateFaces"))
                    .userMatchThreshold(in.threshold().asFloat()).clientRequestToken(in.clientRequestToken()).build();
            })
            .call(RekognitionClient::associateFaces, RekognitionAsyncClient::associateFaces)
            .response((r, in) -> new AssociationResult(
                r.hasAssociatedFaces() ? r.associatedFaces().stream().map(a -> a.faceId()).toList() : List.of(),
                r.hasUnsuccessfulFaceAssociations() ? r.unsuccessfulFaceAssociations().stream()
                    .map(u -> new FaceRefusal(u.faceId(), reasons(u.reasonsAsStrings()),
                        u.confidence() == null ? OptionalDouble.empty() : OptionalDouble.of(ModelMapper.percent(u.confidence()))))
                    .toList() : List.of(),
                UserStatus.fromWire(r.userStatusAsString())))
            .resource(in -> "user '" + in.personId() + "' in " + collection(in.collectionId()))
            .build();

    /** DisassociateFaces. */
    public static final Op<AssociationInput, DisassociateFacesRequest, DisassociateFacesResponse, AssociationResult> DISASSOCIATE_FACES =
        Op.<AssociationInput, DisassociateFacesRequest, DisassociateFacesResponse, AssociationResult>named("DisassociateFaces")
            .request(in -> DisassociateFacesRequest.builder().collectionId(Checks.collectionId(in.collectionId()))
                .userId(PersonId.toUserId(in.personId()))
                .faceIds(Checks.faceIds(in.faceIds(), MAX_FACES_PER_USER, "DisassociateFaces"))
                .clientRequestToken(in.clientRequestToken()).build())
            .call(RekognitionClient::disassociateFaces, RekognitionAsyncClient::disassociateFaces)
            .response((r, in) -> new AssociationResult(
                r.hasDisassociatedFaces() ? r.disassociatedFaces().stream().map(a -> a.faceId()).toList() : List.of(),
                r.hasUnsuccessfulFaceDisassociations() ? r.unsuccessfulFaceDisassociations().stream()
                    .map(u -> new FaceRefusal(u.faceId(), reasons(u.reasonsAsStrings()), OptionalDouble.empty())).toList()
                    : List.of(),
                UserStatus.fromWire(r.userStatusAsString())))
            .resource(in -> "user '" + in.personId() + "' in " + collection(in.collectionId()))
            .build();

    private static EnumSet<FaceRefusal.Reason> reasons(List<String> raw) {
        EnumSet<FaceRefusal.Reason> out = EnumSet.noneOf(FaceRefusal.Reason.class);
        if (raw != null) {
            raw.forEach(r -> out.add(FaceRefusal.Reason.fromWire(r)));
        }
        return out;
    }

    /** Input of SearchUsers: by a person's user vector or by a stored face (exactly one of them). */
    public record SearchUsersInput(String collectionId, String personId, String faceId, Threshold threshold, int maxUsers) {
    }

    /** SearchUsers. */
    public static final Op<SearchUsersInput, SearchUsersRequest, SearchUsersResponse, UserSearch> SEARCH_USERS =
        Op.<SearchUsersInput, SearchUsersRequest, SearchUsersResponse, UserSearch>named("SearchUsers")
            .request(in -> {
                Checks.collectionId(in.collectionId());
                Checks.notNull(in.threshold(), "user match threshold");
                Checks.range(in.maxUsers(), 1, MAX_USERS, "maxUsers");
                SearchUsersRequest.Builder b = SearchUsersRequest.builder().collectionId(in.collectionId())
                    .userMatchThreshold(in.threshold().asFloat()).maxUsers(in.maxUsers());
                if (in.faceId() != null) {
                    b.faceId(Checks.faceId(in.faceId()));
                } else {
                    b.userId(PersonId.toUserId(in.personId()));
                }
                return b.build();
            })
            .call(RekognitionClient::searchUsers, RekognitionAsyncClient::searchUsers)
            .response((r, in) -> new UserSearch(Optional.empty(), userMatches(r.userMatches(), r.hasUserMatches()), List.of()))
            .resource(in -> collection(in.collectionId()))
            .build();

    /** Input of SearchUsersByImage. */
    public record SearchUsersByImageInput(String collectionId, ImageSource image, Threshold threshold, int maxUsers,
                                          QualityFilter qualityFilter) {
    }

    /** SearchUsersByImage; an image without a face is an empty search. */
    public static final Op<SearchUsersByImageInput, SearchUsersByImageRequest, SearchUsersByImageResponse, UserSearch>
        SEARCH_USERS_BY_IMAGE = Op.<SearchUsersByImageInput, SearchUsersByImageRequest, SearchUsersByImageResponse,
            UserSearch>named("SearchUsersByImage")
            .request(in -> {
                Checks.collectionId(in.collectionId());
                Checks.notNull(in.image(), "image");
                Checks.notNull(in.threshold(), "user match threshold");
                Checks.notNull(in.qualityFilter(), "quality filter");
                Checks.range(in.maxUsers(), 1, MAX_USERS, "maxUsers");
                return SearchUsersByImageRequest.builder().collectionId(in.collectionId())
                    .image(SdkImages.toSdk(in.image(), "image")).userMatchThreshold(in.threshold().asFloat())
                    .maxUsers(in.maxUsers()).qualityFilter(in.qualityFilter().name()).build();
            })
            .call(RekognitionClient::searchUsersByImage, RekognitionAsyncClient::searchUsersByImage)
            .response((r, in) -> {
                ImageSize size = Checks.size(in.image());
                Optional<FaceDetails> searched = r.searchedFace() == null || r.searchedFace().faceDetail() == null
                    ? Optional.empty() : Optional.of(ModelMapper.face(r.searchedFace().faceDetail(), size));
                List<FaceDetails> unsearched = r.hasUnsearchedFaces() ? r.unsearchedFaces().stream()
                    .filter(u -> u.faceDetails() != null).map(u -> ModelMapper.face(u.faceDetails(), size)).toList() : List.of();
                return new UserSearch(searched, userMatches(r.userMatches(), r.hasUserMatches()), unsearched);
            })
            .answerError((failure, in) -> ErrorMapper.isNoFace(failure)
                ? Optional.of(new UserSearch(Optional.empty(), List.of(), List.of())) : Optional.empty())
            .resource(in -> collection(in.collectionId()))
            .build();

    private static List<UserMatch> userMatches(List<software.amazon.awssdk.services.rekognition.model.UserMatch> sdk,
                                               boolean present) {
        if (!present) {
            return List.of();
        }
        List<UserMatch> out = new ArrayList<>();
        sdk.stream().filter(m -> m.user() != null && m.user().userId() != null)
            .forEach(m -> out.add(new UserMatch(PersonId.decode(m.user().userId()), m.user().userId(),
                ModelMapper.percent(m.similarity()), UserStatus.fromWire(m.user().userStatusAsString()))));
        out.sort(Comparator.comparingDouble(UserMatch::similarity).reversed());
        return out;
    }
}
