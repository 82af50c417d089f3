package dev.rekoface.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.rekoface.InvalidArgumentException;
import dev.rekoface.RekofaceException;
import dev.rekoface.batch.BatchOutcome;
import dev.rekoface.image.ImageFormat;
import dev.rekoface.image.ImageHeader;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ModelTest {

    private static FaceDetails face() {
        return FaceDetails.builder()
            .boundingBox(new BoundingBox(0.1, 0.2, 0.3, 0.4))
            .confidence(99.5)
            .addEmotions(Emotion.of(EmotionType.CALM, 80), Emotion.of(EmotionType.HAPPY, 15))
            .addLandmarks(Landmark.of(LandmarkType.EYE_LEFT, 0.2, 0.3))
            .build();
    }

    @Test
    void faceDetails_equalWhenFieldsEqual() {
        assertThat(face()).isEqualTo(face()).hasSameHashCodeAs(face());
        assertThat(face()).isNotEqualTo(FaceDetails.builder().from(face()).confidence(50).build());
    }

    @Test
    void faceDetails_nullsRejected() {
        assertThatThrownBy(() -> FaceDetails.builder().boundingBox(null)).isInstanceOf(NullPointerException.class)
            .hasMessageContaining("boundingBox");
        assertThatThrownBy(() -> FaceDetails.builder().build()).isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("boundingBox");
        assertThatThrownBy(() -> FaceDetails.builder().boundingBox(new BoundingBox(0, 0, 1, 1)).addEmotions((Emotion) null))
            .isInstanceOf(NullPointerException.class);
    }

    @Test
    void faceDetails_listsAreImmutable() {
        assertThatThrownBy(() -> face().emotions().add(Emotion.of(EmotionType.SAD, 1)))
            .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void dominantEmotion_isTheMostConfident() {
        assertThat(face().dominantEmotion()).contains(Emotion.of(EmotionType.CALM, 80));
    }

    @Test
    void pixelGeometry_needsTheImageSize() {
        assertThat(face().pixelBox()).isEmpty();
        FaceDetails sized = face().withImageSize(new ImageSize(1000, 500));
        PixelBox box = sized.pixelBox().orElseThrow();
        assertThat(box.left()).isCloseTo(100, within(1e-9));
        assertThat(box.top()).isCloseTo(100, within(1e-9));
        assertThat(box.right()).isCloseTo(400, within(1e-9));
        assertThat(box.bottom()).isCloseTo(300, within(1e-9));
        assertThat(sized.pixelLandmark(LandmarkType.EYE_LEFT)).contains(new Point(200, 150));
        assertThat(sized.pixelLandmark(LandmarkType.NOSE)).isEmpty();
    }

    @Test
    void boundingBox_ratiosOutsideTheImage_areKept() {
        BoundingBox b = new BoundingBox(-0.0108, 0.3674, 0.3146, 0.5718);
        assertThat(b.left()).isNegative();
        assertThat(b.toPixels(new ImageSize(100, 100)).left()).isCloseTo(-1.08, within(1e-9));
        assertThatThrownBy(() -> new BoundingBox(0, 0, -0.1, 0.1)).isInstanceOf(InvalidArgumentException.class);
        assertThatThrownBy(() -> new BoundingBox(Double.NaN, 0, 0.1, 0.1)).isInstanceOf(InvalidArgumentException.class);
    }

    @Test
    void percentages_areRangeChecked() {
        assertThatThrownBy(() -> new BooleanAttribute(true, 100.5)).hasMessageContaining("confidence");
        assertThatThrownBy(() -> Emotion.of(EmotionType.SAD, -1)).hasMessageContaining("confidence");
        assertThatThrownBy(() -> new Match(101, face())).hasMessageContaining("similarity");
        assertThatThrownBy(() -> Label.builder().name("x").confidence(120).build()).hasMessageContaining("confidence");
    }

    @Test
    void valueChecks_badValue_throwTheLibrarysInvalidArgumentExceptionNamingIt() {
        assertThatThrownBy(() -> new BooleanAttribute(true, 100.5)).isInstanceOf(InvalidArgumentException.class)
            .hasMessageContaining("100.5");
        assertThatThrownBy(() -> Label.builder().name("x").confidence(120).build()).isInstanceOf(InvalidArgumentException.class)
            .hasMessageContaining("120.0");
        assertThatThrownBy(() -> new AgeRange(30, 20)).isInstanceOf(InvalidArgumentException.class).hasMessageContaining("30-20");
        assertThatThrownBy(() -> new ImageSize(0, 10)).isInstanceOf(InvalidArgumentException.class).hasMessageContaining("0x10");
        assertThatThrownBy(() -> new ImageHeader(ImageFormat.JPEG, new ImageSize(10, 10), 9))
            .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("was 9");
        assertThatThrownBy(() -> new BatchOutcome<>(0, "a", Optional.of("r"), Optional.of(new RekofaceException("e"))))
            .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("not both");
        InvalidArgumentException e = org.assertj.core.api.Assertions.catchThrowableOfType(
            () -> Emotion.of(EmotionType.SAD, -1), InvalidArgumentException.class);
        assertThat(e.parameter()).contains("confidence");
    }

    @Test
    void unknownEnumStrings_mapToUnknownWithoutThrowing() {
        assertThat(EmotionType.fromWire("EXCITED")).isEqualTo(EmotionType.UNKNOWN);
        assertThat(EmotionType.fromWire(null)).isEqualTo(EmotionType.UNKNOWN);
        assertThat(EmotionType.fromWire("calm")).isEqualTo(EmotionType.CALM);
        assertThat(LandmarkType.fromWire("earLobe")).isEqualTo(LandmarkType.UNKNOWN);
        assertThat(LandmarkType.fromWire("chinBottom")).isEqualTo(LandmarkType.CHIN_BOTTOM);
        assertThat(GenderType.fromWire("Female")).isEqualTo(GenderType.FEMALE);
        assertThat(GenderType.fromWire("Nonbinary")).isEqualTo(GenderType.UNKNOWN);
    }

    @Test
    void landmarkType_hasTheServicesThirtyTypes() {
        assertThat(LandmarkType.values()).hasSize(31);
        assertThat(List.of(LandmarkType.values())).filteredOn(LandmarkType::isMain).hasSize(5);
        for (LandmarkType t : LandmarkType.values()) {
            if (t != LandmarkType.UNKNOWN) {
                assertThat(LandmarkType.fromWire(t.wireName())).isEqualTo(t);
            }
        }
    }

    @Test
    void faceComparison_emptyMeansNoSourceFace() {
        FaceComparison none = FaceComparison.builder().build();
        assertThat(none.sourceFace()).isEmpty();
        assertThat(none.bestMatch()).isEmpty();
        assertThat(none).isEqualTo(FaceComparison.builder().build());
    }

    @Test
    void records_rejectNulls() {
        assertThatThrownBy(() -> new Match(90, null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new Landmark(null, "x", new Point(0, 0))).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new Emotion(EmotionType.SAD, null, 1)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void faceAttributes_selections() {
        assertThat(FaceAttributes.DEFAULT.attributes()).isEmpty();
        assertThat(FaceAttributes.ALL.attributes()).hasSize(FaceAttribute.values().length);
        assertThat(FaceAttributes.of(FaceAttribute.SMILE, FaceAttribute.EMOTIONS))
            .isEqualTo(FaceAttributes.of(FaceAttribute.EMOTIONS, FaceAttribute.SMILE));
    }
}
