/**
 * Implementation of rekoface-core. Not an API: types here may change in any release, and no public signature of
 * rekoface refers to them.
 */
package dev.rekoface.internal;
