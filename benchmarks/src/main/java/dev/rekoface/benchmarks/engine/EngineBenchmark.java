package dev.rekoface.benchmarks.engine;

import dev.rekoface.engine.EngineFace;
import dev.rekoface.engine.Expressions;
import dev.rekoface.engine.FaceDescriptor;
import dev.rekoface.engine.FaceEngine;
import dev.rekoface.testkit.fixtures.Fixtures;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Single-thread cost of the pure-Java face engine: detection on a 640-px photo (two faces) and on two photos of
 * about one megapixel (a portrait, and a group photo with three faces of about 50 px), the descriptor of one face
 * (chip cutting plus network, and the network alone) and its expressions.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar EngineBenchmark -f 1 -wi 3 -i 5}. Not thread-safe (JMH
 * state).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Threads(1)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class EngineBenchmark {
    private FaceEngine engine;
    private BufferedImage photo640;
    private BufferedImage portrait1mp;
    private BufferedImage group1mp;
    private EngineFace face;
    private BufferedImage chip150;
    private BufferedImage chip112;

    /** Loads the engine and prepares a 640-px photo and one detected face. */
    @Setup
    public void setUp() {
        engine = FaceEngine.load();
        BufferedImage src = FaceEngine.readUpright(Fixtures.image("two_people.jpg").bytes());
        int w = 640;
        int h = (int) Math.round(src.getHeight() * 640.0 / src.getWidth());
        photo640 = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = photo640.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(src, 0, 0, w, h, null);
        g.dispose();
        List<EngineFace> faces = engine.detect(photo640);
        if (faces.size() != 2) {
            throw new IllegalStateException("expected 2 faces, found " + faces.size());
        }
        face = faces.get(0);
        portrait1mp = FaceEngine.readUpright(Fixtures.image("obama.jpg").bytes());
        group1mp = FaceEngine.readUpright(Fixtures.image("family-1128318.jpg").bytes());
        chip150 = FaceEngine.alignedChip(photo640, face.eyeLeft(), face.eyeRight(), face.mouth(), FaceEngine.DESCRIPTOR_CHIP);
        chip112 = FaceEngine.alignedChip(photo640, face.eyeLeft(), face.eyeRight(), face.mouth(), FaceEngine.EXPRESSION_CHIP);
    }

    /** Detection on a 640x376 photo with two faces. */
    @Benchmark
    public List<EngineFace> detect640() {
        return engine.detect(photo640);
    }

    /** Detection on a 910x1137 portrait (1.03 megapixels, one face). */
    @Benchmark
    public List<EngineFace> detectPortrait1mp() {
        return engine.detect(portrait1mp);
    }

    /** Detection on a 1244x984 group photo (1.22 megapixels, three faces of about 50 px). */
    @Benchmark
    public List<EngineFace> detectGroup1mp() {
        return engine.detect(group1mp);
    }

    /** Descriptor of a detected face: chip cutting plus the recognition network. */
    @Benchmark
    public FaceDescriptor descriptorPerFace() {
        return engine.describe(photo640, face);
    }

    /** The recognition network alone, on an aligned 150x150 chip. */
    @Benchmark
    public FaceDescriptor descriptorNetworkOnly() {
        return engine.describeChip(chip150);
    }

    /** The expression network alone, on an aligned 112x112 chip. */
    @Benchmark
    public Expressions expressionsNetworkOnly() {
        return engine.expressionsOfChip(chip112);
    }
}
