package dev.rekoface.model;

/**
 * Image quality of the face region. Nominally 0-100, but kept as reported: some published examples carry values
 * above 100, and a model must not reject what the service (or its documentation) sends.
 *
 * @param brightness brightness of the face region
 * @param sharpness sharpness of the face region
 */
public record Quality(double brightness, double sharpness) {
    /** Rejects NaN and infinities. */
    public Quality {
        Percentages.requireFinite("brightness", brightness);
        Percentages.requireFinite("sharpness", sharpness);
    }
}
