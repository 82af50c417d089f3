package dev.rekoface.testkit.engine;

import dev.rekoface.engine.EngineFace;
import dev.rekoface.engine.Expression;
import dev.rekoface.engine.Expressions;
import dev.rekoface.engine.PixelBox;
import dev.rekoface.engine.PixelPoint;
import dev.rekoface.model.BoundingBox;
import dev.rekoface.model.Emotion;
import dev.rekoface.model.EmotionType;
import dev.rekoface.model.FaceDetails;
import dev.rekoface.model.ImageSize;
import dev.rekoface.model.Landmark;
import dev.rekoface.model.LandmarkType;
import dev.rekoface.model.Point;
import dev.rekoface.model.Pose;
import dev.rekoface.model.Quality;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Maps the face engine's results onto Rekognition's model: pixel geometry to ratios of the displayed image, the five
 * main landmarks with Rekognition's types, the engine's expressions to Rekognition's eight emotions; and back, a
 * face's eyes and mouth corners to the pixel points the engine aligns on. Stateless.
 */
final class EngineFaceMapper {
    private EngineFaceMapper() {
    }

    /**
     * Returns a face as Rekognition describes it: box and landmarks as ratios of the image it was found in, confidence
     * 100 times the detector score, pose, quality, the image size and the given emotions; no other attribute.
     */
    static FaceDetails details(EngineFace f, List<Emotion> emotions) {
        ImageSize size = new ImageSize(f.imageWidth(), f.imageHeight());
        PixelBox b = f.box();
        return FaceDetails.builder()
            .boundingBox(new BoundingBox(b.left() / size.width(), b.top() / size.height(), b.width() / size.width(),
                b.height() / size.height()))
            .confidence(Math.min(100, Math.max(0, 100.0 * f.score())))
            .landmarks(List.of(
                ratio(LandmarkType.EYE_LEFT, f.eyeLeft(), size),
                ratio(LandmarkType.EYE_RIGHT, f.eyeRight(), size),
                ratio(LandmarkType.NOSE, f.nose(), size),
                ratio(LandmarkType.MOUTH_LEFT, f.mouthLeft(), size),
                ratio(LandmarkType.MOUTH_RIGHT, f.mouthRight(), size)))
            .pose(new Pose(f.pose().roll(), f.pose().yaw(), f.pose().pitch()))
            .quality(new Quality(f.quality().brightness(), f.quality().sharpness()))
            .imageSize(size)
            .emotions(emotions)
            .build();
    }

    private static Landmark ratio(LandmarkType t, PixelPoint p, ImageSize size) {
        return Landmark.of(t, p.x() / size.width(), p.y() / size.height());
    }

    /**
     * Maps the seven expression probabilities onto Rekognition's emotions, as percentages, highest first:
     * neutral &rarr; {@code CALM}, happy &rarr; {@code HAPPY}, sad &rarr; {@code SAD}, angry &rarr; {@code ANGRY},
     * fearful &rarr; {@code FEAR}, disgusted &rarr; {@code DISGUSTED}, surprised &rarr; {@code SURPRISED};
     * {@code CONFUSED}, which the network does not know, gets 0. {@code UNKNOWN} is not reported. The eight values
     * sum to 100 (up to rounding).
     */
    static List<Emotion> emotions(Expressions expressions) {
        List<Emotion> out = new ArrayList<>();
        for (Expression x : Expression.values()) {
            double pct = Math.max(0, Math.min(100, 100.0 * expressions.probability(x)));
            out.add(Emotion.of(emotionOf(x), pct));
        }
        out.add(Emotion.of(EmotionType.CONFUSED, 0));
        out.sort(Comparator.comparingDouble((Emotion e) -> -e.confidence()));
        return List.copyOf(out);
    }

    private static EmotionType emotionOf(Expression x) {
        return switch (x) {
            case NEUTRAL -> EmotionType.CALM;
            case HAPPY -> EmotionType.HAPPY;
            case SAD -> EmotionType.SAD;
            case ANGRY -> EmotionType.ANGRY;
            case FEARFUL -> EmotionType.FEAR;
            case DISGUSTED -> EmotionType.DISGUSTED;
            case SURPRISED -> EmotionType.SURPRISED;
        };
    }

    /**
     * Returns the pixel points a face given by Rekognition landmarks is aligned on: {@code eyeLeft},
     * {@code eyeRight} and the mouth centre (the mid-point of {@code mouthLeft} and {@code mouthRight}).
     *
     * @param face a face with those four landmarks, as ratios
     * @param width the width of the upright image the ratios refer to
     * @param height its height
     * @return eye left, eye right, mouth centre
     * @throws IllegalArgumentException if a landmark is missing
     */
    static PixelPoint[] alignmentPoints(FaceDetails face, int width, int height) {
        Point l = need(face, LandmarkType.EYE_LEFT);
        Point r = need(face, LandmarkType.EYE_RIGHT);
        Point ml = need(face, LandmarkType.MOUTH_LEFT);
        Point mr = need(face, LandmarkType.MOUTH_RIGHT);
        return new PixelPoint[] {new PixelPoint(l.x() * width, l.y() * height), new PixelPoint(r.x() * width, r.y() * height),
            new PixelPoint((ml.x() + mr.x()) / 2 * width, (ml.y() + mr.y()) / 2 * height)};
    }

    private static Point need(FaceDetails face, LandmarkType type) {
        return face.landmark(type).map(Landmark::position)
            .orElseThrow(() -> new IllegalArgumentException("face has no " + type.wireName() + " landmark"));
    }
}
