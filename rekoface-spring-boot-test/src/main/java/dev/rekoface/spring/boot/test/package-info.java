/**
 * A test slice for applications on rekoface-spring-boot-starter:
 * {@link dev.rekoface.spring.boot.test.AutoConfigureLocalRekognition} runs a {@code @SpringBootTest} against the local
 * Rekognition emulator of rekoface-testkit.
 */
package dev.rekoface.spring.boot.test;
