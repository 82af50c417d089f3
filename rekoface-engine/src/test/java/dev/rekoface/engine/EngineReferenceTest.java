package dev.rekoface.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Port equivalence with the TensorFlow.js reference outputs, the chip cutter, and the documented mappings. */
class EngineReferenceTest {
    private static final String REF = "/dev/rekoface/engine/reference/";

    static Stream<String> ids() {
        return lines("faces.txt").stream().filter(l -> !l.startsWith("#") && !l.isBlank())
            .map(l -> l.trim().split("\\s+")[0]);
    }

    @ParameterizedTest
    @MethodSource("ids")
    void describeChip_referenceChip_matchesTensorFlowJsWithin1e4(String id) {
        float[] expected = values("desc_" + id + ".txt");
        float[] actual = EngineFixtures.engine().describeChip(image("chip_" + id + ".png")).values();
        assertThat(actual).hasSize(128);
        for (int i = 0; i < 128; i++) {
            assertThat(actual[i]).as("value %d of %s", i, id).isCloseTo(expected[i], within(1e-4f));
        }
    }

    @ParameterizedTest
    @MethodSource("ids")
    void expressionsOfChip_referenceChip_matchesTensorFlowJsWithin1e4(String id) {
        float[] expected = values("expr_" + id + ".txt");
        float[] actual = EngineFixtures.engine().expressionsOfChip(image("chip112_" + id + ".png")).values();
        assertThat(actual).hasSize(7);
        for (int i = 0; i < 7; i++) {
            assertThat(actual[i]).as("%s of %s", Expression.values()[i].label(), id).isCloseTo(expected[i], within(1e-4f));
        }
    }

    @ParameterizedTest
    @MethodSource("ids")
    void alignedChip_facesTxtPoints_reproducesReferenceChips(String id) {
        String[] f = lines("faces.txt").stream().filter(l -> l.startsWith(id + " ")).findFirst().orElseThrow()
            .trim().split("\\s+");
        BufferedImage img = EngineFixtures.upright(f[2]);
        PixelPoint l = new PixelPoint(Double.parseDouble(f[3]), Double.parseDouble(f[4]));
        PixelPoint r = new PixelPoint(Double.parseDouble(f[5]), Double.parseDouble(f[6]));
        PixelPoint m = new PixelPoint(Double.parseDouble(f[7]), Double.parseDouble(f[8]));
        for (int size : new int[] {150, 112}) {
            BufferedImage chip = FaceEngine.alignedChip(img, l, r, m, size);
            BufferedImage ref = image((size == 150 ? "chip_" : "chip112_") + id + ".png");
            double sum = 0;
            int max = 0;
            for (int y = 0; y < size; y++) {
                for (int x = 0; x < size; x++) {
                    int a = chip.getRGB(x, y);
                    int b = ref.getRGB(x, y);
                    for (int s = 0; s < 24; s += 8) {
                        int d = Math.abs(((a >> s) & 0xff) - ((b >> s) & 0xff));
                        sum += d;
                        max = Math.max(max, d);
                    }
                }
            }
            assertThat(sum / (size * size * 3)).as("mean |difference| of %s at %d", id, size).isLessThan(0.5);
            assertThat(max).as("max difference of %s at %d", id, size).isLessThanOrEqualTo(2);
        }
    }

    @Test
    void referenceDescriptors_sameAndDifferentPeople_separatedBySimilarity80() {
        List<String> ids = ids().toList();
        for (int i = 0; i < ids.size(); i++) {
            for (int j = i + 1; j < ids.size(); j++) {
                double sim = FaceDescriptor.of(values("desc_" + ids.get(i) + ".txt"))
                    .similarity(FaceDescriptor.of(values("desc_" + ids.get(j) + ".txt")));
                boolean same = ids.get(i).replaceAll("\\d", "").equals(ids.get(j).replaceAll("\\d", ""));
                if (same) {
                    assertThat(sim).as("%s vs %s", ids.get(i), ids.get(j)).isGreaterThanOrEqualTo(80);
                } else {
                    assertThat(sim).as("%s vs %s", ids.get(i), ids.get(j)).isLessThan(80);
                }
            }
        }
    }

    @Test
    void similarityForDistance_thresholdDistance_gives80AndDecreasesStrictly() {
        assertThat(FaceEngine.similarityForDistance(FaceEngine.THRESHOLD_DISTANCE)).isCloseTo(80, within(1e-9));
        assertThat(FaceEngine.similarityForDistance(0)).isGreaterThan(99.9).isLessThanOrEqualTo(100);
        double previous = 101;
        for (double d = 0; d < 2; d += 0.01) {
            double s = FaceEngine.similarityForDistance(d);
            assertThat(s).isLessThan(previous).isBetween(0.0, 100.0);
            previous = s;
        }
        assertThat(FaceEngine.similarityForDistance(0.9)).isLessThan(2);
    }

    @Test
    void expressionsOfChip_referenceChips_topExpressionsAsDocumented() {
        FaceEngine engine = EngineFixtures.engine();
        assertThat(engine.expressionsOfChip(image("chip112_obama1.png")).dominant()).isEqualTo(Expression.HAPPY);
        assertThat(engine.expressionsOfChip(image("chip112_biden1.png")).dominant()).isEqualTo(Expression.NEUTRAL);
        assertThat(engine.expressionsOfChip(image("chip112_werner1.png")).dominant()).isEqualTo(Expression.SAD);
        assertThat(engine.expressionsOfChip(image("chip112_swami2.png")).dominant()).isEqualTo(Expression.ANGRY);
    }

    static BufferedImage image(String name) {
        try (InputStream in = EngineReferenceTest.class.getResourceAsStream(REF + name)) {
            assertThat(in).as(name).isNotNull();
            return ImageIO.read(in);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    static List<String> lines(String name) {
        try (InputStream in = EngineReferenceTest.class.getResourceAsStream(REF + name)) {
            assertThat(in).as(name).isNotNull();
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<String> out = new ArrayList<>();
            for (String l = r.readLine(); l != null; l = r.readLine()) {
                out.add(l);
            }
            return out;
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    static float[] values(String name) {
        List<String> l = lines(name);
        float[] v = new float[l.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = Float.parseFloat(l.get(i).trim());
        }
        return v;
    }
}
