/**
 * Bucket scans: the "find this person in a bucket of photos" job, generalised to compare, detect and recognize.
 * One JSON line per object, in key order, resumable after a kill.
 */
package dev.rekoface.s3.scan;
