package dev.rekoface.internal;

import dev.rekoface.FaceCollection;
import dev.rekoface.image.ImageSource;
import dev.rekoface.internal.operation.Invoker;
import dev.rekoface.model.AssociationResult;
import dev.rekoface.model.CollectionInfo;
import dev.rekoface.model.FaceRecognition;
import dev.rekoface.model.FaceSearch;
import dev.rekoface.model.ForgetResult;
import dev.rekoface.model.IndexOptions;
import dev.rekoface.model.IndexResult;
import dev.rekoface.model.IndexedFace;
import dev.rekoface.model.Recognition;
import dev.rekoface.model.Threshold;
import dev.rekoface.model.UserInfo;
import dev.rekoface.model.UserSearch;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** The blocking collection: the shared workflows on a sync invoker, whose futures are already complete. */
public final class DefaultFaceCollection implements FaceCollection {
    private final DefaultAsyncFaceCollection core;

    /**
     * Wraps the workflows.
     *
     * @param core the workflows, on a sync invoker
     */
    public DefaultFaceCollection(DefaultAsyncFaceCollection core) {
        this.core = core;
    }

    @Override
    public String id() {
        return core.id();
    }

    @Override
    public CollectionInfo create() {
        return Invoker.join(core.create());
    }

    @Override
    public CollectionInfo createIfAbsent() {
        return Invoker.join(core.createIfAbsent());
    }

    @Override
    public CollectionInfo describe() {
        return Invoker.join(core.describe());
    }

    @Override
    public boolean exists() {
        return Invoker.join(core.exists());
    }

    @Override
    public void delete() {
        Invoker.join(core.delete());
    }

    @Override
    public boolean deleteIfExists() {
        return Invoker.join(core.deleteIfExists());
    }

    @Override
    public IndexResult index(ImageSource image, String personId, IndexOptions options) {
        return Invoker.join(core.index(image, personId, options));
    }

    @Override
    public Optional<Recognition> recognize(ImageSource image, Threshold threshold) {
        return Invoker.join(core.recognize(image, threshold));
    }

    @Override
    public List<FaceRecognition> recognizeAll(ImageSource image, Threshold threshold) {
        return Invoker.join(core.recognizeAll(image, threshold));
    }

    @Override
    public FaceSearch searchByImage(ImageSource image, Threshold threshold, int maxFaces) {
        return Invoker.join(core.searchByImage(image, threshold, maxFaces));
    }

    @Override
    public FaceSearch searchByFaceId(String faceId, Threshold threshold, int maxFaces) {
        return Invoker.join(core.searchByFaceId(faceId, threshold, maxFaces));
    }

    @Override
    public Stream<IndexedFace> faces() {
        return Pager.stream(core::facePage);
    }

    @Override
    public List<IndexedFace> facesOf(String personId) {
        return Invoker.join(core.facesOf(personId));
    }

    @Override
    public ForgetResult forget(String personId) {
        return Invoker.join(core.forget(personId));
    }

    @Override
    public UserInfo createUser(String personId) {
        return Invoker.join(core.createUser(personId));
    }

    @Override
    public boolean deleteUser(String personId) {
        return Invoker.join(core.deleteUser(personId));
    }

    @Override
    public Stream<UserInfo> users() {
        return Pager.stream(core::userPage);
    }

    @Override
    public AssociationResult associateFaces(String personId, Collection<String> faceIds, Threshold userMatchThreshold) {
        return Invoker.join(core.associateFaces(personId, faceIds, userMatchThreshold));
    }

    @Override
    public AssociationResult disassociateFaces(String personId, Collection<String> faceIds) {
        return Invoker.join(core.disassociateFaces(personId, faceIds));
    }

    @Override
    public UserSearch searchUsers(ImageSource image, Threshold userMatchThreshold, int maxUsers) {
        return Invoker.join(core.searchUsers(image, userMatchThreshold, maxUsers));
    }

    @Override
    public UserSearch searchUsersByFaceId(String faceId, Threshold userMatchThreshold, int maxUsers) {
        return Invoker.join(core.searchUsersByFaceId(faceId, userMatchThreshold, maxUsers));
    }

    @Override
    public UserSearch searchUsersByPersonId(String personId, Threshold userMatchThreshold, int maxUsers) {
        return Invoker.join(core.searchUsersByPersonId(personId, userMatchThreshold, maxUsers));
    }
}
