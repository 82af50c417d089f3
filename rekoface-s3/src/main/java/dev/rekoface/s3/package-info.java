/**
 * S3 for rekoface: {@code s3://} URIs, S3 image references, uploads, presigned links, bucket scans and an S3-event
 * handler.
 */
package dev.rekoface.s3;
