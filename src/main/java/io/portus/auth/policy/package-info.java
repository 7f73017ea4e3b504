/**
 * Which requested actions a principal gets: the Portus permission matrix (docs/compatibility.md#permission-matrix, 2.4+ form)
 * as a pure function ({@link io.portus.auth.policy.PermissionMatrix}) over plain facts, and
 * {@link io.portus.auth.policy.AccessPolicy} which loads those facts from the database.
 */
package io.portus.auth.policy;
