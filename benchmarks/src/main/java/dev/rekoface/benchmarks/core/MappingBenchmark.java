package dev.rekoface.benchmarks.core;

import dev.rekoface.image.ImageSource;
import dev.rekoface.internal.operation.DetectFacesOperation;
import dev.rekoface.model.FaceAttributes;
import dev.rekoface.model.FaceDetails;
import dev.rekoface.testkit.fixtures.Fixtures;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import software.amazon.awssdk.services.rekognition.model.AgeRange;
import software.amazon.awssdk.services.rekognition.model.BoundingBox;
import software.amazon.awssdk.services.rekognition.model.DetectFacesResponse;
import software.amazon.awssdk.services.rekognition.model.Emotion;
import software.amazon.awssdk.services.rekognition.model.EmotionName;
import software.amazon.awssdk.services.rekognition.model.FaceDetail;
import software.amazon.awssdk.services.rekognition.model.Landmark;
import software.amazon.awssdk.services.rekognition.model.LandmarkType;

/**
 * Maps a DetectFaces response of 100 faces with ALL attributes (30 landmarks, 8 emotions each) to rekoface models:
 * the cost rekoface adds to every call. Goal: at most 50 microseconds.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar MappingBenchmark -f 1 -wi 3 -i 5}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class MappingBenchmark {
    private DetectFacesResponse response;
    private DetectFacesOperation.Input input;

    @Setup
    public void setUp() {
        List<FaceDetail> faces = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            List<Landmark> landmarks = new ArrayList<>();
            for (LandmarkType t : LandmarkType.values()) {
                if (t != LandmarkType.UNKNOWN_TO_SDK_VERSION) {
                    landmarks.add(Landmark.builder().type(t).x(0.1f + i * 0.001f).y(0.2f).build());
                }
            }
            List<Emotion> emotions = new ArrayList<>();
            for (EmotionName e : EmotionName.values()) {
                if (e != EmotionName.UNKNOWN_TO_SDK_VERSION) {
                    emotions.add(Emotion.builder().type(e).confidence(10f + e.ordinal()).build());
                }
            }
            faces.add(FaceDetail.builder()
                .boundingBox(BoundingBox.builder().left(0.01f * i).top(0.1f).width(0.05f).height(0.07f).build())
                .ageRange(AgeRange.builder().low(20).high(30).build())
                .confidence(99.9f).landmarks(landmarks).emotions(emotions)
                .smile(s -> s.value(true).confidence(90f)).eyeglasses(s -> s.value(false).confidence(95f))
                .sunglasses(s -> s.value(false).confidence(99f)).gender(g -> g.value("Female").confidence(96f))
                .beard(s -> s.value(false).confidence(97f)).mustache(s -> s.value(false).confidence(97f))
                .eyesOpen(s -> s.value(true).confidence(98f)).mouthOpen(s -> s.value(false).confidence(90f))
                .pose(p -> p.roll(1f).yaw(2f).pitch(3f)).quality(q -> q.brightness(80f).sharpness(70f))
                .build());
        }
        response = DetectFacesResponse.builder().faceDetails(faces).build();
        input = new DetectFacesOperation.Input(ImageSource.fromBytes(Fixtures.image("obama.jpg").bytes()), FaceAttributes.ALL);
    }

    @Benchmark
    public List<FaceDetails> map100Faces() {
        return DetectFacesOperation.INSTANCE.transformResponse(response, input);
    }
}
