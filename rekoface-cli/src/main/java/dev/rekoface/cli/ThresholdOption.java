package dev.rekoface.cli;

import dev.rekoface.model.Threshold;
import picocli.CommandLine.Option;

/** The {@code --threshold} of the commands that match faces: the lowest similarity that counts. Mixed into each. */
final class ThresholdOption {
    @Option(names = "--threshold", paramLabel = "PERCENT", defaultValue = "80",
        description = "Lowest similarity that counts as a match, 0-100 (default: ${DEFAULT-VALUE}).")
    double percent;

    /** Returns the threshold, refusing a value outside 0-100 in the option's name. */
    Threshold threshold() {
        return Threshold.of("--threshold", percent);
    }
}
