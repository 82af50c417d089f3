package dev.rekoface.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rekoface.InvalidArgumentException;
import dev.rekoface.RekofaceClient;
import dev.rekoface.model.CollectionSummary;
import dev.rekoface.model.FaceDetails;
import dev.rekoface.testkit.emulator.RekognitionEmulator;
import dev.rekoface.testkit.junit.LocalRekognition;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The story programs' {@code run} methods, given the public clients, against the local emulator (the S3 stories run in
 * rekoface-cli's tour tests, which have an S3 server).
 */
@LocalRekognition
class StoriesTest {
    private final StringWriter text = new StringWriter();
    private final PrintWriter out = new PrintWriter(text, true);

    private static List<String> collections(RekofaceClient reko) {
        return reko.listCollections().map(CollectionSummary::id).toList();
    }

    @Test
    void facialAnalysis_familyPhoto_printsEachFaceWithItsEmotions(RekofaceClient reko) {
        List<FaceDetails> faces = FacialAnalysis.run(reko, out, "family-1128316.jpg");

        assertThat(faces).hasSize(3).allSatisfy(f -> assertThat(f.emotions()).isNotEmpty());
        assertThat(text.toString()).startsWith("family-1128316.jpg: 3 face(s)").contains("face 3: age ")
            .contains("    emotion     confidence");
    }

    @Test
    void addToCollection_wernerAndSwami_namesWernerOnly_andDeletesItsCollection(RekofaceClient reko) {
        AddToCollection.run(reko, out);

        assertThat(text.toString()).contains("check_face Werner3.jpeg: Werner Vogels (")
            .contains("check_face Swami2.jpeg: unknown");
        assertThat(collections(reko)).doesNotContain(AddToCollection.COLLECTION);
    }

    @Test
    void faceLogin_registerLoginStrangerForget_eachAsTheStorySays(RekofaceClient reko) {
        FaceLogin.run(reko, out);

        assertThat(text.toString().lines()).contains("login by a stranger: rejected", "login after forgetting: rejected")
            .anyMatch(l -> l.startsWith("login with a new snapshot: welcome barack@example.com ("));
        assertThat(collections(reko)).doesNotContain(FaceLogin.COLLECTION);
    }

    @Test
    void s3Stories_withoutABucket_refusedBeforeAnyRequest(RekofaceClient reko, RekognitionEmulator emulator) {
        assertThatThrownBy(() -> HandsOnLab.run(reko, null, null, out)).isInstanceOf(InvalidArgumentException.class)
            .hasMessageContaining("needs a bucket holding the sample images").hasMessageContaining("--bucket");
        assertThatThrownBy(() -> EmotionPipeline.run(reko, null, null, out)).isInstanceOf(InvalidArgumentException.class)
            .hasMessageContaining("--bucket");
        assertThat(emulator.counters().totalRequests()).isZero();
    }
}
