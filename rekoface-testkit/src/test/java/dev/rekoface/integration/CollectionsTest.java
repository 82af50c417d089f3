package dev.rekoface.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.rekoface.AlreadyExistsException;
import dev.rekoface.AsyncFaceCollection;
import dev.rekoface.FaceCollection;
import dev.rekoface.InvalidArgumentException;
import dev.rekoface.NotFoundException;
import dev.rekoface.RekofaceAsyncClient;
import dev.rekoface.RekofaceClient;
import dev.rekoface.image.ImageSource;
import dev.rekoface.model.CollectionInfo;
import dev.rekoface.model.CollectionSummary;
import dev.rekoface.model.ForgetResult;
import dev.rekoface.model.IndexOptions;
import dev.rekoface.model.IndexResult;
import dev.rekoface.model.IndexedFace;
import dev.rekoface.model.Recognition;
import dev.rekoface.model.UnindexedReason;
import dev.rekoface.testkit.fixtures.Fixtures;
import dev.rekoface.testkit.junit.LocalRekognition;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.rekognition.RekognitionClient;

/** Register, recognize and forget people, sync and async, against the emulator. */
@LocalRekognition
class CollectionsTest {
    static final String OBAMA = "Barack Obama <b.o@wh.gov>/ñ";
    static final String BIDEN = "joe biden";

    static ImageSource img(String name) {
        return ImageSource.fromBytes(Fixtures.image(name).bytes());
    }

    @Test
    void registerRecognizeForget_sync(RekofaceClient reko) {
        FaceCollection people = reko.collection("people");
        people.create();
        IndexResult obama = people.index(img("obama.jpg"), OBAMA);
        assertThat(obama.indexed()).singleElement().satisfies(f -> assertThat(f.personId()).contains(OBAMA));
        people.index(img("biden.jpg"), BIDEN);

        Recognition who = people.recognize(img("obama2.jpg")).orElseThrow();
        assertThat(who.personId()).contains(OBAMA);
        assertThat(who.similarity()).isGreaterThanOrEqualTo(80);
        assertThat(people.recognize(img("biden.jpg")).flatMap(Recognition::personId)).contains(BIDEN);
        assertThat(people.recognize(img("coffee.png"))).as("no face: nobody").isEmpty();

        ForgetResult gone = people.forget(OBAMA);
        assertThat(gone.deletedFaceIds()).containsExactly(obama.indexed().get(0).faceId());
        assertThat(people.recognize(img("obama2.jpg"))).isEmpty();
        assertThat(people.facesOf(OBAMA)).isEmpty();
        assertThat(people.faces().map(IndexedFace::personId)).containsExactly(Optional.of(BIDEN));
        assertThat(people.describe().faceCount()).isEqualTo(1);
    }

    @Test
    void registerRecognizeForget_async(RekofaceAsyncClient reko) {
        AsyncFaceCollection people = reko.collection("people-async");
        people.createIfAbsent().join();
        people.index(img("obama.jpg"), OBAMA).join();
        people.index(img("biden.jpg"), BIDEN).join();
        assertThat(people.recognize(img("obama2.jpg")).join().flatMap(Recognition::personId)).contains(OBAMA);
        assertThat(people.recognize(img("coffee.png")).join()).isEmpty();
        assertThat(people.forget(OBAMA).join().deletedFaceIds()).hasSize(1);
        assertThat(people.recognize(img("obama2.jpg")).join()).isEmpty();
        assertThat(people.facesOf(OBAMA).join()).isEmpty();
        assertThat(people.faces().toList().join()).extracting(IndexedFace::personId).containsExactly(Optional.of(BIDEN));
    }

    @Test
    void forget_unknownPerson_isNotAnError(RekofaceClient reko) {
        FaceCollection c = reko.collection("nobody-here");
        c.create();
        ForgetResult r = c.forget("someone who was never indexed");
        assertThat(r.erasedAnything()).isFalse();
    }

    @Test
    void index_twoPeopleWithMaxFacesOne_storesTheLargestAndReportsTheOther(RekofaceClient reko) {
        FaceCollection c = reko.collection("two");
        c.create();
        IndexResult r = c.index(img("two_people.jpg"), "whoever is largest");
        assertThat(r.indexed()).hasSize(1);
        assertThat(r.unindexed()).singleElement().satisfies(u -> assertThat(u.reasons()).contains(UnindexedReason.EXCEEDS_MAX_FACES));
        IndexResult both = c.index(img("two_people.jpg"), "both", IndexOptions.defaults().withMaxFaces(2));
        assertThat(both.indexed()).hasSize(2);
    }

    @Test
    void describe_reportsCountsVersionAndCreationTime(RekofaceClient reko) {
        FaceCollection c = reko.collection("described");
        CollectionInfo created = c.create();
        c.index(img("obama.jpg"), OBAMA);
        CollectionInfo info = c.describe();
        assertThat(info.id()).isEqualTo("described");
        assertThat(info.faceCount()).isEqualTo(1);
        assertThat(info.userCount()).isZero();
        assertThat(info.faceModelVersion()).isNotBlank();
        assertThat(info.creationTime()).isPresent();
        assertThat(info.arn()).hasValueSatisfying(a -> assertThat(a).contains("collection/described"));
        assertThat(created.faceCount()).isZero();
    }

    @Test
    void create_twice_isAlreadyExistsButCreateIfAbsentIsFine(RekofaceClient reko) {
        FaceCollection c = reko.collection("dup");
        c.create();
        AlreadyExistsException e = catchThrowableOfType(AlreadyExistsException.class, c::create);
        assertThat(e).hasMessageContaining("collection 'dup'");
        assertThat(e.resource()).contains("dup");
        assertThat(c.createIfAbsent().id()).isEqualTo("dup");
        assertThat(c.exists()).isTrue();
    }

    @Test
    void missingCollection_isNotFoundNamingIt_syncAndAsync(RekofaceClient reko, RekofaceAsyncClient async) {
        NotFoundException e = catchThrowableOfType(NotFoundException.class, () -> reko.collection("ghost").describe());
        assertThat(e).hasMessageContaining("collection 'ghost'");
        assertThat(e.resource()).contains("ghost");
        assertThatThrownBy(() -> reko.collection("ghost").index(img("obama.jpg"), OBAMA))
            .isInstanceOf(NotFoundException.class).hasMessageContaining("'ghost'");
        assertThatThrownBy(() -> async.collection("ghost").recognize(img("obama.jpg")).join())
            .isInstanceOf(CompletionException.class).hasCauseInstanceOf(NotFoundException.class);
        assertThat(reko.collection("ghost").exists()).isFalse();
        assertThat(reko.collection("ghost").deleteIfExists()).isFalse();
    }

    @Test
    void listCollections_andDelete(RekofaceClient reko) {
        for (String id : List.of("a1", "a2", "a3")) {
            reko.collection(id).create();
        }
        assertThat(reko.listCollections().map(CollectionSummary::id)).contains("a1", "a2", "a3");
        reko.collection("a2").delete();
        assertThat(reko.listCollections().map(CollectionSummary::id)).contains("a1", "a3").doesNotContain("a2");
        assertThatThrownBy(() -> reko.collection("a2").delete()).isInstanceOf(NotFoundException.class);
    }

    @Test
    void idsWrittenByOtherTools_readBackUnchanged(RekofaceClient reko, RekognitionClient raw) {
        reko.collection("boto").create();
        raw.indexFaces(b -> b.collectionId("boto").externalImageId("PersonNAME")
            .image(i -> i.bytes(SdkBytes.fromByteArray(Fixtures.image("obama.jpg").bytes()))));
        assertThat(reko.collection("boto").facesOf("PersonNAME")).hasSize(1);
        assertThat(reko.collection("boto").recognize(img("obama2.jpg")).flatMap(Recognition::personId)).contains("PersonNAME");
    }

    @Test
    void encodedIds_areWhatOtherToolsSee(RekofaceClient reko, RekognitionClient raw) {
        reko.collection("seen").create();
        reko.collection("seen").index(img("biden.jpg"), BIDEN);
        assertThat(raw.listFaces(b -> b.collectionId("seen")).faces().get(0).externalImageId()).isEqualTo("rf:joe_20biden");
    }

    @Test
    void searchByFaceId_findsTheSamePersonsOtherFaces(RekofaceClient reko) {
        FaceCollection c = reko.collection("byid");
        c.create();
        String first = c.index(img("obama.jpg"), OBAMA).indexed().get(0).faceId();
        String second = c.index(img("obama2.jpg"), OBAMA).indexed().get(0).faceId();
        c.index(img("biden.jpg"), BIDEN);
        var search = c.searchByFaceId(first, dev.rekoface.model.Threshold.percent(80), 10);
        assertThat(search.matches()).extracting(m -> m.face().faceId()).containsExactly(second);
        assertThat(search.searchedFaceId()).contains(first);
    }

    @Test
    void badInput_refusedBeforeAnyRequest(RekofaceClient reko, dev.rekoface.testkit.emulator.RekognitionEmulator emulator) {
        emulator.resetCounters();
        assertThatThrownBy(() -> reko.collection("bad id!")).isInstanceOf(InvalidArgumentException.class);
        FaceCollection c = reko.collection("fine");
        assertThatThrownBy(() -> c.index(img("obama.jpg"), "")).isInstanceOf(InvalidArgumentException.class);
        assertThatThrownBy(() -> c.index(img("obama.jpg"), "x".repeat(300))).isInstanceOf(InvalidArgumentException.class);
        assertThatThrownBy(() -> c.recognize(img("obama.jpg"), 0.7)).hasMessageContaining("did you mean 70?");
        assertThatThrownBy(() -> c.recognize(img("obama.jpg"), 101)).hasMessageContaining("out of range");
        assertThatThrownBy(() -> IndexOptions.defaults().withMaxFaces(0)).isInstanceOf(InvalidArgumentException.class);
        assertThatThrownBy(() -> c.searchByFaceId("not-a-uuid", dev.rekoface.model.Threshold.percent(80), 5))
            .isInstanceOf(InvalidArgumentException.class);
        assertThat(emulator.counters().totalRequests()).isZero();
    }
}
