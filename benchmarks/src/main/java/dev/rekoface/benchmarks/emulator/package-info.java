/** Benchmark programs for the testkit's emulator (plain {@code main}s, not JMH). */
package dev.rekoface.benchmarks.emulator;
