/** The dashboard: what happened lately that the user may see, starred repositories, their teams and namespaces. */
package io.portus.web.dashboard;
