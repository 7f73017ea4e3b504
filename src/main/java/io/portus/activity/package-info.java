/**
 * The audit trail: an {@link io.portus.activity.Activity} for every change (Portus's keys), written by
 * listeners of the catalog's, namespaces' and teams' domain events, never by the code making the change;
 * read policy-scoped and exported as CSV by {@link io.portus.activity.ActivityService}.
 */
package io.portus.activity;
