/** Search across repositories, namespaces and teams the user may see. */
package io.portus.web.search;
