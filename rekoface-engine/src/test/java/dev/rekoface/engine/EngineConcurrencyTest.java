package dev.rekoface.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The shared engine used from several threads at once gives exactly the single-thread results. */
class EngineConcurrencyTest {

    @Test
    void detectDescribeClassify_fourThreadsAtOnce_sameResultsAsOneThread() throws Exception {
        FaceEngine engine = EngineFixtures.engine();
        List<BufferedImage> images = List.of(EngineFixtures.upright("two_people.jpg"),
            EngineFixtures.upright("family-1128318.jpg"), EngineFixtures.upright("astronaut.png"));
        List<String> expected = new ArrayList<>();
        for (BufferedImage img : images) {
            expected.add(run(engine, img));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int round = 0; round < 3; round++) {
                for (BufferedImage img : images) {
                    results.add(pool.submit(() -> run(engine, img)));
                }
            }
            for (int i = 0; i < results.size(); i++) {
                assertThat(results.get(i).get()).as("task %d", i).isEqualTo(expected.get(i % images.size()));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Every face's geometry, score, descriptor and expressions, as exact text. */
    private static String run(FaceEngine engine, BufferedImage img) {
        StringBuilder sb = new StringBuilder();
        for (EngineFace f : engine.detect(img)) {
            sb.append(f.box()).append(' ').append(f.score()).append(' ').append(f.eyeLeft())
                .append(f.eyeRight()).append(f.mouth()).append('\n');
            for (float v : engine.describe(img, f).values()) {
                sb.append(Float.floatToRawIntBits(v)).append(',');
            }
            for (float v : engine.expressions(img, f).values()) {
                sb.append(Float.floatToRawIntBits(v)).append(',');
            }
            sb.append('\n');
        }
        return sb.toString();
    }
}
