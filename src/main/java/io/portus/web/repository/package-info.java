/**
 * A repository's page: tags grouped by digest (size, author, pushed at, platforms of multi-arch images),
 * the docker pull command, stars, comments and description, and the deletes the user may do.
 */
package io.portus.web.repository;
