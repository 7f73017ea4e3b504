/** The collector (mark, sweep), its database coordination, the registry-side guard, runs, schedule and metrics. */
package io.portus.gc.internal;
