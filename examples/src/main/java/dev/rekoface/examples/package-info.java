/**
 * One runnable program per use case of the seed documents, each using only rekoface's public API, plus the
 * environment they run in: an embedded local stack by default ({@link dev.rekoface.examples.LocalStack}), a running
 * emulator ({@code --endpoint}), or AWS ({@code --aws}).
 */
package dev.rekoface.examples;
