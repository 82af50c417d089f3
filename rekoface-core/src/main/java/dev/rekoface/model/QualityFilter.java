package dev.rekoface.model;

/**
 * How strictly the service filters out low-quality faces before comparing, searching or indexing.
 * {@code NONE} keeps every face; {@code AUTO} lets the service choose.
 */
public enum QualityFilter {
    NONE, AUTO, LOW, MEDIUM, HIGH
}
