/**
 * One class per Rekognition call, each a {@link dev.rekoface.internal.operation.RekognitionOperation}: validate the
 * input and build the SDK request, call the sync or async SDK client, hand the response to a mapper. Sits between the
 * clients and policies of {@code dev.rekoface.internal} (above) and the mappers of {@code dev.rekoface.internal.mapper}
 * (below). Not an API.
 */
package dev.rekoface.internal.operation;
