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

    @Test
    void aLateCaller_doesNotPushTheScheduleBack() {
        AdaptivePacer p = new AdaptivePacer(50);
        long t0 = System.nanoTime() + 1_000_000_000L;       // after the construction-time slot
        assertThat(p.reserve(t0)).isZero();
        assertThat(p.reserve(t0)).isZero();                   // the one-interval credit after idling
        assertThat(p.reserve(t0)).isEqualTo(20_000_000L);     // then every 20 ms
        // the next caller wakes 5 ms after its slot (40 ms): the slot after stays at 60 ms, not 65
        assertThat(p.reserve(t0 + 45_000_000L)).isZero();
        assertThat(p.reserve(t0 + 60_000_000L)).as("no drift from the late wake-up").isZero();
        assertThat(p.reserve(t0 + 60_000_000L)).isEqualTo(20_000_000L);
    }

    @Test
    void callersArrivingTogether_getSlotsAtTheRate_plusOneCredit() {
        AdaptivePacer p = new AdaptivePacer(50);
        long now = System.nanoTime() + 1_000_000_000L;
        int inTenSeconds = 0;
        for (int i = 0; i < 1000; i++) {
            if (p.reserve(now) < 10_000_000_000L) {
                inTenSeconds++;
            }
        }
        assertThat(inTenSeconds).isEqualTo(501);
    }
}
