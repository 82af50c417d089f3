package dev.rekoface.integration;

import static dev.rekoface.integration.CollectionsTest.BIDEN;
import static dev.rekoface.integration.CollectionsTest.OBAMA;
import static dev.rekoface.integration.CollectionsTest.img;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rekoface.AlreadyExistsException;
import dev.rekoface.AsyncFaceCollection;
import dev.rekoface.FaceCollection;
import dev.rekoface.RekofaceAsyncClient;
import dev.rekoface.RekofaceClient;
import dev.rekoface.model.AssociationResult;
import dev.rekoface.model.FaceRefusal;
import dev.rekoface.model.ForgetResult;
import dev.rekoface.model.Threshold;
import dev.rekoface.model.UserInfo;
import dev.rekoface.model.UserMatch;
import dev.rekoface.model.UserSearch;
import dev.rekoface.testkit.junit.LocalRekognition;
import java.util.List;
import org.junit.jupiter.api.Test;

/** User vectors: create, associate (75 % by default), search, list, delete; forget removes the user too. */
@LocalRekognition
class UsersTest {

    @Test
    void users_sync(RekofaceClient reko) {
        FaceCollection c = reko.collection("users");
        c.create();
        String o1 = c.index(img("obama.jpg"), OBAMA).indexed().get(0).faceId();
        String o2 = c.index(img("obama2.jpg"), OBAMA).indexed().get(0).faceId();
        String b1 = c.index(img("biden.jpg"), BIDEN).indexed().get(0).faceId();

        UserInfo user = c.createUser(OBAMA);
        assertThat(user.personId()).isEqualTo(OBAMA);
        assertThatThrownBy(() -> c.createUser(OBAMA)).isInstanceOf(AlreadyExistsException.class).hasMessageContaining(OBAMA);

        AssociationResult assoc = c.associateFaces(OBAMA, List.of(o1, o2));
        assertThat(assoc.faceIds()).containsExactlyInAnyOrder(o1, o2);
        assertThat(assoc.refused()).isEmpty();

        AssociationResult wrong = c.associateFaces(OBAMA, List.of(b1));
        assertThat(wrong.faceIds()).isEmpty();
        assertThat(wrong.refused()).singleElement().satisfies(r -> {
            assertThat(r.faceId()).isEqualTo(b1);
            assertThat(r.reasons()).contains(FaceRefusal.Reason.LOW_MATCH_CONFIDENCE);
        });

        UserSearch byImage = c.searchUsers(img("obama2.jpg"));
        assertThat(byImage.bestMatch().map(UserMatch::personId)).contains(OBAMA);
        assertThat(c.searchUsers(img("coffee.png")).matches()).as("no face: empty, not an error").isEmpty();
        assertThat(c.searchUsersByFaceId(o1, Threshold.DEFAULT_USER_SEARCH, 5).matches()).extracting(UserMatch::personId)
            .containsExactly(OBAMA);
        assertThat(c.users().map(UserInfo::personId)).containsExactly(OBAMA);
        assertThat(c.describe().userCount()).isEqualTo(1);

        AssociationResult off = c.disassociateFaces(OBAMA, List.of(o2));
        assertThat(off.faceIds()).containsExactly(o2);

        ForgetResult gone = c.forget(OBAMA);
        assertThat(gone.userDeleted()).isTrue();
        assertThat(gone.deletedFaceIds()).containsExactlyInAnyOrder(o1, o2);
        assertThat(c.users()).isEmpty();
        assertThat(c.deleteUser(OBAMA)).isFalse();
    }

    @Test
    void users_async(RekofaceAsyncClient reko) {
        AsyncFaceCollection c = reko.collection("users-async");
        c.create().join();
        String o1 = c.index(img("obama.jpg"), OBAMA).join().indexed().get(0).faceId();
        c.createUser(OBAMA).join();
        assertThat(c.associateFaces(OBAMA, List.of(o1)).join().faceIds()).containsExactly(o1);
        assertThat(c.searchUsers(img("obama2.jpg")).join().bestMatch().map(UserMatch::personId)).contains(OBAMA);
        assertThat(c.users().toList().join()).extracting(UserInfo::personId).containsExactly(OBAMA);
        assertThat(c.deleteUser(OBAMA).join()).isTrue();
        assertThat(c.users().toList().join()).isEmpty();
    }

    @Test
    void forget_faceAssociatedWithAnotherUser_isDisassociatedThenDeleted(RekofaceClient reko) {
        FaceCollection c = reko.collection("cross");
        c.create();
        String o1 = c.index(img("obama.jpg"), OBAMA).indexed().get(0).faceId();
        c.createUser("the president");
        c.associateFaces("the president", List.of(o1));
        ForgetResult gone = c.forget(OBAMA);
        assertThat(gone.deletedFaceIds()).containsExactly(o1);
        assertThat(gone.userDeleted()).as("the user has another id").isFalse();
        assertThat(c.facesOf(OBAMA)).isEmpty();
    }
}
