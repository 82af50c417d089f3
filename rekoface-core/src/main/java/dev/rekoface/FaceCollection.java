package dev.rekoface;

import dev.rekoface.image.ImageSource;
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

/**
 * One Rekognition collection: the people you index, recognize and forget.
 *
 * <pre>{@code
 * FaceCollection staff = reko.collection("staff");
 * staff.createIfAbsent();
 * staff.index(ImageSource.fromFile(Path.of("ana.jpg")), "Ana María <ana@example.com>");   // register
 * staff.recognize(ImageSource.fromDataUrl(webcamCapture))                                   // log in
 *      .ifPresent(r -> System.out.println("Welcome " + r.personId().orElse("?")));
 * staff.forget("Ana María <ana@example.com>");                                              // erasure
 * }</pre>
 *
 * <p>Person ids are any string you have (names with spaces, e-mail addresses, paths, non-ASCII); they are encoded into
 * Rekognition's ExternalImageId/UserId alphabet with {@link dev.rekoface.model.PersonId} and decoded on the way back,
 * and ids written by other tools read back unchanged. Every listing follows the service's pages lazily. Inputs are
 * validated before any request; a missing collection is a {@link NotFoundException} naming it. Thread-safe; obtained
 * from {@link RekofaceClient#collection(String)}, and valid as long as that client is open.
 */
public interface FaceCollection {

    /** Returns the collection id. */
    String id();

    /**
     * Creates the collection; calls CreateCollection then DescribeCollection.
     *
     * @return what the service says about the new collection
     * @throws AlreadyExistsException if it exists
     */
    CollectionInfo create();

    /**
     * Creates the collection unless it exists.
     *
     * @return the collection, new or existing
     */
    CollectionInfo createIfAbsent();

    /**
     * Describes the collection: face and user counts, face model version, creation time; calls DescribeCollection.
     *
     * @return the description
     * @throws NotFoundException if the collection does not exist
     */
    CollectionInfo describe();

    /** Tells whether the collection exists. */
    boolean exists();

    /**
     * Deletes the collection with every face and user in it; calls DeleteCollection.
     *
     * @throws NotFoundException if it does not exist
     */
    void delete();

    /**
     * Deletes the collection if it exists.
     *
     * @return true if it existed
     */
    boolean deleteIfExists();

    /**
     * Indexes the largest face of an image under a person; calls IndexFaces.
     *
     * @param image the image
     * @param personId the person, any non-empty string whose encoding fits 255 characters
     * @return what was stored, and what was left out and why
     */
    default IndexResult index(ImageSource image, String personId) {
        return index(image, personId, IndexOptions.defaults());
    }

    /**
     * Indexes the faces of an image under a person; calls IndexFaces.
     *
     * @param image the image
     * @param personId the person
     * @param options attributes, how many faces, quality filter
     * @return what was stored, and what was left out and why
     */
    IndexResult index(ImageSource image, String personId, IndexOptions options);

    /**
     * Tells who is in an image at the default 80 % threshold; calls SearchFacesByImage with the largest face.
     *
     * @param image the image
     * @return the best-matching person, or empty when the image has no face or nobody matches
     */
    default Optional<Recognition> recognize(ImageSource image) {
        return recognize(image, Threshold.DEFAULT_SIMILARITY);
    }

    /**
     * Tells who is in an image.
     *
     * @param image the image
     * @param threshold the lowest similarity, percent 0-100 (0.7 is refused: "did you mean 70?")
     * @return the best-matching person, or empty when the image has no face or nobody matches
     */
    default Optional<Recognition> recognize(ImageSource image, double threshold) {
        return recognize(image, Threshold.of("face match threshold", threshold));
    }

    /**
     * Tells who is in an image.
     *
     * @param image the image
     * @param threshold the lowest similarity
     * @return the best-matching person, or empty when the image has no face or nobody matches
     */
    Optional<Recognition> recognize(ImageSource image, Threshold threshold);

    /**
     * Tells who is in a photo, face by face, at the default 80 % threshold; see
     * {@link #recognizeAll(ImageSource, Threshold)}.
     *
     * @param image the photo; local bytes
     * @return one result per detected face, in DetectFaces' order; empty for a photo without a face
     */
    default List<FaceRecognition> recognizeAll(ImageSource image) {
        return recognizeAll(image, Threshold.DEFAULT_SIMILARITY);
    }

    /**
     * Tells who is in a photo, face by face ("who is in this photo?"): detects every face (DetectFaces), cuts each
     * out with a margin of half its size on every side, scaled up to at least 80 pixels a side and upright, and
     * searches the collection with each crop (SearchFacesByImage), at most four at a time and within the client's
     * rate limit, retries and circuit breaker. Faces under {@link FaceRecognition#MIN_FACE_PIXELS} pixels on their
     * shorter side are not searched ({@link dev.rekoface.model.UnsearchedReason#TOO_SMALL}); a face whose crop has no
     * face for the service is reported as {@link dev.rekoface.model.UnsearchedReason#NO_FACE_IN_CROP}. Uses only
     * public Rekognition calls: 1 + (number of faces) requests.
     *
     * @param image the photo; local bytes (an S3 reference is refused before any request: its pixels are needed)
     * @param threshold the lowest similarity of a match
     * @return one result per detected face, in DetectFaces' order; empty for a photo without a face
     */
    List<FaceRecognition> recognizeAll(ImageSource image, Threshold threshold);

    /**
     * Searches the collection with the largest face of an image; calls SearchFacesByImage.
     *
     * @param image the image
     * @param threshold the lowest similarity
     * @param maxFaces the most matches, 1-4096
     * @return the search; its searched face is empty when the image has no face
     */
    FaceSearch searchByImage(ImageSource image, Threshold threshold, int maxFaces);

    /**
     * Searches the collection with a stored face; calls SearchFaces.
     *
     * @param faceId a face id of this collection
     * @param threshold the lowest similarity
     * @param maxFaces the most matches, 1-4096
     * @return the search (the face itself is not among the matches)
     */
    FaceSearch searchByFaceId(String faceId, Threshold threshold, int maxFaces);

    /** Lists every stored face, following ListFaces' pages lazily. */
    Stream<IndexedFace> faces();

    /**
     * Lists the faces stored under a person (ListFaces cannot filter by ExternalImageId: every page is read).
     *
     * @param personId the person
     * @return the faces
     */
    List<IndexedFace> facesOf(String personId);

    /**
     * Erases a person: deletes their user vector if any, disassociates and deletes every face indexed under their id
     * across all pages, then lists again to verify that none is left. Forgetting an unknown person is not an error.
     *
     * @param personId the person
     * @return what was deleted
     * @throws RekofaceException if faces are still present after a second attempt
     */
    ForgetResult forget(String personId);

    /**
     * Creates a user vector for a person; calls CreateUser with a client request token, so a retried call is
     * idempotent.
     *
     * @param personId the person, whose encoding must fit 128 characters
     * @return the user
     * @throws AlreadyExistsException if the user exists
     */
    UserInfo createUser(String personId);

    /**
     * Deletes a person's user vector (its faces stay, disassociated); calls DeleteUser.
     *
     * @param personId the person
     * @return true if the user existed
     */
    boolean deleteUser(String personId);

    /** Lists every user, following ListUsers' pages lazily. */
    Stream<UserInfo> users();

    /**
     * Associates faces with a person's user at the service's default user-match threshold, 75 %
     * ({@link Threshold#DEFAULT_USER_ASSOCIATION}); calls AssociateFaces.
     *
     * @param personId the person
     * @param faceIds 1-100 face ids (a user holds at most 100 faces)
     * @return the faces associated and those refused with their reasons
     */
    default AssociationResult associateFaces(String personId, Collection<String> faceIds) {
        return associateFaces(personId, faceIds, Threshold.DEFAULT_USER_ASSOCIATION);
    }

    /**
     * Associates faces with a person's user; calls AssociateFaces.
     *
     * @param personId the person
     * @param faceIds 1-100 face ids
     * @param userMatchThreshold how closely a face must match the user's other faces
     * @return the faces associated and those refused with their reasons
     */
    AssociationResult associateFaces(String personId, Collection<String> faceIds, Threshold userMatchThreshold);

    /**
     * Disassociates faces from a person's user; calls DisassociateFaces.
     *
     * @param personId the person
     * @param faceIds 1-100 face ids
     * @return the faces disassociated and those refused with their reasons
     */
    AssociationResult disassociateFaces(String personId, Collection<String> faceIds);

    /**
     * Searches the users with the largest face of an image at the default 80 % threshold; calls SearchUsersByImage.
     *
     * @param image the image
     * @return the users that match, best first; empty when the image has no face
     */
    default UserSearch searchUsers(ImageSource image) {
        return searchUsers(image, Threshold.DEFAULT_USER_SEARCH, 10);
    }

    /**
     * Searches the users with the largest face of an image; calls SearchUsersByImage.
     *
     * @param image the image
     * @param userMatchThreshold the lowest similarity
     * @param maxUsers the most users, 1-500
     * @return the users that match, best first
     */
    UserSearch searchUsers(ImageSource image, Threshold userMatchThreshold, int maxUsers);

    /**
     * Searches the users with a stored face; calls SearchUsers.
     *
     * @param faceId a face id of this collection
     * @param userMatchThreshold the lowest similarity
     * @param maxUsers the most users, 1-500
     * @return the users that match, best first
     */
    UserSearch searchUsersByFaceId(String faceId, Threshold userMatchThreshold, int maxUsers);

    /**
     * Searches the users similar to a person's user vector; calls SearchUsers.
     *
     * @param personId the person
     * @param userMatchThreshold the lowest similarity
     * @param maxUsers the most users, 1-500
     * @return the users that match, best first
     */
    UserSearch searchUsersByPersonId(String personId, Threshold userMatchThreshold, int maxUsers);
}
