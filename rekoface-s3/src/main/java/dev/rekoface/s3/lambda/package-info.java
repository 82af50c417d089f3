/**
 * The S3-event pipeline: a Lambda handler that analyses each uploaded image and writes the annotated image and a JSON
 * summary to a processed bucket or prefix. Usable outside Lambda as a plain function.
 */
package dev.rekoface.s3.lambda;
