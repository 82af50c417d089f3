package dev.rekoface.benchmarks.core;

import dev.rekoface.RekofaceClient;
import dev.rekoface.image.ImageSource;
import dev.rekoface.image.LocalImage;
import dev.rekoface.model.FaceDetails;
import dev.rekoface.retry.RateLimit;
import dev.rekoface.testkit.emulator.RekognitionEmulator;
import dev.rekoface.testkit.fixtures.Fixtures;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.rekognition.RekognitionClient;
import software.amazon.awssdk.services.rekognition.model.DetectFacesRequest;
import software.amazon.awssdk.services.rekognition.model.DetectFacesResponse;

/**
 * End-to-end cost of rekoface's facade against the raw SDK on loopback: DetectFaces of a 56 KB photo through the
 * emulator, with the SDK client alone and through rekoface (validated image, policies, mapping to models). Goal:
 * rekoface at most 1.05 x the raw SDK. rekoface's rate limit is switched off here: pacing is a policy, not overhead.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar FacadeOverheadBenchmark -f 1 -wi 3 -i 5}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class FacadeOverheadBenchmark {
    private RekognitionEmulator emulator;
    private RekognitionClient raw;
    private RekofaceClient reko;
    private LocalImage image;
    private DetectFacesRequest rawRequest;

    @Setup(Level.Trial)
    public void setUp() {
        emulator = RekognitionEmulator.builder().logRequests(false).start();
        raw = RekognitionClient.builder().endpointOverride(emulator.endpoint()).region(Region.US_EAST_1)
            .credentialsProvider(QuotaBenchmark.credentials()).build();
        reko = RekofaceClient.builder().endpointOverride(emulator.endpoint()).region(Region.US_EAST_1)
            .credentialsProvider(QuotaBenchmark.credentials()).rateLimit(RateLimit.unlimited()).build();
        byte[] bytes = Fixtures.image("Werner2.jpeg").bytes();
        image = ImageSource.fromBytes(bytes);
        rawRequest = DetectFacesRequest.builder().image(i -> i.bytes(SdkBytes.fromByteArray(bytes))).build();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        reko.close();
        raw.close();
        emulator.close();
    }

    @Benchmark
    public DetectFacesResponse rawSdk() {
        return raw.detectFaces(rawRequest);
    }

    @Benchmark
    public List<FaceDetails> rekoface() {
        return reko.detectFaces(image);
    }
}
