package dev.rekoface.spring.boot;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;

/**
 * Turns an {@link InvalidRekofacePropertyException} into Spring Boot's start-up failure report: the property, the value,
 * where it was set when Spring knows, and the reason. Ordered first, so that a refused value bound from a file is
 * reported with rekoface's reason rather than as a generic binding failure.
 */
public class RekofacePropertyFailureAnalyzer extends AbstractFailureAnalyzer<InvalidRekofacePropertyException>
    implements Ordered {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InvalidRekofacePropertyException cause) {
        StringBuilder description = new StringBuilder("Invalid rekoface configuration:\n\n");
        description.append("    Property: ").append(cause.property()).append('\n');
        description.append("    Value: ").append(cause.value() == null ? "(not set)" : "\"" + cause.value() + "\"").append('\n');
        BindException bind = findCause(rootFailure, BindException.class);
        ConfigurationProperty bound = bind == null ? null : bind.getProperty();
        if (bound != null && bound.getOrigin() != null && bound.getName().toString().equals(cause.property())) {
            description.append("    Origin: ").append(bound.getOrigin()).append('\n');
        }
        description.append("    Reason: ").append(cause.getMessage());
        return new FailureAnalysis(description.toString(), "Update " + cause.property()
            + " in the application's configuration (application.properties or .yaml, the environment or the command line).",
            cause);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
