package dev.rekoface.testkit.emulator;

import dev.rekoface.model.FaceDetails;
import dev.rekoface.testkit.engine.EngineFaceSource;
import dev.rekoface.testkit.faces.EmulatorImage;
import dev.rekoface.testkit.faces.FaceSource;
import dev.rekoface.testkit.faces.SourceFace;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/** The face engine as a face source, loaded on first use: an emulator that never sees an unknown image never pays for it. */
final class LazyEngineSource implements FaceSource {
    private volatile EngineFaceSource engine;

    private EngineFaceSource engine() {
        EngineFaceSource e = engine;
        if (e == null) {
            synchronized (this) {
                e = engine;
                if (e == null) {
                    e = new EngineFaceSource();
                    engine = e;
                }
            }
        }
        return e;
    }

    @Override
    public String name() {
        return EngineFaceSource.NAME;
    }

    @Override
    public List<SourceFace> detect(EmulatorImage image, String sha256) {
        return engine().detect(image, sha256);
    }

    @Override
    public OptionalDouble similarity(SourceFace a, SourceFace b) {
        if (a.descriptor().isEmpty() || b.descriptor().isEmpty()) {
            return OptionalDouble.empty();
        }
        return engine().similarity(a, b);
    }

    @Override
    public Optional<float[]> describe(EmulatorImage image, String sha256, FaceDetails face) {
        return engine().describe(image, sha256, face);
    }
}
