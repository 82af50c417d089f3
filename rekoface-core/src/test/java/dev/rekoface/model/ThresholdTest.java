package dev.rekoface.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rekoface.InvalidArgumentException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ThresholdTest {

    @ParameterizedTest
    @CsvSource({"0.7, 70", "0.05, 5", "1, 100", "0.999, 99.9"})
    void of_zeroToOneHabit_refusedWithTheLikelyIntent(double value, String intent) {
        assertThatThrownBy(() -> Threshold.of("face match threshold", value))
            .isInstanceOf(InvalidArgumentException.class)
            .hasMessageContaining("face match threshold " + Threshold.format(value) + " is on a 0-1 scale")
            .hasMessageEndingWith("(did you mean " + intent + "?)");
    }

    @ParameterizedTest
    @ValueSource(doubles = {-0.1, 100.01, 101, Double.NaN, Double.POSITIVE_INFINITY})
    void of_outsideZeroToHundred_refused(double value) {
        assertThatThrownBy(() -> Threshold.percent(value))
            .isInstanceOf(InvalidArgumentException.class)
            .hasMessageContaining("out of range");
    }

    @ParameterizedTest
    @ValueSource(doubles = {0, 1.5, 55, 80, 99.5, 100})
    void of_percent_accepted(double value) {
        assertThat(Threshold.percent(value).percent()).isEqualTo(value);
    }

    @Test
    void exactly_belowOnePercent_acceptedOnPurpose() {
        assertThat(Threshold.exactly(0.7).percent()).isEqualTo(0.7);
        assertThatThrownBy(() -> Threshold.exactly(120)).isInstanceOf(InvalidArgumentException.class);
    }

    @Test
    void parameter_isNamedInTheException() {
        InvalidArgumentException e = org.assertj.core.api.Assertions.catchThrowableOfType(InvalidArgumentException.class,
            () -> Threshold.of("similarity threshold", 0.8));
        assertThat(e.parameter()).contains("similarity threshold");
    }

    @Test
    void accepts_isInclusive() {
        Threshold t = Threshold.percent(80);
        assertThat(t.accepts(80)).isTrue();
        assertThat(t.accepts(79.99)).isFalse();
    }

    @Test
    void defaults_matchTheService() {
        assertThat(Threshold.DEFAULT_SIMILARITY.percent()).isEqualTo(80);
        assertThat(Threshold.DEFAULT_USER_ASSOCIATION.percent()).isEqualTo(75);
        assertThat(Threshold.DEFAULT_LABEL_CONFIDENCE.percent()).isEqualTo(55);
    }

    @Test
    void equality_byValue() {
        assertThat(Threshold.percent(70)).isEqualTo(Threshold.percent(70.0)).hasSameHashCodeAs(Threshold.percent(70))
            .isNotEqualTo(Threshold.percent(71));
        assertThat(Threshold.percent(70)).hasToString("70%");
    }
}
