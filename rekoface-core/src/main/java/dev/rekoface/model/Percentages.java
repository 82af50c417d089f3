package dev.rekoface.model;

import dev.rekoface.InvalidArgumentException;

/** Checks shared by the models' compact constructors. */
final class Percentages {
    private Percentages() {
    }

    static double requirePercent(String what, double value) {
        if (!(value >= 0.0 && value <= 100.0)) {
            throw new InvalidArgumentException(what, what + " must be a percentage 0-100, was " + value);
        }
        return value;
    }

    static double requireFinite(String what, double value) {
        if (!Double.isFinite(value)) {
            throw new InvalidArgumentException(what, what + " must be a finite number, was " + value);
        }
        return value;
    }
}
