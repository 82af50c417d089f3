/**
 * Record and replay: {@link dev.rekoface.testkit.record.RekognitionRecorder} records real answers once (explicitly,
 * only what is missing, redacted) and replays them offline.
 */
package dev.rekoface.testkit.record;
