package dev.rekoface.spring.boot;

import java.util.Objects;

/**
 * Thrown at start-up when a {@code rekoface.*} property has a value rekoface refuses, such as a rate of 0, a threshold
 * of 0.7 or an unknown operation name. The message names the property and the value; Spring Boot's start-up failure
 * report shows them through {@link RekofacePropertyFailureAnalyzer}.
 */
public class InvalidRekofacePropertyException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String property;
    private final String value;

    /**
     * Creates the exception.
     *
     * @param property the full property name, e.g. {@code rekoface.rate-limit.per-second}
     * @param value the refused value as text (null when the property is missing)
     * @param message what is wrong, naming the property and the value
     */
    public InvalidRekofacePropertyException(String property, Object value, String message) {
        this(property, value, message, null);
    }

    /**
     * Creates the exception with a cause.
     *
     * @param property the full property name
     * @param value the refused value (null when the property is missing)
     * @param message what is wrong, naming the property and the value
     * @param cause the check that failed, e.g. core's {@link dev.rekoface.InvalidArgumentException}
     */
    public InvalidRekofacePropertyException(String property, Object value, String message, Throwable cause) {
        super(message, cause);
        this.property = Objects.requireNonNull(property, "property");
        this.value = value == null ? null : String.valueOf(value);
    }

    /** Returns the full name of the refused property, e.g. {@code rekoface.rate-limit.per-second}. */
    public String property() {
        return property;
    }

    /** Returns the refused value as text, or null when the property is missing. */
    public String value() {
        return value;
    }
}
