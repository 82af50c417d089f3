/**
 * Translation between the AWS SDK's shapes and rekoface's: response mappers by area ({@code FaceMapper},
 * {@code LabelMapper}, {@code CollectionMapper}, {@code UserMapper}), the error mapper, and image sources to SDK images.
 * Depends only on the public packages and the SDK; the operations above use it. Not an API.
 */
package dev.rekoface.internal.mapper;
