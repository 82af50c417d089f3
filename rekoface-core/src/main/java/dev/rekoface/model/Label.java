package dev.rekoface.model;

import java.util.List;
import org.immutables.value.Value;

/**
 * An object, scene or concept found in an image by DetectLabels ("Person", "Sweater", ...). Immutable.
 */
@Value.Immutable
@ImmutablesStyle
public interface Label {

    /** Returns the label's name, e.g. {@code "Person"}. */
    String name();

    /** Returns the confidence, percent 0-100. */
    double confidence();

    /** Returns the located instances, for labels the service can locate. */
    List<LabelInstance> instances();

    /** Returns the names of the parent labels ("Man" has the parent "Person"). */
    List<String> parents();

    /** Returns other names of the label. */
    List<String> aliases();

    /** Returns the categories the label belongs to. */
    List<String> categories();

    /** Checks the confidence. */
    @Value.Check
    default void check() {
        Percentages.requirePercent("confidence", confidence());
    }

    /** Returns a new builder. */
    static Builder builder() {
        return new Builder();
    }

    /** Builds {@link Label}; {@code name} and {@code confidence} are required. */
    final class Builder extends ImmutableLabel.Builder {
    }
}
