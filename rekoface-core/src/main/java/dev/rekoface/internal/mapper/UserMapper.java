package dev.rekoface.internal.mapper;

import dev.rekoface.model.AssociationResult;
import dev.rekoface.model.FaceDetails;
import dev.rekoface.model.FaceRefusal;
import dev.rekoface.model.ImageSize;
import dev.rekoface.model.PersonId;
import dev.rekoface.model.UserInfo;
import dev.rekoface.model.UserMatch;
import dev.rekoface.model.UserSearch;
import dev.rekoface.model.UserStatus;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import software.amazon.awssdk.services.rekognition.model.AssociateFacesResponse;
import software.amazon.awssdk.services.rekognition.model.DisassociateFacesResponse;
import software.amazon.awssdk.services.rekognition.model.ListUsersResponse;
import software.amazon.awssdk.services.rekognition.model.SearchUsersByImageResponse;
import software.amazon.awssdk.services.rekognition.model.SearchUsersResponse;

/**
 * Maps the answers of the user operations (ListUsers, AssociateFaces, DisassociateFaces, SearchUsers,
 * SearchUsersByImage) to rekoface models, decoding user ids back to person ids; tolerant like {@link FaceMapper}.
 */
public final class UserMapper {
    private UserMapper() {
    }

    /**
     * Maps a ListUsers page.
     *
     * @param r the SDK response
     * @return the page
     */
    public static Page<UserInfo> users(ListUsersResponse r) {
        return new Page<>(r.hasUsers() ? r.users().stream()
            .map(u -> new UserInfo(PersonId.decode(u.userId()), u.userId(), UserStatus.fromWire(u.userStatusAsString())))
            .toList() : List.of(), CollectionMapper.token(r.nextToken()));
    }

    /**
     * Maps an AssociateFaces answer.
     *
     * @param r the SDK response
     * @return the faces associated and those refused, with the service's reasons and confidence
     */
    public static AssociationResult association(AssociateFacesResponse r) {
        return new AssociationResult(
            r.hasAssociatedFaces() ? r.associatedFaces().stream().map(a -> a.faceId()).toList() : List.of(),
            r.hasUnsuccessfulFaceAssociations() ? r.unsuccessfulFaceAssociations().stream()
                .map(u -> new FaceRefusal(u.faceId(), CollectionMapper.reasons(u.reasonsAsStrings()),
                    u.confidence() == null ? OptionalDouble.empty() : OptionalDouble.of(FaceMapper.percent(u.confidence()))))
                .toList() : List.of(),
            UserStatus.fromWire(r.userStatusAsString()));
    }

    /**
     * Maps a DisassociateFaces answer.
     *
     * @param r the SDK response
     * @return the faces disassociated and those refused
     */
    public static AssociationResult disassociation(DisassociateFacesResponse r) {
        return new AssociationResult(
            r.hasDisassociatedFaces() ? r.disassociatedFaces().stream().map(a -> a.faceId()).toList() : List.of(),
            r.hasUnsuccessfulFaceDisassociations() ? r.unsuccessfulFaceDisassociations().stream()
                .map(u -> new FaceRefusal(u.faceId(), CollectionMapper.reasons(u.reasonsAsStrings()), OptionalDouble.empty())).toList()
                : List.of(),
            UserStatus.fromWire(r.userStatusAsString()));
    }

    /**
     * Maps a SearchUsers answer.
     *
     * @param r the SDK response
     * @return the search, matches best first
     */
    public static UserSearch userSearch(SearchUsersResponse r) {
        return new UserSearch(Optional.empty(), userMatches(r.userMatches(), r.hasUserMatches()), List.of());
    }

    /**
     * Maps a SearchUsersByImage answer.
     *
     * @param r the SDK response
     * @param size the displayed size of the searched image, or null
     * @return the search: the face searched, the matches best first, and the faces not searched
     */
    public static UserSearch userSearch(SearchUsersByImageResponse r, ImageSize size) {
        Optional<FaceDetails> searched = r.searchedFace() == null || r.searchedFace().faceDetail() == null
            ? Optional.empty() : Optional.of(FaceMapper.face(r.searchedFace().faceDetail(), size));
        List<FaceDetails> unsearched = r.hasUnsearchedFaces() ? r.unsearchedFaces().stream()
            .filter(u -> u.faceDetails() != null).map(u -> FaceMapper.face(u.faceDetails(), size)).toList() : List.of();
        return new UserSearch(searched, userMatches(r.userMatches(), r.hasUserMatches()), unsearched);
    }

    /** Returns the user search of an image without a face: nothing searched, no match. */
    public static UserSearch noFaceUserSearch() {
        return new UserSearch(Optional.empty(), List.of(), List.of());
    }

    private static List<UserMatch> userMatches(List<software.amazon.awssdk.services.rekognition.model.UserMatch> sdk,
                                               boolean present) {
        if (!present) {
            return List.of();
        }
        List<UserMatch> out = new ArrayList<>();
        sdk.stream().filter(m -> m.user() != null && m.user().userId() != null)
            .forEach(m -> out.add(new UserMatch(PersonId.decode(m.user().userId()), m.user().userId(),
                FaceMapper.percent(m.similarity()), UserStatus.fromWire(m.user().userStatusAsString()))));
        out.sort(Comparator.comparingDouble(UserMatch::similarity).reversed());
        return out;
    }
}
