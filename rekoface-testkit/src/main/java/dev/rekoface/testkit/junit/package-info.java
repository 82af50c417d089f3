/**
 * JUnit 5 integration: {@link dev.rekoface.testkit.junit.LocalRekognition} runs a test class against the emulator and
 * injects ready clients; {@link dev.rekoface.testkit.junit.StubbedRekognition} does the same with scripted WireMock
 * stubs and fails a test that sent a request no stub matched.
 */
package dev.rekoface.testkit.junit;
