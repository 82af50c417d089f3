/** Benchmark programs of the {@code rekoface} command line, run as separate processes. */
package dev.rekoface.benchmarks.cli;
