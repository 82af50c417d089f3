/**
 * Image sources: bytes, files, streams, base64 text, data URLs and S3 object references.
 *
 * <p>Local images are read and validated when the source is created, before any network call: JPEG or PNG judged
 * from the bytes (never the file name), 1 byte to 5 MB, each side at least 80 pixels, complete (not truncated), and
 * not base64 text by mistake. Their EXIF orientation is read so that face geometry can be given in pixels of the
 * upright image. A rule broken gives an {@link dev.rekoface.InvalidImageException} whose
 * {@link dev.rekoface.InvalidImageException#reason() reason} names it.
 */
package dev.rekoface.image;
