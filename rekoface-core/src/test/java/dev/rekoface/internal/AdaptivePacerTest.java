package dev.rekoface.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class AdaptivePacerTest {

    @Test
    void reserve_spacesRequestsAtTheRate() {
        AdaptivePacer p = new AdaptivePacer(50);
        long first = p.reserve();
        long second = p.reserve();
        long third = p.reserve();
        assertThat(first).isLessThanOrEqualTo(1_000_000);
        assertThat(second - first).isCloseTo(20_000_000L, within(2_000_000L));
        assertThat(third - second).isCloseTo(20_000_000L, within(2_000_000L));
    }

    @Test
    void throttled_halvesTheRateOncePerVolley() {
        AdaptivePacer p = new AdaptivePacer(40);
        p.throttled();
        p.throttled();
        p.throttled();
        assertThat(p.rate()).as("throttles arriving together count once").isEqualTo(20);
    }

    @Test
    void succeeded_climbsBackButNeverAboveTheConfiguredRate() {
        AdaptivePacer p = new AdaptivePacer(50);
        p.throttled();
        assertThat(p.rate()).isEqualTo(25);
        for (int i = 0; i < 10; i++) {
            p.succeeded();
        }
        assertThat(p.rate()).isEqualTo(35, within(1e-9));
        for (int i = 0; i < 100; i++) {
            p.succeeded();
        }
        assertThat(p.rate()).isEqualTo(50);
    }

    @Test
    void halvedRate_spacesRequestsWider() {
        AdaptivePacer p = new AdaptivePacer(50);
        p.throttled();
        long a = p.reserve();
        long b = p.reserve();
        assertThat(b - a).isCloseTo(40_000_000L, within(2_000_000L));
    }
}
