/**
 * Runs one operation over many images with bounded concurrency: results stream as they complete, every item gets
 * exactly one outcome, progress is reported, and the run can be cancelled. The client's rate limit and retry policy
 * pace and protect each call, so a batch runs at the account's quota without being throttled.
 *
 * <pre>{@code
 * try (BatchRun<ImageSource, FaceComparison> run = Batch.of(photos).concurrency(16)
 *         .onProgress(p -> System.out.println(p.completed() + " done"))
 *         .runAsync(photo -> reko.compareFaces(ric, photo, 90))) {      // reko: a RekofaceAsyncClient
 *     for (BatchOutcome<ImageSource, FaceComparison> o : run) {
 *         o.result().filter(FaceComparison::hasMatch).ifPresent(c -> System.out.println("Ric is in " + o.item()));
 *     }
 * }
 * }</pre>
 */
package dev.rekoface.batch;
