/** Teams: list, create, detail with members and roles (add, remove, change role) and the team's namespaces. */
package io.portus.web.team;
