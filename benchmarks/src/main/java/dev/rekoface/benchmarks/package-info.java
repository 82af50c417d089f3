/**
 * Benchmarks of rekoface: JMH benchmarks (run with {@code java -jar benchmarks/target/benchmarks.jar <regex>}) and
 * benchmark programs with their own {@code main}. Numbers and the commands that reproduce them are in the README.
 */
package dev.rekoface.benchmarks;
