/**
 * A local Amazon Rekognition for tests.
 *
 * <ul>
 *   <li>The fixture pack — sample images, recorded responses and the face catalogue — comes with this module through
 *       its dependency {@code rekoface-testkit-fixtures}: use {@link dev.rekoface.testkit.fixtures.Fixtures}
 *       ({@code Fixtures.image("obama.jpg")}, {@code Fixtures.response("sdk-examples/DetectFaces.response.json")},
 *       {@code Fixtures.catalogueJson()}).</li>
 *   <li>{@link dev.rekoface.testkit.stub}: scripted answers on WireMock ("for DetectFaces on this image answer
 *       this").</li>
 *   <li>{@link dev.rekoface.testkit.record}: record real answers once, replay them offline.</li>
 *   <li>{@link dev.rekoface.testkit.emulator}: a stateful emulator speaking the AWS JSON 1.1 protocol, with quotas
 *       and faults; also a standalone jar.</li>
 *   <li>{@link dev.rekoface.testkit.junit}: {@code @LocalRekognition}, the JUnit 5 extension.</li>
 *   <li>{@link dev.rekoface.testkit.faces}: where the emulator's faces come from.</li>
 * </ul>
 */
package dev.rekoface.testkit;
