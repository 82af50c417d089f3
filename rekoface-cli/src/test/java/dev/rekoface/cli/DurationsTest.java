package dev.rekoface.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rekoface.InvalidArgumentException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationsTest {
    @Test
    void readsTheShortFormsAndIso() {
        assertThat(Durations.parse("90s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(Durations.parse("15m")).isEqualTo(Duration.ofMinutes(15));
        assertThat(Durations.parse("1H")).isEqualTo(Duration.ofHours(1));
        assertThat(Durations.parse("7d")).isEqualTo(Duration.ofDays(7));
        assertThat(Durations.parse("PT2H30M")).isEqualTo(Duration.ofMinutes(150));
    }

    @Test
    void formatsWithTheLargestExactUnit() {
        assertThat(Durations.format(Duration.ofSeconds(90))).isEqualTo("90s");
        assertThat(Durations.format(Duration.ofMinutes(120))).isEqualTo("2h");
        assertThat(Durations.format(Duration.ofDays(7))).isEqualTo("7d");
    }

    @Test
    void rejectsWhatIsNotADuration_namingIt() {
        assertThatThrownBy(() -> Durations.parse("1 week")).isInstanceOf(InvalidArgumentException.class)
            .hasMessageContaining("'1 week'");
        assertThatThrownBy(() -> Durations.parse("-5m")).isInstanceOf(InvalidArgumentException.class);
    }
}
