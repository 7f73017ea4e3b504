/**
 * What every page shares: the {@link io.portus.web.support.Page} context (user, CSRF token, flash messages,
 * settings) added to each view, the mapping of domain refusals to pages and flash messages, paging links
 * and the docker commands for this host.
 */
package io.portus.web.support;
