package dev.rekoface.internal;

import dev.rekoface.AsyncFaceCollection;
import dev.rekoface.NotFoundException;
import dev.rekoface.AlreadyExistsException;
import dev.rekoface.PagedPublisher;
import dev.rekoface.RekofaceException;
import dev.rekoface.image.ImageSource;
import dev.rekoface.internal.mapper.DeletedFaces;
import dev.rekoface.internal.mapper.ErrorMapper;
import dev.rekoface.internal.mapper.Page;
import dev.rekoface.internal.operation.AssociateFacesOperation;
import dev.rekoface.internal.operation.AssociationInput;
import dev.rekoface.internal.operation.Checks;
import dev.rekoface.internal.operation.ImageSearchInput;
import dev.rekoface.internal.operation.CreateCollectionOperation;
import dev.rekoface.internal.operation.CreateUserOperation;
import dev.rekoface.internal.operation.DeleteCollectionOperation;
import dev.rekoface.internal.operation.DeleteFacesOperation;
import dev.rekoface.internal.operation.DeleteUserOperation;
import dev.rekoface.internal.operation.DescribeCollectionOperation;
import dev.rekoface.internal.operation.DisassociateFacesOperation;
import dev.rekoface.internal.operation.IndexFacesOperation;
import dev.rekoface.internal.operation.Invoker;
import dev.rekoface.internal.operation.Limits;
import dev.rekoface.internal.operation.ListFacesOperation;
import dev.rekoface.internal.operation.ListUsersOperation;
import dev.rekoface.internal.operation.PageRequest;
import dev.rekoface.internal.operation.SearchFacesByImageOperation;
import dev.rekoface.internal.operation.SearchFacesOperation;
import dev.rekoface.internal.operation.SearchUsersByImageOperation;
import dev.rekoface.internal.operation.SearchUsersOperation;
import dev.rekoface.internal.operation.UserInput;
import dev.rekoface.model.AssociationResult;
import dev.rekoface.model.CollectionInfo;
import dev.rekoface.model.FaceMatch;
import dev.rekoface.model.FaceRecognition;
import dev.rekoface.model.FaceSearch;
import dev.rekoface.model.ForgetResult;
import dev.rekoface.model.IndexOptions;
import dev.rekoface.model.IndexResult;
import dev.rekoface.model.IndexedFace;
import dev.rekoface.model.PersonId;
import dev.rekoface.model.QualityFilter;
import dev.rekoface.model.Recognition;
import dev.rekoface.model.Threshold;
import dev.rekoface.model.UserInfo;
import dev.rekoface.model.UserSearch;
import dev.rekoface.model.UserStatus;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The collection workflows, written once over an {@link Invoker}: the async client uses them directly, the sync
 * client through {@link DefaultFaceCollection}, which joins the (already completed) futures.
 */
public final class DefaultAsyncFaceCollection implements AsyncFaceCollection {
    private static final Logger LOG = LoggerFactory.getLogger(DefaultAsyncFaceCollection.class);

    private final String id;
    private final Invoker invoker;

    /**
     * Creates the collection handle; the id is validated here, before any request.
     *
     * @param id the collection id
     * @param invoker runs the operations
     */
    public DefaultAsyncFaceCollection(String id, Invoker invoker) {
        this.id = Checks.collectionId(id);
        this.invoker = invoker;
    }

    /** Runs a step that may throw on bad input, turning the throw into a failed future. */
    static <T> CompletableFuture<T> guard(java.util.function.Supplier<CompletableFuture<T>> step) {
        try {
            return step.get();
        } catch (RekofaceException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private static <T> CompletableFuture<T> recover(CompletableFuture<T> future, Class<? extends RekofaceException> type,
                                                    Function<RekofaceException, T> answer) {
        return future.handle((value, failure) -> {
            if (failure == null) {
                return CompletableFuture.completedFuture(value);
            }
            Throwable t = ErrorMapper.unwrap(failure);
            if (type.isInstance(t)) {
                return CompletableFuture.completedFuture(answer.apply((RekofaceException) t));
            }
            return CompletableFuture.<T>failedFuture(t);
        }).thenCompose(Function.identity());
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public CompletableFuture<CollectionInfo> create() {
        return invoker.invoke(CreateCollectionOperation.INSTANCE, id).thenCompose(arn -> describe());
    }

    @Override
    public CompletableFuture<CollectionInfo> createIfAbsent() {
        return recover(create().thenApply(Optional::of), AlreadyExistsException.class, e -> Optional.<CollectionInfo>empty())
            .thenCompose(created -> created.map(CompletableFuture::completedFuture).orElseGet(this::describe));
    }

    @Override
    public CompletableFuture<CollectionInfo> describe() {
        return invoker.invoke(DescribeCollectionOperation.INSTANCE, id);
    }

    @Override
    public CompletableFuture<Boolean> exists() {
        return recover(describe().thenApply(d -> true), NotFoundException.class, e -> false);
    }

    @Override
    public CompletableFuture<Void> delete() {
        return invoker.invoke(DeleteCollectionOperation.INSTANCE, id).thenApply(b -> null);
    }

    @Override
    public CompletableFuture<Boolean> deleteIfExists() {
        return recover(invoker.invoke(DeleteCollectionOperation.INSTANCE, id), NotFoundException.class, e -> false);
    }

    @Override
    public CompletableFuture<IndexResult> index(ImageSource image, String personId, IndexOptions options) {
        return guard(() -> {
            PersonId.toExternalImageId(personId);
            return invoker.invoke(IndexFacesOperation.INSTANCE, new IndexFacesOperation.Input(id, image, personId, options));
        });
    }

    @Override
    public CompletableFuture<Optional<Recognition>> recognize(ImageSource image, Threshold threshold) {
        return guard(() -> searchByImage(image, Checks.notNull(threshold, "face match threshold"), 1)
            .thenApply(search -> {
                if (search.searchedFace().isEmpty() || search.matches().isEmpty()) {
                    return Optional.empty();
                }
                FaceMatch best = search.matches().get(0);
                return Optional.of(new Recognition(best.face().personId(), best.similarity(), best.face(),
                    search.searchedFace().get()));
            }));
    }

    @Override
    public CompletableFuture<List<FaceRecognition>> recognizeAll(ImageSource image, Threshold threshold) {
        return guard(() -> RecognizeAll.run(invoker, image, threshold, (crop, t) -> searchByImage(crop, t, 1)));
    }

    @Override
    public CompletableFuture<FaceSearch> searchByImage(ImageSource image, Threshold threshold, int maxFaces) {
        return invoker.invoke(SearchFacesByImageOperation.INSTANCE,
            new ImageSearchInput(id, image, threshold, maxFaces, QualityFilter.NONE));
    }

    @Override
    public CompletableFuture<FaceSearch> searchByFaceId(String faceId, Threshold threshold, int maxFaces) {
        return invoker.invoke(SearchFacesOperation.INSTANCE, new SearchFacesOperation.Input(id, faceId, threshold, maxFaces));
    }

    CompletableFuture<Page<IndexedFace>> facePage(String token) {
        return invoker.invoke(ListFacesOperation.INSTANCE, new PageRequest(id, token));
    }

    CompletableFuture<Page<UserInfo>> userPage(String token) {
        return invoker.invoke(ListUsersOperation.INSTANCE, new PageRequest(id, token));
    }

    @Override
    public PagedPublisher<IndexedFace> faces() {
        return Pager.publisher(this::facePage);
    }

    @Override
    public CompletableFuture<List<IndexedFace>> facesOf(String personId) {
        return guard(() -> {
            String external = PersonId.encode(personId);
            List<IndexedFace> out = new ArrayList<>();
            return faces().forEach(f -> {
                if (f.externalImageId().filter(external::equals).isPresent()) {
                    out.add(f);
                }
            }).thenApply(v -> List.copyOf(out));
        });
    }

    @Override
    public CompletableFuture<ForgetResult> forget(String personId) {
        return guard(() -> {
            String external = PersonId.encode(personId);
            if (external.length() > PersonId.MAX_EXTERNAL_IMAGE_ID) {
                // Such an id can never have been stored: there is nothing to erase.
                return CompletableFuture.completedFuture(new ForgetResult(personId, List.of(), false));
            }
            CompletableFuture<Boolean> userDeleted = PersonId.fitsUserId(personId)
                ? deleteUser(personId) : CompletableFuture.completedFuture(false);
            List<String> deleted = new ArrayList<>();
            return userDeleted.thenCompose(u -> eraseFaces(personId, deleted, 1)
                .thenApply(v -> {
                    LOG.debug("Forgot a person in collection {}: {} face(s), user deleted: {}", id, deleted.size(), u);
                    return new ForgetResult(personId, deleted, u);
                }));
        });
    }

    /** Lists the person's faces, disassociates them from any user, deletes them, and verifies none is left. */
    private CompletableFuture<Void> eraseFaces(String personId, List<String> deleted, int attempt) {
        return facesOf(personId).thenCompose(faces -> {
            if (faces.isEmpty()) {
                return CompletableFuture.completedFuture(null);
            }
            if (attempt > 2) {
                return CompletableFuture.failedFuture(new RekofaceException("forget: " + faces.size() + " face(s) of person '"
                    + personId + "' are still in collection '" + id + "' after two attempts (is someone indexing them now?)"));
            }
            Map<String, List<String>> byUser = new LinkedHashMap<>();
            for (IndexedFace f : faces) {
                f.userPersonId().ifPresent(u -> byUser.computeIfAbsent(u, k -> new ArrayList<>()).add(f.faceId()));
            }
            CompletableFuture<Void> step = CompletableFuture.completedFuture(null);
            for (Map.Entry<String, List<String>> e : byUser.entrySet()) {
                for (List<String> chunk : chunks(e.getValue(), Limits.MAX_FACES_PER_USER)) {
                    step = step.thenCompose(v -> recover(disassociateFaces(e.getKey(), chunk).thenApply(r -> (Void) null),
                        NotFoundException.class, x -> null));
                }
            }
            List<String> ids = faces.stream().map(IndexedFace::faceId).toList();
            for (List<String> chunk : chunks(ids, Limits.MAX_DELETE)) {
                step = step.thenCompose(v -> invoker.invoke(DeleteFacesOperation.INSTANCE, new DeleteFacesOperation.Input(id, chunk))
                    .thenAccept((DeletedFaces r) -> deleted.addAll(r.deleted())));
            }
            return step.thenCompose(v -> eraseFaces(personId, deleted, attempt + 1));
        });
    }

    private static <T> List<List<T>> chunks(List<T> all, int size) {
        List<List<T>> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i += size) {
            out.add(all.subList(i, Math.min(all.size(), i + size)));
        }
        return out;
    }

    @Override
    public CompletableFuture<UserInfo> createUser(String personId) {
        return guard(() -> invoker.invoke(CreateUserOperation.INSTANCE, new UserInput(id, personId, token()))
            .thenApply(ok -> new UserInfo(personId, PersonId.toUserId(personId), UserStatus.CREATED)));
    }

    @Override
    public CompletableFuture<Boolean> deleteUser(String personId) {
        return guard(() -> recover(invoker.invoke(DeleteUserOperation.INSTANCE, new UserInput(id, personId, token())),
            NotFoundException.class, e -> false));
    }

    private static String token() {
        return UUID.randomUUID().toString();
    }

    @Override
    public PagedPublisher<UserInfo> users() {
        return Pager.publisher(this::userPage);
    }

    @Override
    public CompletableFuture<AssociationResult> associateFaces(String personId, Collection<String> faceIds,
                                                              Threshold userMatchThreshold) {
        return guard(() -> invoker.invoke(AssociateFacesOperation.INSTANCE, new AssociationInput(id, personId,
            faceIds == null ? null : new ArrayList<>(faceIds), userMatchThreshold, token())));
    }

    @Override
    public CompletableFuture<AssociationResult> disassociateFaces(String personId, Collection<String> faceIds) {
        return guard(() -> invoker.invoke(DisassociateFacesOperation.INSTANCE, new AssociationInput(id, personId,
            faceIds == null ? null : new ArrayList<>(faceIds), Threshold.DEFAULT_USER_ASSOCIATION, token())));
    }

    @Override
    public CompletableFuture<UserSearch> searchUsers(ImageSource image, Threshold userMatchThreshold, int maxUsers) {
        return invoker.invoke(SearchUsersByImageOperation.INSTANCE,
            new ImageSearchInput(id, image, userMatchThreshold, maxUsers, QualityFilter.NONE));
    }

    @Override
    public CompletableFuture<UserSearch> searchUsersByFaceId(String faceId, Threshold userMatchThreshold, int maxUsers) {
        return guard(() -> invoker.invoke(SearchUsersOperation.INSTANCE,
            new SearchUsersOperation.Input(id, null, Checks.notNull(faceId, "face id"), userMatchThreshold, maxUsers)));
    }

    @Override
    public CompletableFuture<UserSearch> searchUsersByPersonId(String personId, Threshold userMatchThreshold, int maxUsers) {
        return guard(() -> invoker.invoke(SearchUsersOperation.INSTANCE,
            new SearchUsersOperation.Input(id, Checks.notNull(personId, "person id"), null, userMatchThreshold, maxUsers)));
    }
}
