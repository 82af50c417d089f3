package dev.rekoface.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The detector's tile plan: far fewer model runs than the catalogue's tiles, with no gap for the faces it promises. */
class EngineSearchPlanTest {
    private static final int N = 192;

    @ParameterizedTest
    @CsvSource({"640, 376, 6, 18", "1244, 984, 14, 49", "1349, 984, 14, 49", "2000, 1573, 14, 49", "512, 512, 4, 35",
        "449, 421, 6, 11", "485, 1102, 8, 85"})
    void tiles_defaultSearch_fewerThanTheCatalogueTiles(int w, int h, int expected, int legacy) {
        assertThat(FaceDetector.Search.DEFAULT.tiles(w, h, N)).hasSize(expected);
        assertThat(FaceDetector.Search.LEGACY.tiles(w, h, N)).hasSize(legacy);
    }

    @ParameterizedTest
    @CsvSource({"640, 376", "1244, 984", "1193, 1000", "2000, 1573", "512, 512", "485, 1102", "2000, 600", "300, 200"})
    void tiles_defaultSearch_everyFaceTooSmallForTheWholeImageLiesInsideATileAtTheFineScale(int w, int h) {
        FaceDetector.Search s = FaceDetector.Search.DEFAULT;
        List<double[]> tiles = s.tiles(w, h, N);
        int longSide = Math.max(w, h);
        double minFace = Math.max(s.minFaceRatio() * longSide, s.minFacePx());
        if (minFace * N / longSide >= s.trustFacePx()) {
            assertThat(tiles).isEmpty();
            return;
        }
        double fine = tiles.stream().mapToDouble(t -> t[2]).min().orElseThrow();
        // the smallest face gets at least tileFacePx / slack model pixels
        assertThat(minFace * N / fine).isGreaterThanOrEqualTo(s.tileFacePx() / s.slack() - 1e-9);
        // largest face the coarser pass may miss (whole image, or short-side tiles when present)
        boolean mid = tiles.stream().anyMatch(t -> t[2] > fine);
        double missed = s.trustFacePx() * (mid ? Math.min(w, h) : longSide) / N;
        double face = Math.min(missed, fine / 2);
        for (double y = 0; y + face <= h; y += face / 3) {
            for (double x = 0; x + face <= w; x += face / 3) {
                double fx = x;
                double fy = y;
                assertThat(tiles.stream().anyMatch(t -> t[2] == fine && fx >= t[0] - 1e-6 && fy >= t[1] - 1e-6
                    && fx + face <= t[0] + t[2] + 1e-6 && fy + face <= t[1] + t[2] + 1e-6))
                    .as("face of %.0f px at %.0f,%.0f in %dx%d", face, fx, fy, w, h).isTrue();
            }
        }
    }
}
