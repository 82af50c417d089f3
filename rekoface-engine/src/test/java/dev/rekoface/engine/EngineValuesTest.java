package dev.rekoface.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The engine's small value types: copies, equality, refusals, and comparison maths. */
class EngineValuesTest {

    private static float[] filled(int n, float v) {
        float[] a = new float[n];
        Arrays.fill(a, v);
        return a;
    }

    @Test
    void faceDescriptor_of_copiesAndComparesByValue() {
        float[] raw = filled(128, 0.1f);
        FaceDescriptor d = FaceDescriptor.of(raw);
        raw[0] = 9;
        assertThat(d.values()[0]).isEqualTo(0.1f);
        d.values()[1] = 9;
        assertThat(d.values()[1]).isEqualTo(0.1f);
        assertThat(d).isEqualTo(FaceDescriptor.of(filled(128, 0.1f))).hasSameHashCodeAs(FaceDescriptor.of(filled(128, 0.1f)));
        assertThat(d).isNotEqualTo(FaceDescriptor.of(filled(128, 0.2f)));
        assertThat(d.size()).isEqualTo(FaceEngine.DESCRIPTOR_SIZE);
        assertThat(d.toString()).isEqualTo("FaceDescriptor[128 values]").doesNotContain("0.1");
    }

    @Test
    void faceDescriptor_distanceAndSimilarity_followTheDocumentedCurve() {
        FaceDescriptor zero = FaceDescriptor.of(new float[128]);
        float[] v = new float[128];
        v[0] = (float) FaceEngine.THRESHOLD_DISTANCE;
        FaceDescriptor atThreshold = FaceDescriptor.of(v);
        assertThat(zero.distance(atThreshold)).isCloseTo(FaceEngine.THRESHOLD_DISTANCE, within(1e-7));
        assertThat(zero.similarity(atThreshold)).isCloseTo(80, within(1e-4));
        assertThat(FaceEngine.similarity(zero, atThreshold)).isEqualTo(zero.similarity(atThreshold));
        assertThat(zero.similarity(zero)).isGreaterThan(99.9);
    }

    @Test
    void faceDescriptor_badInput_refusedNamingTheProblem() {
        assertThatThrownBy(() -> FaceDescriptor.of(null)).isInstanceOf(NullPointerException.class).hasMessage("values");
        assertThatThrownBy(() -> FaceDescriptor.of(new float[0])).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("none");
        assertThatThrownBy(() -> FaceDescriptor.of(new float[128]).distance(FaceDescriptor.of(new float[64])))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("128 and 64");
        assertThatThrownBy(() -> FaceEngine.similarityForDistance(-0.1)).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("-0.1");
    }

    @Test
    void expressions_of_copiesReadsAndFindsTheDominantOne() {
        float[] p = {0.05f, 0.6f, 0.1f, 0.05f, 0.1f, 0.03f, 0.07f};
        Expressions e = Expressions.of(p);
        p[1] = 0;
        assertThat(e.probability(Expression.HAPPY)).isEqualTo(0.6f);
        assertThat(e.dominant()).isEqualTo(Expression.HAPPY);
        assertThat(e.values()).containsExactly(0.05f, 0.6f, 0.1f, 0.05f, 0.1f, 0.03f, 0.07f);
        assertThat(e).isEqualTo(Expressions.of(e.values())).hasSameHashCodeAs(Expressions.of(e.values()));
        assertThat(e.toString()).contains("happy 0.600");
        assertThat(Expression.FEARFUL.label()).isEqualTo("fearful");
        assertThatThrownBy(() -> Expressions.of(new float[8])).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("got 8");
        assertThatThrownBy(() -> Expressions.of(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void pixelValues_equalByValue_andRefuseNonFiniteOrNegativeSizes() {
        assertThat(new PixelPoint(1, 2)).isEqualTo(new PixelPoint(1, 2)).isNotEqualTo(new PixelPoint(2, 1));
        assertThat(new PixelBox(1, 2, 3, 4).right()).isEqualTo(4);
        assertThat(new PixelBox(1, 2, 3, 4).bottom()).isEqualTo(6);
        assertThatThrownBy(() -> new PixelPoint(Double.NaN, 0)).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("NaN");
        assertThatThrownBy(() -> new PixelBox(0, 0, -1, 1)).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("-1.0");
        assertThatThrownBy(() -> new FacePose(0, Double.POSITIVE_INFINITY, 0)).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("Infinity");
        assertThatThrownBy(() -> new FaceQuality(Double.NaN, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new FacePose(1, 2, 3)).isEqualTo(new FacePose(1, 2, 3));
        assertThat(new FaceQuality(50, 60)).isEqualTo(new FaceQuality(50, 60));
    }

    @Test
    void engineFace_mouthCorners_placedFromTheMouthAlongTheEyeLine() {
        EngineFace f = EngineFixtures.faces("obama.jpg").get(0);
        double vx = f.eyeRight().x() - f.eyeLeft().x();
        double vy = f.eyeRight().y() - f.eyeLeft().y();
        assertThat(f.mouthLeft().x()).isCloseTo(f.mouth().x() - 0.4 * vx, within(1e-9));
        assertThat(f.mouthLeft().y()).isCloseTo(f.mouth().y() - 0.4 * vy, within(1e-9));
        assertThat(f.mouthRight().x()).isCloseTo(f.mouth().x() + 0.4 * vx, within(1e-9));
        assertThat(f.mouthRight().y()).isCloseTo(f.mouth().y() + 0.4 * vy, within(1e-9));
        assertThat(f.toString()).startsWith("EngineFace[score 0.9").contains("of 910x1137");
    }

    @Test
    void describeAndExpressions_ofAFaceWithAnotherImage_areRefusedNamingBothSizes() {
        EngineFace f = EngineFixtures.faces("obama.jpg").get(0);
        java.awt.image.BufferedImage other = EngineFixtures.upright("biden.jpg");
        assertThatThrownBy(() -> EngineFixtures.engine().describe(other, f)).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("910x1137").hasMessageContaining(other.getWidth() + "x" + other.getHeight());
        assertThatThrownBy(() -> EngineFixtures.engine().expressions(other, f))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("910x1137");
        assertThatThrownBy(() -> FaceEngine.alignedChip(other, f.eyeLeft(), f.eyeRight(), f.mouth(), 0))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("was 0");
    }

    @Test
    void engineFace_built_equalByValue_andRefusesMissingPartsOrEmptyImages() {
        EngineFace f = EngineFixtures.faces("obama.jpg").get(0);
        EngineFace copy = new EngineFace(f.box(), f.score(), f.eyeLeft(), f.eyeRight(), f.nose(), f.mouth(), f.pose(),
            f.quality(), f.imageWidth(), f.imageHeight());
        assertThat(copy).isEqualTo(f).hasSameHashCodeAs(f);
        assertThatThrownBy(() -> new EngineFace(f.box(), f.score(), null, f.eyeRight(), f.nose(), f.mouth(), f.pose(),
            f.quality(), 10, 10)).isInstanceOf(NullPointerException.class).hasMessage("eyeLeft");
        assertThatThrownBy(() -> new EngineFace(f.box(), f.score(), f.eyeLeft(), f.eyeRight(), f.nose(), f.mouth(),
            f.pose(), f.quality(), 0, 10)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0x10");
    }
}
