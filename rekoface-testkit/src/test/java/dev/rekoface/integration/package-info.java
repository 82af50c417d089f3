/**
 * rekoface-core's features end to end against the emulator: these tests live here because rekoface-core's own tests
 * cannot depend on the testkit (the testkit depends on core).
 */
package dev.rekoface.integration;
