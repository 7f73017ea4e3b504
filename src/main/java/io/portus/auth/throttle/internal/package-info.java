/** The {@code auth_failures} table behind the throttle, with an in-memory front of throttled addresses. */
package io.portus.auth.throttle.internal;
