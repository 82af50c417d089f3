/**
 * One plain program per use case of the seed documents, each using only rekoface's public API (rekoface-core,
 * rekoface-s3). Each story's logic is a {@code run} method taking the clients; its {@code main} builds them
 * ({@link dev.rekoface.examples.Clients}) for AWS through the default chains, or for a running emulator with
 * {@code --endpoint URL [--s3-endpoint URL]}. The {@code rekoface tour} command runs the same methods on its backend.
 */
package dev.rekoface.examples;
