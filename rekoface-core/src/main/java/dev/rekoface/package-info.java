/**
 * rekoface: face analysis on Amazon Rekognition with typed results, validated inputs and typed errors.
 *
 * <p>Start with {@link dev.rekoface.RekofaceClient} (blocking) or {@link dev.rekoface.RekofaceAsyncClient}
 * ({@link java.util.concurrent.CompletableFuture}). Images come from {@link dev.rekoface.image.ImageSource};
 * results are the immutable models of {@link dev.rekoface.model}; failures are subclasses of
 * {@link dev.rekoface.RekofaceException}.
 *
 * <p>Unless a method says otherwise, parameters must not be null and no method returns null.
 */
package dev.rekoface;
