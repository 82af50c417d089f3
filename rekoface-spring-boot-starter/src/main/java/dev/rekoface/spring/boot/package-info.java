/**
 * Spring Boot auto-configuration of rekoface: {@link dev.rekoface.spring.boot.RekofaceAutoConfiguration} creates the
 * {@code RekofaceClient}, {@code RekofaceAsyncClient} and {@code S3Images} beans from
 * {@link dev.rekoface.spring.boot.RekofaceProperties} ({@code rekoface.*}), customizable through
 * {@link dev.rekoface.spring.boot.RekognitionClientCustomizer} and
 * {@link dev.rekoface.spring.boot.RekofaceBuilderCustomizer} beans, and meters every call in Micrometer
 * ({@link dev.rekoface.spring.boot.RekofaceMeters}). For tests, {@code rekoface-spring-boot-test}'s
 * {@code @AutoConfigureLocalRekognition} points the beans at the local emulator.
 */
package dev.rekoface.spring.boot;
