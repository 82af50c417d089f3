package dev.rekoface.cli;

import picocli.CommandLine.Option;

/** The required {@code --collection} of the commands that work in one collection. Mixed into each of them. */
final class CollectionOption {
    @Option(names = {"--collection", "-c"}, required = true, paramLabel = "C", description = "The collection.")
    String id;
}
