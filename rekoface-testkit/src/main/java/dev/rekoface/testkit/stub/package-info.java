/**
 * Scripted Rekognition answers on WireMock: {@link dev.rekoface.testkit.stub.RekognitionStubs}. Use them to test how
 * code handles a given answer, error or delay; use the emulator for behaviour across calls.
 */
package dev.rekoface.testkit.stub;
