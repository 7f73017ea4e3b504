/**
 * Brute-force throttling per client address ({@link io.portus.auth.throttle.AuthThrottle}), used by every
 * surface that checks credentials; the database-backed implementation is in {@code internal}.
 */
package io.portus.auth.throttle;
