/** Administration (admins only, checked on every request): users, registries, all activities with CSV export. */
package io.portus.web.admin;
