package dev.rekoface.testkit.emulator;

import dev.rekoface.testkit.faces.EmulatorImage;
import dev.rekoface.testkit.fixtures.Fixtures;

/** Builds {@link EmulatorImage}s for tests the way the emulator does: through its own image rules. */
public final class EmulatorImages {
    private EmulatorImages() {
    }

    /**
     * Checks bytes as an image sent as bytes and returns the accepted image.
     *
     * @param bytes the image
     * @return the image
     * @throws AssertionError naming the rule and the service's error if the emulator would refuse it
     */
    public static EmulatorImage accept(byte[] bytes) {
        try {
            return ImageRules.check(bytes, EmulatorImage.sha256(bytes), false);
        } catch (ImageRules.Rejected e) {
            throw new AssertionError("the emulator refuses the image (" + e.rule + ", " + e.error.code + "): " + e.getMessage());
        }
    }

    /**
     * Returns a fixture image as the emulator accepts it.
     *
     * @param name the fixture's file name
     * @return the image
     */
    public static EmulatorImage fixture(String name) {
        return accept(Fixtures.image(name).bytes());
    }
}
