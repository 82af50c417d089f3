package dev.rekoface.spring.boot;

import dev.rekoface.image.ImageSource;
import dev.rekoface.testkit.emulator.RekognitionEmulator;
import dev.rekoface.testkit.fixtures.Fixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * The set-up the starter's tests share: one emulator per test class (faults and counters cleared before each test), a
 * photo of one face, and the auto-configuration runner, plain or pointed at the emulator with test credentials.
 */
abstract class EmulatorBackedTest {
    static RekognitionEmulator emulator;
    static ImageSource obama;

    final ApplicationContextRunner runner = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(RekofaceAutoConfiguration.class));

    @BeforeAll
    static void startEmulator() {
        emulator = RekognitionEmulator.builder().logRequests(false).start();
        obama = ImageSource.fromBytes(Fixtures.image("obama.jpg").bytes());
    }

    @AfterAll
    static void stopEmulator() {
        emulator.close();
    }

    @BeforeEach
    void clearEmulatorFaultsAndCounters() {
        emulator.clearFaults();
        emulator.resetCounters();
    }

    /**
     * Returns the runner pointed at the emulator, in a region, with static test credentials.
     *
     * @param region the region property
     * @return the runner
     */
    ApplicationContextRunner local(String region) {
        return runner.withPropertyValues("rekoface.endpoint=" + emulator.endpoint(), "rekoface.region=" + region,
            "rekoface.credentials.access-key=test", "rekoface.credentials.secret-key=test");
    }
}
