package dev.rekoface.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rekoface.image.ImageSource;
import dev.rekoface.image.LocalImage;
import dev.rekoface.model.BoundingBox;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/** The parts of recognizeAll that the emulator tests cannot pin down: the in-flight bound and the face crops. */
class RecognizeAllPartsTest {

    @Test
    void bounded_sixTasksMaxTwo_neverMoreThanTwoPendingAndResultsInItemOrder() {
        List<CompletableFuture<String>> started = new ArrayList<>();
        CompletableFuture<List<String>> all = RecognizeAll.bounded(List.of(0, 1, 2, 3, 4, 5), 2, i -> {
            CompletableFuture<String> f = new CompletableFuture<>();
            started.add(f);
            return f;
        });
        assertThat(started).hasSize(2);
        started.get(1).complete("b");
        assertThat(started).hasSize(3);
        started.get(2).complete("c");
        started.get(0).complete("a");
        assertThat(started).hasSize(5);
        started.get(4).complete("e");
        started.get(3).complete("d");
        assertThat(all).isNotDone();
        started.get(5).complete("f");
        assertThat(all.join()).containsExactly("a", "b", "c", "d", "e", "f");
    }

    @Test
    void bounded_firstFailure_failsTheWholeAndStartsNothingMore() {
        List<CompletableFuture<String>> started = new ArrayList<>();
        CompletableFuture<List<String>> all = RecognizeAll.bounded(List.of(0, 1, 2, 3), 1, i -> {
            if (i == 1) {
                throw new IllegalStateException("boom");
            }
            CompletableFuture<String> f = new CompletableFuture<>();
            started.add(f);
            return f;
        });
        started.get(0).complete("a");
        assertThat(all).isCompletedExceptionally();
        assertThat(started).as("nothing started after the failure").hasSize(1);
        org.assertj.core.api.Assertions.assertThatThrownBy(all::join).isInstanceOf(CompletionException.class)
            .hasRootCauseMessage("boom");
    }

    @Test
    void bounded_failureWhileAnotherRuns_thatOneFinishingStartsNothingMore() {
        List<CompletableFuture<String>> started = new ArrayList<>();
        CompletableFuture<List<String>> all = RecognizeAll.bounded(List.of(0, 1, 2, 3), 2, i -> {
            CompletableFuture<String> f = new CompletableFuture<>();
            started.add(f);
            return f;
        });
        assertThat(started).hasSize(2);
        started.get(0).completeExceptionally(new IllegalStateException("throttled for good"));
        assertThat(all).isCompletedExceptionally();
        started.get(1).complete("b");
        assertThat(started).as("the task still running when the first failed starts no other").hasSize(2);
    }

    @Test
    void crop_smallFaceInACorner_isClippedToThePhotoAndScaledUpToTheServiceMinimum() {
        BufferedImage photo = new BufferedImage(400, 300, BufferedImage.TYPE_INT_RGB);
        BoundingBox corner = new BoundingBox(0.0, 0.0, 0.05, 0.1); // 20 x 30 px at the top-left corner
        assertThat(FaceCrops.region(corner, 400, 300)).containsExactly(0, 0, 30, 45);
        LocalImage crop = FaceCrops.crop(photo, corner, "test photo");
        assertThat(crop.storedSize().width()).isGreaterThanOrEqualTo(ImageSource.MIN_SIDE);
        assertThat(crop.storedSize().height()).isGreaterThanOrEqualTo(ImageSource.MIN_SIDE);
        BoundingBox edge = new BoundingBox(0.9, 0.9, 0.1, 0.1); // runs to the bottom-right edge
        int[] r = FaceCrops.region(edge, 400, 300);
        assertThat(r[0] + r[2]).isEqualTo(400);
        assertThat(r[1] + r[3]).isEqualTo(300);
    }

    @Test
    void crop_hugeFace_isScaledDownToTheLongestSide() {
        BufferedImage photo = new BufferedImage(4000, 3000, BufferedImage.TYPE_INT_RGB);
        LocalImage crop = FaceCrops.crop(photo, new BoundingBox(0.1, 0.1, 0.8, 0.8), "test photo");
        assertThat(Math.max(crop.storedSize().width(), crop.storedSize().height())).isEqualTo(FaceCrops.MAX_SIDE);
    }
}
