/** Namespaces: list and search, create, detail (repositories, description, visibility, owning team), delete. */
package io.portus.web.namespace;
